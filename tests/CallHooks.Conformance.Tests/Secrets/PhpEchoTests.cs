using System.Text.Json;
using System.Text.RegularExpressions;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Secrets;

/// <summary>
/// A PHP listener that answers every webhook with <c>json_encode</c> of the headers, body and query it got, as a debugging
/// integration does: json_encode writes <c>/</c> as <c>\/</c> and non-ASCII as <c>\u</c> escapes, so a token echoed that way
/// differs from the one sent. Run against the real <c>php -S</c>, none of those forms reaches any output.
/// </summary>
public sealed partial class PhpEchoTests
{
    private const string Token = "Ab3/x+Yz9=Qw/7+secretTok";
    private const string Password = "p4ss/w0rd+x";

    private const string EchoingListener = """
        <?php
        http_response_code(500);
        header('Content-Type: application/json');
        header('X-Echo: ' . json_encode(getallheaders()));
        echo json_encode(['headers' => getallheaders(), 'query' => $_SERVER['QUERY_STRING'] ?? '', 'body' => file_get_contents('php://input')]);
        """;

    [Test]
    public async Task A_json_encode_echo_of_every_header_leaves_no_form_of_a_secret_in_any_output()
    {
        await using var php = await PhpServer.StartAsync(EchoingListener);
        var run = await CliRun.InvokeAsync(
            "run",
            "--target",
            php.BaseUrl.AbsoluteUri,
            "--header",
            "X-Token: " + Token,
            "--basic",
            "agent:" + Password,
            "--scenario",
            "incoming-answered",
            "--suite",
            "security",
            "--seed",
            "7"
        );
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);

        var forms = new[]
        {
            Token,
            Token.Replace("/", "\\/", StringComparison.Ordinal),
            Password,
            Password.Replace("/", "\\/", StringComparison.Ordinal),
        };
        // JSON outputs are read decoded: a backslash of the echo is written there as two, which would hide it from a plain search.
        var outputs = new Dictionary<string, string>
        {
            ["results.json"] = JsonStrings.Decoded(run.File("results.json")),
            ["report.html data"] = JsonStrings.Decoded(ReportData().Match(run.File("report.html")).Groups[1].Value),
            ["junit.xml"] = run.File("junit.xml"),
            ["report.md"] = run.File("report.md"),
            ["console"] = run.Out + run.Error,
        };
        Assert.That(outputs["results.json"], Does.Contain("\\/"), "the echo is json_encode's, slashes escaped");
        Assert.Multiple(() =>
        {
            foreach (var (name, text) in outputs)
            {
                foreach (var form in forms)
                    Assert.That(text, Does.Not.Contain(form), $"{name} holds {form}");
            }
        });
    }

    [GeneratedRegex(@"<script type=""application/json"" id=""report-data"">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ReportData();
}
