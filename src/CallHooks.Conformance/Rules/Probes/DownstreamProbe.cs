namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// SIDE-003: the listener pushed the call to the CRM (the mock one the harness hosts with
/// <c>--downstream-port</c>) within the scenario's time, naming the caller. What arrived is kept as evidence.
/// </summary>
internal sealed class DownstreamProbe(Rule rule) : RuleProbe(rule)
{
    public override string? NotApplicable(RuleContext context) =>
        context.CrmNotJudged ?? (context.Scenario.Downstream is null ? "the scenario expects no downstream call" : null);

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var inbox = context.Options.Downstream!;
        var within = context.Scenario.Downstream!.Value;
        var customer = context.Result.Customer;
        var needles = DownstreamInbox.CallerNeedles(customer);
        var match = await inbox.WaitForAsync(needles, within, cancellationToken).ConfigureAwait(false);
        if (match is not null)
        {
            // The push arrived, which is what is judged; its answer, when it comes soon, makes the evidence complete.
            await Task.WhenAny(match.WhenAnswered, Task.Delay(TimeSpan.FromSeconds(1), context.Time, cancellationToken))
                .ConfigureAwait(false);
            return Verdict(context, [], evidence: [match.ToString()]);
        }
        var arrived = inbox.Received.Select(request => request.ToString()).Take(20).ToList();
        return Verdict(
            context,
            [
                $"expected the listener to call the CRM within {Scenarios.DurationText.Format(within)} with the caller's number {customer}; {(arrived.Count == 0 ? "nothing arrived" : $"{arrived.Count} other request(s) arrived")}",
            ],
            evidence: arrived
        );
    }
}
