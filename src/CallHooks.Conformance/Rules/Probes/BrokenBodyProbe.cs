using System.Text;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// ROB-006 to ROB-008: a body the listener cannot read (truncated JSON, a content type it does not take, nothing
/// at all) must get a 4xx: a 5xx tells the provider to retry a request that can never succeed, and a hang ties up
/// its workers. Where records can be read (<c>--verify-url</c>) the rule judges harm instead of manners: a 200 to a
/// malformed body that stored nothing passes (with a note), and a malformed body that created or changed a record
/// fails, naming the record, whatever the status.
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
        : Credentials.Signed(new ProbeSender(context, Rule).BuildFirst())
            ? "requests are signed: a listener that checks the signature first refuses a broken body with 401/403, which says nothing of how it reads one"
        : null;

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var judge = new Records.RecordJudge(context);
        var before = await judge.SnapshotAsync(sender.Call, cancellationToken).ConfigureAwait(false);
        var expect = before is null
            ? sender.ClientError
            : sender.ClientError with
            {
                Status = Expectations.StatusExpectation.Of(["4xx", "2xx"]),
            };
        var delivery = await sender
            .SendAsync(sender.First, breakBody(sender.BuildFirst()), probe, expect, cancellationToken)
            .ConfigureAwait(false);
        if (before is null)
            return Verdict(context, ProbeSender.Failures([delivery]), [delivery]);

        var after = (await judge.SnapshotAsync(sender.Call, cancellationToken).ConfigureAwait(false))!;
        var failures = ProbeSender.Failures([delivery]).ToList();
        var evidence = new List<string> { after.Describe() };
        if ((before.Unreadable ?? after.Unreadable) is { } unreadable)
            failures.Add(unreadable);
        else if (after.Count > before.Count || after.Body != before.Body)
            failures.Add(
                $"the {probe} {(after.Count > before.Count ? "created a record" : "changed the call's record")}: {after.Excerpt}; a body the listener cannot read must leave its data alone"
            );
        else if (delivery.Observation.Response?.Status is >= 200 and < 300)
            evidence.Insert(
                0,
                $"answered {delivery.Observation.Response.Status} to a body it cannot read but stored nothing, so no harm; a 4xx would tell the provider the request can never succeed"
            );
        return Verdict(context, failures, [delivery], evidence) with { Data = DataJudgement.Record };
    }
}
