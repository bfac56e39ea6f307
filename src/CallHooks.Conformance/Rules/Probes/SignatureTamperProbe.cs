using System.Text;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// SIG-001: a signed request whose content was changed after signing (signature kept) must be refused: a
/// listener that checks only that a signature header exists is as open as one that checks nothing.
/// </summary>
internal sealed class SignatureTamperProbe(Rule rule) : RuleProbe(rule)
{
    public override string? NotApplicable(RuleContext context) =>
        Credentials.Signed(new ProbeSender(context, Rule).BuildFirst())
            ? null
            : "requests are not signed (no --secret for a signing profile, no --sign)";

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var expect = context.Refusal(missing: false);
        var delivery = await sender
            .SendAsync(sender.First, Tamper(sender.BuildFirst()), "content changed after signing", expect, cancellationToken)
            .ConfigureAwait(false);
        return Verdict(context, ProbeSender.Failures([delivery]), [delivery]);
    }

    /// <summary>Changes what was signed while keeping the request well-formed: one more parameter, or one more space in JSON.</summary>
    private static WebhookRequest Tamper(WebhookRequest request)
    {
        if (!request.HasBody && request.Headers.Any(header => header.Key == "webhook-id"))
        {
            // Standard Webhooks signs id.timestamp.body, not the URL: change the id, keep the signature.
            return request with
            {
                Headers = request
                    .Headers.Select(header => header.Key == "webhook-id" ? KeyValuePair.Create(header.Key, header.Value + "0") : header)
                    .ToList(),
            };
        }

        if (!request.HasBody)
            return request with { Url = FormUrlEncoding.AppendQuery(request.Url, [KeyValuePair.Create("tampered", "1")]) };
        var body = Encoding.UTF8.GetString(request.Body.Span);
        var changed = request.ContentType!.Contains("json", StringComparison.OrdinalIgnoreCase)
            ? body.Insert(body.IndexOf('{', StringComparison.Ordinal) + 1, " ")
            : body + "&tampered=1";
        return request with { Body = Encoding.UTF8.GetBytes(changed) };
    }
}
