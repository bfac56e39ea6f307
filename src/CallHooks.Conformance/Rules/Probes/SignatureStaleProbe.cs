using System.Globalization;
using CallHooks.Conformance.Providers.StandardWebhooks;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// SIG-002: a Standard Webhooks request correctly signed, but with a timestamp ten minutes old, must be refused:
/// receivers reject timestamps older than five minutes, or a captured request can be replayed forever.
/// </summary>
internal sealed class SignatureStaleProbe(Rule rule) : RuleProbe(rule)
{
    private static readonly TimeSpan Age = TimeSpan.FromMinutes(10);

    public override string? NotApplicable(RuleContext context) =>
        context.Config.Sign == StandardWebhooksSigning.Scheme && context.Config.Secret is not null
            ? null
            : "requests are not signed with --sign standard-webhooks";

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var expect = context.Refusal(missing: false);
        var now = context.Config.SignatureClock?.GetUtcNow() ?? sender.EventTime(sender.First);
        var stale = Resign(sender.BuildFirst(), context.Config.Secret!, now - Age);
        var delivery = await sender
            .SendAsync(sender.First, stale, "signed, but 10 minutes old", expect, cancellationToken)
            .ConfigureAwait(false);
        return Verdict(context, ProbeSender.Failures([delivery]), [delivery]);
    }

    /// <summary>The same request with an old timestamp and a signature that is valid for it.</summary>
    internal static WebhookRequest Resign(WebhookRequest request, string secret, DateTimeOffset time)
    {
        var id = request.Headers.First(header => header.Key == StandardWebhooksSigner.IdHeader).Value;
        var timestamp = time.ToUnixTimeSeconds();
        var signature = StandardWebhooksSigner.Sign(StandardWebhooksSecret.Key(secret), id, timestamp, request.Body.Span);
        return request with
        {
            Headers = request
                .Headers.Select(header =>
                    header.Key switch
                    {
                        StandardWebhooksSigner.TimestampHeader => KeyValuePair.Create(
                            header.Key,
                            timestamp.ToString(CultureInfo.InvariantCulture)
                        ),
                        StandardWebhooksSigner.SignatureHeader => KeyValuePair.Create(header.Key, signature),
                        _ => header,
                    }
                )
                .ToList(),
        };
    }
}
