using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Running;

/// <summary>
/// Sends one event the way its provider handles Basic auth. Most send credentials with the first request. Twilio
/// sends none at first and, only when the answer is 401 with a <c>WWW-Authenticate: Basic</c> challenge, makes the
/// same request again with them; that first attempt is kept as an earlier attempt. A 401 without a challenge is
/// final, as it is for Twilio.
/// </summary>
internal sealed class ChallengeDelivery(WebhookRequestSender send)
{
    private const string Authorization = "Authorization";

    public async Task<(
        WebhookRequest Request,
        Observation Observation,
        IReadOnlyList<(WebhookRequest Request, Observation Observation)> Earlier
    )> SendAsync(WebhookRequest request, bool credentialsAfterChallenge, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!credentialsAfterChallenge || !request.Headers.Any(IsAuthorization))
            return (request, await send(request, timeout, cancellationToken).ConfigureAwait(false), []);

        var bare = request with { Headers = request.Headers.Where(header => !IsAuthorization(header)).ToList() };
        var first = await send(bare, timeout, cancellationToken).ConfigureAwait(false);
        if (!IsBasicChallenge(first) || cancellationToken.IsCancellationRequested)
            return (bare, first, []);
        var second = await send(request, timeout, cancellationToken).ConfigureAwait(false);
        return (request, second, [(bare, first)]);
    }

    private static bool IsAuthorization(KeyValuePair<string, string> header) =>
        header.Key.Equals(Authorization, StringComparison.OrdinalIgnoreCase);

    /// <summary>401 with a challenge whose scheme is Basic (a server may offer several challenges in one or more headers).</summary>
    internal static bool IsBasicChallenge(Observation observation) =>
        observation.Response is { Status: 401 } response
        && response.Headers.Any(header =>
            header.Key.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase)
            && header.Value.Split(',').Any(part => part.TrimStart().StartsWith("Basic", StringComparison.OrdinalIgnoreCase))
        );
}
