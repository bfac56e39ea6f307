using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>`callhooks run --provider myoperator-v2` end to end: the suite against the embedded listener, auth, redaction.</summary>
public sealed class MyOperatorV2RunTests
{
    private const string Key = "v2-Key+Secret/551";
    private static readonly string[] Fixed = ["--provider", "myoperator-v2", "--seed", "42", "--now", "2026-01-15T09:30:00Z"];

    private static IEnumerable<TestCaseData> AuthSetups()
    {
        yield return new TestCaseData((object)Array.Empty<string>()).SetName("V2_suite_passes_without_auth");
        yield return new TestCaseData((object)new[] { "--basic", "admin:123456" }).SetName("V2_suite_passes_with_basic_auth");
        yield return new TestCaseData((object)new[] { "--option", "api-key=" + Key }).SetName("V2_suite_passes_with_an_api_key_header");
        yield return new TestCaseData(
            (object)new[] { "--option", "api-key=" + Key, "--option", "api-key-in=query", "--option", "api-key-name=token" }
        ).SetName("V2_suite_passes_with_an_api_key_in_the_query");
        yield return new TestCaseData(
            (object)new[] { "--header", "x-tenant: acme", "--query", "src=const:myoperator", "--option", "api-key=" + Key }
        ).SetName("V2_suite_passes_with_a_custom_header_a_static_parameter_and_an_api_key");
    }

    [TestCaseSource(nameof(AuthSetups))]
    public async Task The_whole_v2_suite_passes_against_the_embedded_listener(string[] auth)
    {
        var run = await CliRun.InvokeAsync(["run", .. auth, .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var summary = results.RootElement.GetProperty("summary");
        Assert.That(summary.GetProperty("passed").GetInt32(), Is.EqualTo(9));
        Assert.That(summary.GetProperty("deliveries").GetInt32(), Is.EqualTo(45));
        Assert.That(
            results.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("provider").GetString()),
            Is.All.EqualTo("myoperator-v2")
        );
    }

    [TestCase("header")]
    [TestCase("query")]
    public async Task The_api_key_reaches_the_wire_but_no_output(string where)
    {
        await using var listener = await ScriptedListener.AnsweringAsync(200);
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--option",
            "api-key=" + Key,
            "--option",
            "api-key-in=" + where,
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);

        var sent = listener.Requests.ToList();
        Assert.That(sent, Has.Count.EqualTo(45));
        if (where == "header")
            Assert.That(sent.Select(request => request.Headers.GetValueOrDefault("x-api-key")), Is.All.EqualTo(Key));
        else
            Assert.That(sent.Select(request => request.PathAndQuery), Is.All.EndsWith("?api_key=v2-Key%2BSecret%2F551"));

        var everything = run.Out + run.Error + string.Concat(Directory.EnumerateFiles(run.OutDirectory).Select(File.ReadAllText));
        Assert.That(everything, Does.Not.Contain(Key).And.Not.Contain("v2-Key%2BSecret%2F551").And.Not.Contain("v2-Key"));
        using var results = JsonDocument.Parse(run.File("results.json"));
        var root = results.RootElement;
        Assert.That(root.GetProperty("commandLine").GetString(), Does.Contain("--option 'api-key=[redacted]'"));
        Assert.That(root.GetProperty("options").GetProperty("option.api-key").GetString(), Is.EqualTo("[redacted]"));
        var request = root.GetProperty("scenarios")[0].GetProperty("deliveries")[0].GetProperty("request");
        if (where == "query")
            Assert.That(request.GetProperty("url").GetString(), Does.EndWith("?api_key=[redacted]"));
        else
            Assert.That(
                request
                    .GetProperty("headers")
                    .EnumerateArray()
                    .Single(h => h.GetProperty("name").GetString() == "x-api-key")
                    .GetProperty("value")
                    .GetString(),
                Is.EqualTo("[redacted]")
            );
    }

    [Test]
    public async Task Eleven_custom_headers_exit_2_with_the_limit_named()
    {
        string[] headers = [.. Enumerable.Range(1, 11).SelectMany(n => new[] { "--header", $"x-h{n}: v" })];
        var run = await CliRun.InvokeAsync(["run", "--target", "http://127.0.0.1:9/", .. headers, .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.Contain("--header: myoperator-v2 allows at most 10 custom headers, got 11"));
    }

    [Test]
    public async Task Get_and_form_are_refused_because_v2_posts_json_only()
    {
        var run = await CliRun.InvokeAsync(["run", "--target", "http://127.0.0.1:9/", "--method", "GET", "--encoding", "form", .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(
            run.Error,
            Does.Contain("--method GET: myoperator-v2 sends POST").And.Contain("--encoding form: myoperator-v2 supports json")
        );
    }
}
