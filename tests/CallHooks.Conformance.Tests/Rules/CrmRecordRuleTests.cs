using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Rules;

/// <summary>
/// CRM-001 against the reference listener: the correct one pushes one record per call and passes; the mode that pushes a
/// new record for every event (the assignment-for-comparison bug) gets the SHOULD warning naming the repeated POSTs.
/// </summary>
public sealed class CrmRecordRuleTests
{
    private static readonly string[] Run =
    [
        "run",
        "--scenario",
        "incoming-answered",
        "--downstream-port",
        "0",
        "--seed",
        "7",
        "--now",
        "2026-01-15T09:30:00Z",
    ];

    [Test]
    public async Task One_push_per_call_passes()
    {
        var run = await CliRun.InvokeAsync(Run);
        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(Crm(run).GetProperty("status").GetString(), Is.EqualTo("passed"));
    }

    [Test]
    public async Task A_new_crm_record_per_event_breaks_crm_001_with_the_repeated_posts()
    {
        var run = await CliRun.InvokeAsync([.. Run, "--listener-mode", "creates-crm-record-per-event"]);
        var crm = Crm(run);
        Assert.That(crm.GetProperty("status").GetString(), Is.EqualTo("warning"), run.ToString);
        Assert.That(
            crm.GetProperty("failures")[0].GetString(),
            Does.Match(
                @"^[2-9] POSTs to /\S* for one call \(caller \+91\d{10}\): each event created a CRM record where later events should update the first$"
            )
        );
        Assert.That(run.ExitCode, Is.Zero, "a SHOULD rule warns, it does not fail the run");
        Assert.That(run.Out, Does.Contain("WARN CRM-001 (SHOULD)"));
    }

    private static JsonElement Crm(CliRun run)
    {
        using var results = JsonDocument.Parse(run.File("results.json"));
        return results
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("rules")
            .EnumerateArray()
            .Single(rule => rule.GetProperty("id").GetString() == "CRM-001")
            .Clone();
    }
}
