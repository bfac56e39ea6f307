using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.StandardWebhooks;

/// <summary>
/// <c>--sign standard-webhooks</c>: adds <c>webhook-id</c>, <c>webhook-timestamp</c> and <c>webhook-signature</c> to
/// any profile's request, after the profile built it. Nothing here depends on the provider.
/// </summary>
internal static class StandardWebhooksSigning
{
    public const string Scheme = "standard-webhooks";

    /// <summary>Signs <paramref name="request"/> when the configuration asks for Standard Webhooks; otherwise returns it unchanged.</summary>
    /// <remarks>
    /// The timestamp is the signature clock's time when the request is built, just before it is sent, as a provider
    /// signs (<see cref="WebhookConfig.SignatureClock"/>): real verifiers reject one more than five minutes away from
    /// their own clock. Without a signature clock it is the event's time in call time, so that the same seed and
    /// <c>--now</c> give the same bytes (golden files, replays). Either way a resend of the built request (the Basic
    /// challenge retry) is byte-identical.
    /// </remarks>
    public static WebhookRequest Apply(WebhookConfig config, StepContext context, WebhookRequest request)
    {
        if (config.Sign != Scheme || config.Secret is null)
            return request;
        var id = MessageId(context);
        var timestamp = (config.SignatureClock?.GetUtcNow() ?? context.EventTime).ToUnixTimeSeconds();
        var signature = StandardWebhooksSigner.Sign(StandardWebhooksSecret.Key(config.Secret), id, timestamp, request.Body.Span);
        var headers = request.Headers.ToList();
        headers.Add(KeyValuePair.Create(StandardWebhooksSigner.IdHeader, id));
        headers.Add(KeyValuePair.Create(StandardWebhooksSigner.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture)));
        headers.Add(KeyValuePair.Create(StandardWebhooksSigner.SignatureHeader, signature));
        return request with { Headers = headers, SecretValues = [.. request.SecretValues, config.Secret] };
    }

    /// <summary>
    /// <c>msg_</c> + 32 hex digits hashed from the call's seeded entropy and the step's position: unique per event,
    /// the same on every attempt of that event (the idempotency key the specification asks for), and reproducible.
    /// </summary>
    public static string MessageId(StepContext context)
    {
        var hash = SHA256.HashData(
            Encoding.UTF8.GetBytes(context.Call.Entropy + "/" + context.Index.ToString(CultureInfo.InvariantCulture))
        );
        return "msg_" + Convert.ToHexStringLower(hash, 0, 16);
    }
}
