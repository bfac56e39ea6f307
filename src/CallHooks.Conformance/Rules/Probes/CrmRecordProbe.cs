namespace CallHooks.Conformance.Rules.Probes;

/// <summary>
/// CRM-001: one call makes one record in the CRM. The mock CRM (<c>--downstream-port</c>) counts the creating requests
/// (POSTs) that name the call's caller, per path: two or more to one path mean each event created a record where a
/// later event should have updated the first, as a handler whose <c>if ($state = 3 || ...)</c> assigns instead of
/// compares does. Updates (PUT, PATCH, or a POST to the record's own URL) are not counted.
/// </summary>
internal sealed class CrmRecordProbe(Rule rule) : RuleProbe(rule)
{
    public override string? NotApplicable(RuleContext context) =>
        context.CrmNotJudged ?? (context.Scenario.Downstream is null ? "the scenario expects no downstream call" : null);

    public override async Task<RuleResult> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var inbox = context.Options.Downstream!;
        var needles = DownstreamInbox.CallerNeedles(context.Result.Customer);
        // Whatever the listener pushes for the call has been started by now; the first push may still be on its way.
        await inbox.WaitForAsync(needles, context.Scenario.Downstream!.Value, cancellationToken).ConfigureAwait(false);
        var creates = inbox
            .Received.Where(request =>
                request.Method == "POST" && needles.Any(needle => request.Body.Contains(needle, StringComparison.Ordinal))
            )
            .GroupBy(request => request.Path, StringComparer.Ordinal)
            .Where(path => path.Count() > 1)
            .ToList();
        var failures = creates
            .Select(path =>
                $"{path.Count()} POSTs to {path.Key} for one call (caller {context.Result.Customer}): each event created a CRM record where later events should update the first"
            )
            .ToList();
        var evidence = creates.SelectMany(path => path.Select(request => request.ToString()));
        return Verdict(context, failures, evidence: [.. evidence.Take(20)]);
    }
}
