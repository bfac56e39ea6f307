using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// AUTH-001 and AUTH-002: the first event of a fresh call, sent without its credentials or with wrong ones, must be
/// refused (401 or 403 by default), never accepted: anyone on the internet can reach a webhook URL.
/// </summary>
/// <param name="missing">True when the probe withholds the credential, false when it sends a wrong one.</param>
internal sealed class AuthProbe(Rule rule, Func<WebhookRequest, WebhookRequest> alter, string probe, bool missing) : RuleProbe(rule)
{
    public override string? NotApplicable(RuleContext context) =>
        Credentials.Present(new ProbeSender(context, Rule).BuildFirst())
            ? null
            : "the run configures no credential (--basic, --header, --secret): nothing to withhold";

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var sender = new ProbeSender(context, Rule);
        var expect = context.Refusal(missing);
        var delivery = await sender
            .SendAsync(sender.First, alter(sender.Build(sender.First)), probe, expect, cancellationToken)
            .ConfigureAwait(false);
        return Verdict(context, ProbeSender.Failures([delivery]), [delivery]);
    }
}
