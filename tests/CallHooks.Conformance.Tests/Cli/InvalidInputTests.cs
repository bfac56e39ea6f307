using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>Bad input: a clear one-line error naming the problem, exit code 2, and nothing sent.</summary>
public sealed class InvalidInputTests
{
    private static ScriptedListener listener = null!;

    [OneTimeSetUp]
    public static async Task StartListener() => listener = await ScriptedListener.AnsweringAsync(200);

    [OneTimeTearDown]
    public static async Task StopListener() => await listener.DisposeAsync();

    [TestCase(
        new[] { "--scenario", "incoming-answerd" },
        "callhooks: --scenario 'incoming-answerd': unknown scenario for myoperator-incall; known: "
    )]
    [TestCase(new[] { "--provider", "exotel-x" }, "callhooks: --provider 'exotel-x': unknown provider; known: ")]
    [TestCase(new[] { "--header", "X-Token abc" }, "callhooks: --header 'X-Token': expected \"Name: value\" with a colon")]
    [TestCase(
        new[] { "--header", "Content-Type: text/plain" },
        "callhooks: --header Content-Type: set by the transport from the request itself; it cannot be configured"
    )]
    [TestCase(
        new[] { "--timeout", "5 seconds" },
        "callhooks: --timeout: '5 seconds' is not a duration: use a number and a unit, e.g. 250ms, 5s, 1.5s, 2m"
    )]
    [TestCase(new[] { "--timeout", "0s" }, "callhooks: --timeout: '0s' must be longer than zero")]
    [TestCase(new[] { "--seed", "99999999999" }, "callhooks: --seed '99999999999': must be a whole number from 0 to 2147483647")]
    [TestCase(new[] { "--now", "yesterday" }, "callhooks: --now 'yesterday': not an ISO-8601 instant; use e.g. 2026-01-15T09:30:00Z")]
    [TestCase(new[] { "--method", "PUT" }, "callhooks: --method PUT: myoperator-incall sends POST or GET")]
    [TestCase(new[] { "--encoding", "xml" }, "callhooks: --encoding xml: myoperator-incall supports form or json")]
    [TestCase(
        new[] { "--method", "GET", "--encoding", "json" },
        "callhooks: --encoding json: GET webhooks carry no body; --encoding applies to POST only"
    )]
    [TestCase(new[] { "--basic", "nocolon" }, "callhooks: --basic: expected user:pass (a user name, a colon, then the password)")]
    [TestCase(
        new[] { "--query", "caller number=clid" },
        "callhooks: --query 'caller number=clid': the name may hold letters, digits, '_', '-' and '.' only (the panel does not allow URL-encoded names)"
    )]
    [TestCase(
        new[] { "--query", "n=caller" },
        "callhooks: --query n=caller: 'caller' is not a myoperator-incall field; 'callhooks list' shows them"
    )]
    [TestCase(new[] { "--parallel", "0" }, "callhooks: --parallel '0': must be a whole number from 1 to 256")]
    [TestCase(
        new[] { "--secret", "tok3n" },
        "callhooks: --secret: myoperator-incall does not sign webhooks; send the secret as a custom header (--header \"Name: value\") or add --sign standard-webhooks"
    )]
    [TestCase(new[] { "--header", "X-Token=abc123def" }, "callhooks: --header 'X-Token': expected \"Name: value\" with a colon")]
    [TestCase(new[] { "--header", "my-token:", "abc123def" }, "callhooks: Unrecognized command or argument '[redacted]'.")]
    [TestCase(new[] { "--frobnicate" }, "callhooks: Unrecognized command or argument '--frobnicate'.")]
    public async Task Bad_options_exit_2_with_one_line_and_send_nothing(string[] bad, string expected)
    {
        listener.Requests.Clear();
        var run = await CliRun.InvokeAsync(["run", "--target", listener.BaseUrl.AbsoluteUri, .. bad]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.StartWith(expected));
        Assert.That(listener.Requests, Is.Empty);
        Assert.That(Directory.Exists(run.OutDirectory), Is.False, "no results for a run that never started");
    }

    [TestCase("ftp://127.0.0.1/hook")]
    [TestCase("not a url")]
    [TestCase("http:///nohost")]
    public async Task A_bad_target_url_is_refused(string target)
    {
        var run = await CliRun.InvokeAsync("run", "--target", target);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        Assert.That(run.Error, Does.StartWith($"callhooks: --target '{target}': not an http or https URL"));
    }

    [Test]
    public async Task Credentials_in_the_target_url_are_refused_without_echoing_them()
    {
        var run = await CliRun.InvokeAsync("run", "--target", "http://admin:hunter2@127.0.0.1:9/hook");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Not.Contain("hunter2"));
    }

    [Test]
    public async Task A_malformed_scenario_file_is_located_and_nothing_is_sent()
    {
        listener.Requests.Clear();
        var file = Path.Combine(Path.GetTempPath(), $"callhooks-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            file,
            "{\n  \"name\": \"x\",\n  \"provider\": \"myoperator-incall\",\n  \"call\": { \"type\": \"incoming\", \"outcome\": \"connected\" },\n  \"events\": [ { \"event\": \"1\", \"after\": \"soon\" } ]\n}\n"
        );
        try
        {
            var run = await CliRun.InvokeAsync("run", "--target", listener.BaseUrl.AbsoluteUri, "--scenario", file);
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
            Assert.That(
                run.Error,
                Is.EqualTo(
                    $"callhooks: {file}:5:40: 'soon' is not a duration: use a number and a unit, e.g. 250ms, 5s, 1.5s, 2m (at /events/0/after){Environment.NewLine}"
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
    public async Task Several_problems_are_all_reported_at_once()
    {
        var run = await CliRun.InvokeAsync("run", "--target", "nope", "--timeout", "x", "--seed", "-1");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(3));
    }
}
