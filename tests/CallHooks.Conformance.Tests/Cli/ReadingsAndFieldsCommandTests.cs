using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>`callhooks list --readings`, `list --fields PROVIDER`, and readings chosen with --option on a run.</summary>
public sealed class ReadingsAndFieldsCommandTests
{
    [Test]
    public async Task List_fields_shows_every_field_of_a_provider_with_its_sources_and_notes()
    {
        var run = await CliRun.InvokeAsync("list", "--fields", "myoperator-v2");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        Assert.That(run.Out, Does.StartWith("myoperator-v2: "));
        Assert.That(run.Out, Does.Contain("  v2-summary-sample      vendor sample         MyOperator's call.summary example"));
        Assert.That(run.Out, Does.Contain("  payload.legs[].dial_status\n      \"ANSWER\" | \"BUSY\" | \"NOANSWER\""));
        Assert.That(
            run.Out,
            Does.Contain(
                "  payload.remarks\n      string, empty\n      sources: assumption (no source: an assumption)\n      note: Live events"
            )
        );
    }

    [Test]
    public async Task List_fields_of_acefone_names_each_variable_the_live_bodies_offer()
    {
        var run = await CliRun.InvokeAsync("list", "--fields", "acefone");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        foreach (
            var variable in new[]
            {
                "$answer_agent_number",
                "$hangup_cause_key",
                "$hangup_cause_code",
                "$hangup_cause_description",
                "$answered_agent_number.follow_me_number",
            }
        )
            Assert.That(run.Out, Does.Contain("\n  " + variable + "\n"), variable);
        Assert.That(run.Out, Does.Contain("smartflo-live-c2c"));
    }

    [Test]
    public async Task List_fields_of_an_unknown_provider_exits_2_naming_the_known_ones()
    {
        var run = await CliRun.InvokeAsync("list", "--fields", "twillio");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(
            run.Error,
            Does.StartWith(
                "callhooks: --fields 'twillio': unknown provider; known: acefone, myoperator-aftercall, myoperator-incall, myoperator-v2, twilio, voipappz"
            )
        );
    }

    [Test]
    public async Task List_readings_shows_each_reading_its_choices_their_sources_and_why_the_default()
    {
        var run = await CliRun.InvokeAsync("list", "--readings");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        Assert.That(run.Out, Does.Contain("  --option uuid=...  Do the triggers of one call share one $uuid?"));
        Assert.That(run.Out, Does.Contain("    per-call (default) every trigger of a call carries the same uuid"));
        Assert.That(run.Out, Does.Contain("source: smartflo-live-c2c (live capture): live click-to-call bodies"));
        Assert.That(run.Out, Does.Contain("  --option no-answer=...  How is an unanswered leg's dial_status spelled?"));
        Assert.That(run.Out, Does.Contain("    why the default: bodies from a live account"));
        Assert.That(run.Out, Does.Contain("twilio: no readings"));
    }

    [TestCase(
        "myoperator-v2",
        "no-answer=maybe",
        "callhooks: --option no-answer=maybe: not a reading of no-answer; use account or documented (default account)"
    )]
    [TestCase("acefone", "numbers=e164", "callhooks: --option numbers=e164: not a reading of numbers; use live or cdr (default live)")]
    [TestCase(
        "myoperator-incall",
        "clid=intl",
        "callhooks: --option clid=intl: not a reading of clid; use national or e164 (default national)"
    )]
    public async Task A_reading_value_that_does_not_exist_exits_2_listing_the_values_and_sends_nothing(
        string provider,
        string option,
        string expected
    )
    {
        await using var listener = await ScriptedListener.AnsweringAsync(200);
        var run = await CliRun.InvokeAsync("run", "--provider", provider, "--target", listener.BaseUrl.AbsoluteUri, "--option", option);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.StartWith(expected));
        Assert.That(listener.Requests, Is.Empty);
    }

    [Test]
    public async Task A_chosen_reading_is_recorded_with_the_run_and_reaches_the_wire()
    {
        var run = await CliRun.InvokeAsync(
            "run",
            "--provider",
            "myoperator-v2",
            "--scenario",
            "incoming-missed",
            "--option",
            "no-answer=documented",
            "--seed",
            "42"
        );
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        var results = run.File("results.json");
        Assert.That(results, Does.Contain("\"option.no-answer\": \"documented\""));
        Assert.That(
            results,
            Does.Contain("\\u0022dial_status\\u0022:\\u0022NO ANSWER\\u0022").Or.Contain("\\\"dial_status\\\":\\\"NO ANSWER\\\"")
        );
    }

    [Test]
    public async Task A_twilio_run_without_a_secret_says_which_test_token_signed_its_requests()
    {
        var run = await CliRun.InvokeAsync("run", "--provider", "twilio", "--scenario", "incoming-missed", "--seed", "42");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        Assert.That(
            run.Error,
            Does.Contain("callhooks: twilio requests are signed (X-Twilio-Signature) with the test auth token 'callhooks-test-auth-token'")
        );
        Assert.That(run.File("results.json"), Does.Contain("\"signing\": \"provider (test auth token)\""));
    }
}
