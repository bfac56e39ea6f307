using System.Text.Json;
using CallHooks.Conformance.Listener;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Rules;

/// <summary>
/// SIDE-001's two strengths against a listener nobody configured for the harness (the reference listener started on its own,
/// in the mode that keeps the raw payload with an empty caller field): searched as text, the record passes and the verdict
/// says the check was weak; read field by field (--verify-field), it fails with the field, its path and both values.
/// </summary>
public sealed class RecordFieldTests
{
    private static readonly string[] Fixed = ["--scenario", "incoming-answered", "--seed", "7", "--now", "2026-01-15T09:30:00Z"];

    [Test]
    public async Task A_record_searched_as_text_passes_a_raw_payload_and_the_verdict_calls_it_a_weak_check()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions { Mode = ListenerMode.StoresRawPayload });
        var run = await CliRun.InvokeAsync(["run", "--target", listener.BaseUrl.AbsoluteUri, "--verify-url", Calls(listener), .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        Assert.That(run.Out, Does.Contain("1 scenario: 1 passed, 0 failed, answers and data (weak record check)"));
        using var results = JsonDocument.Parse(run.File("results.json"));
        Assert.That(results.RootElement.GetProperty("checked").GetProperty("records").GetString(), Is.EqualTo("text"));
        var side = Rule(results, "SIDE-001");
        Assert.That(side.GetProperty("status").GetString(), Is.EqualTo("passed"));
        Assert.That(
            side.GetProperty("notChecked").GetString(),
            Does.StartWith("the record's fields: it was only searched as text for the caller's number, a weak check")
        );
    }

    [Test]
    public async Task Named_fields_are_compared_with_the_call_and_an_empty_caller_field_fails_with_the_reason()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions { Mode = ListenerMode.StoresRawPayload });
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--verify-url",
            Calls(listener),
            "--verify-field",
            "caller=$.caller",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var failures = Rule(results, "SIDE-001").GetProperty("failures").EnumerateArray().Select(failure => failure.GetString()).ToList();
        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.That(failures[0], Does.Match(@"^the record's caller \(\$\.caller\) is empty, but the call's caller is \+91\d{10}$"));
        Assert.That(results.RootElement.GetProperty("checked").GetProperty("records").GetString(), Is.EqualTo("fields"));
    }

    [Test]
    public async Task A_correct_listener_passes_every_named_field()
    {
        await using var listener = await ReferenceListener.StartAsync(new ListenerOptions());
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--verify-url",
            Calls(listener),
            "--verify-field",
            "caller=$.caller",
            "--verify-field",
            "status=$.status",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        Assert.That(run.Out, Does.Contain("1 scenario: 1 passed, 0 failed, answers and data"));
    }

    [TestCase(
        "who=$.caller",
        "callhooks: --verify-field 'who=$.caller': expected NAME=PATH with NAME one of caller, status, agent, duration, e.g. caller=$.client_number"
    )]
    [TestCase(
        "caller=client.number",
        "callhooks: --verify-field caller: 'client.number' is not a JSON path we read: a JSON path starts with $, e.g. $.caller or $.legs[0].agent"
    )]
    [TestCase(
        "caller=$.legs[x]",
        "callhooks: --verify-field caller: '$.legs[x]' is not a JSON path we read: [index] must hold a whole number at position 7"
    )]
    public async Task A_bad_field_is_a_usage_error_that_sends_nothing(string field, string expected)
    {
        await using var target = await ScriptedListener.AnsweringAsync(200);
        var run = await CliRun.InvokeAsync(
            "run",
            "--target",
            target.BaseUrl.AbsoluteUri,
            "--verify-url",
            target.BaseUrl.AbsoluteUri + "calls/{uid}",
            "--verify-field",
            field
        );
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.StartWith(expected));
        Assert.That(target.Requests, Is.Empty);
    }

    [Test]
    public async Task A_field_without_a_record_url_is_a_usage_error()
    {
        var run = await CliRun.InvokeAsync("run", "--target", "http://127.0.0.1:9/hook", "--verify-field", "caller=$.caller");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(
            run.Error,
            Does.StartWith("callhooks: --verify-field: names fields of the record --verify-url reads; add --verify-url URL with {uid}")
        );
    }

    private static string Calls(ReferenceListener listener) => new Uri(listener.BaseUrl, "calls/").AbsoluteUri + "{uid}";

    private static JsonElement Rule(JsonDocument results, string id) =>
        results
            .RootElement.GetProperty("scenarios")[0]
            .GetProperty("rules")
            .EnumerateArray()
            .Single(rule => rule.GetProperty("id").GetString() == id)
            .Clone();
}
