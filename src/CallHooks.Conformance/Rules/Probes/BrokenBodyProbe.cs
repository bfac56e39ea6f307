using System.Text;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// ROB-006 to ROB-008: a body the listener cannot read (truncated JSON, a content type it does not take, nothing
/// at all) must get a 4xx: a 5xx tells the provider to retry a request that can never succeed, and a hang ties up
/// its workers.
/// </summary>
internal sealed class BrokenBodyProbe(Rule rule, Func<WebhookRequest, WebhookRequest> breakBody, string probe) : RuleProbe(rule)
{
    /// <summary>Cuts the body in the middle: the JSON inside (raw, or in the form field) can no longer parse.</summary>
    public static WebhookRequest Truncated(WebhookRequest request)
    {
        var body = Encoding.UTF8.GetString(request.Body.Span);
        return request with { Body = Encoding.UTF8.GetBytes(body[..(body.Length / 2)]) };
    }

    public static WebhookRequest WrongContentType(WebhookRequest request) => request with { ContentType = "text/plain; charset=utf-8" };

    public static WebhookRequest Empty(WebhookRequest request) => request with { Body = ReadOnlyMemory<byte>.Empty };

    public override string? NotApplicable(RuleContext context) =>
        !context.HasBody ? "GET webhooks have no body to break"
        : Credentials.Signed(new ProbeSender(context, Rule).BuildFirst()) ? "requests are signed: a listener that checks the signature first refuses a broken body with 401/403, which says nothing of how it reads one"
        : null;

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var delivery = await sender.SendAsync(sender.First, breakBody(sender.BuildFirst()), probe, sender.ClientError, cancellationToken).ConfigureAwait(false);
        return Verdict(context, ProbeSender.Failures([delivery]), [delivery]);
    }
}
