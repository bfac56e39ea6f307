using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>`callhooks run --provider acefone` end to end: the embedded listener, user templates and validation.</summary>
public sealed class AcefoneRunTests
{
    private static readonly string[] Fixed = ["--provider", "acefone", "--seed", "42", "--now", "2026-01-15T09:30:00Z"];

    [TestCase("POST", "json")]
    [TestCase("POST", "form")]
    [TestCase("GET", null)]
    public async Task The_whole_acefone_suite_passes_against_the_embedded_listener(string method, string? encoding)
    {
        string[] args =
        [
            "run",
            "--method",
            method,
            .. encoding is null ? Array.Empty<string>() : ["--encoding", encoding],
            "--header",
            "x-acefone-token: s3cret",
            .. Fixed,
        ];
        var run = await CliRun.InvokeAsync(args);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var summary = results.RootElement.GetProperty("summary");
        var shipped = Directory.GetFiles(Path.Combine(RepoPaths.Scenarios, "acefone"), "*.json").Length;
        Assert.That(summary.GetProperty("passed").GetInt32(), Is.EqualTo(shipped));
        Assert.That(summary.GetProperty("failed").GetInt32(), Is.Zero);
        var first = results.RootElement.GetProperty("scenarios")[0];
        Assert.That(
            first.GetProperty("callId").GetString(),
            Does.Match(@"^h\d+\.\d\d-1768469400\.\d+$"),
            "the call_id as the listener received it, node prefix and all"
        );
        Assert.That(run.File("results.json"), Does.Not.Contain("s3cret"));
    }

    [TestCase(
        "json",
        "{\"caller\":\"$caller_id_number\",\"id\":\"$call_id\",\"leg\":\"$uuid\",\"at\":\"$start_stamp\",\"agent\":$answered_agent,\"note\":\"say \\\"hi\\\" for US$5\"}"
    )]
    [TestCase("form", "caller=$caller_id_number&id=$call_id&leg=$uuid&direction=$direction&agent=$answered_agent")]
    public async Task A_user_template_file_drives_the_body_and_passes_the_listener(string encoding, string template)
    {
        var file = Path.Combine(Path.GetTempPath(), "acefone-template-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(file, template + "\n");
        try
        {
            var run = await CliRun.InvokeAsync(["run", "--encoding", encoding, "--template", file, "--option", "timezone=UTC", .. Fixed]);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
            using var results = JsonDocument.Parse(run.File("results.json"));
            var body = results
                .RootElement.GetProperty("scenarios")[0]
                .GetProperty("deliveries")[0]
                .GetProperty("request")
                .GetProperty("body")
                .GetString()!;
            Assert.That(body, Does.StartWith(encoding == "json" ? "{\"caller\":\"" : "caller="));
            if (encoding == "json")
                Assert.That(body, Does.Contain("\"at\":\"2026-01-15 09:30:00\"").And.Contain("\"note\":\"say \\\"hi\\\" for US$5\""));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase(new[] { "--option", "timezone=PST" }, "callhooks: --option timezone=PST: use IST (UTC+05:30, the default) or UTC")]
    [TestCase(new[] { "--template", "/nonexistent/acefone.json" }, "callhooks: --template /nonexistent/acefone.json: file not found")]
    [TestCase(new[] { "--basic", "admin:123456" }, "callhooks: --basic: acefone's panel has no Basic auth")]
    [TestCase(new[] { "--encoding", "xml" }, "callhooks: --encoding xml: acefone supports json or form")]
    public async Task Invalid_acefone_input_exits_2_and_sends_nothing(string[] bad, string expected)
    {
        await using var listener = await ScriptedListener.AnsweringAsync(200);
        var run = await CliRun.InvokeAsync(["run", "--target", listener.BaseUrl.AbsoluteUri, .. bad, .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.StartWith(expected));
        Assert.That(listener.Requests, Is.Empty);
    }

    [Test]
    public async Task A_template_naming_an_unknown_variable_exits_2_at_its_file_line_and_column_and_sends_nothing()
    {
        await using var listener = await ScriptedListener.AnsweringAsync(200);
        var file = Path.Combine(Path.GetTempPath(), "acefone-template-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, "{\n  \"caller\": \"$caller_id_numbr\"\n}\n");
        try
        {
            var run = await CliRun.InvokeAsync(["run", "--target", listener.BaseUrl.AbsoluteUri, "--template", file, .. Fixed]);
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
            Assert.That(
                run.Error,
                Does.StartWith(
                    $"callhooks: {file}:2:14: $caller_id_numbr is not a variable acefone fills in; did you mean $caller_id_number?"
                )
            );
            Assert.That(listener.Requests, Is.Empty);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task A_json_template_with_form_encoding_is_refused_with_the_fix()
    {
        var file = Path.Combine(Path.GetTempPath(), "acefone-template-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, "{\"id\":\"$call_id\"}");
        try
        {
            var run = await CliRun.InvokeAsync(["run", "--encoding", "form", "--template", file, .. Fixed]);
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
            Assert.That(run.Error, Does.StartWith("callhooks: --template: a JSON template needs --encoding json (POST)"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
