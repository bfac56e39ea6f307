using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Rules.Records;

/// <summary>
/// Reads the listener's record of a call through <c>--verify-url</c> (<c>{uid}</c> standing for the call's id), with the
/// webhook's own credentials: a listener guards its records as it guards its webhooks.
/// </summary>
internal sealed class RecordReader(RuleContext context)
{
    public bool CanRead => context.Options.VerifyUrl is not null;

    public string CallId(Call call) => context.Profile.CallId(call, context.Config);

    public async Task<RecordSnapshot> ReadAsync(Call call, CancellationToken cancellationToken) =>
        await ReadAsync(CallId(call), cancellationToken).ConfigureAwait(false);

    public async Task<RecordSnapshot> ReadAsync(string callId, CancellationToken cancellationToken)
    {
        var url = new Uri(context.Options.VerifyUrl!.Replace("{uid}", Uri.EscapeDataString(callId), StringComparison.Ordinal));
        var request = context.Profile.Authenticate(new WebhookRequest { Method = "GET", Url = url }, context.Config with { Target = url });
        var observation = await context.Dispatcher.SendAsync(request, context.Timeout, cancellationToken).ConfigureAwait(false);
        return observation.Response is { } response
            ? new RecordSnapshot(url, response.Status, response.Body, null)
            : new RecordSnapshot(url, 0, "", observation.Failure?.Message ?? "no answer");
    }
}
