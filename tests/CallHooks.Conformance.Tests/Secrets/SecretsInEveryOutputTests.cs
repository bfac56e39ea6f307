using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallHooks.Conformance.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Tests.Secrets;

/// <summary>
/// A listener that echoes our secrets back, in every form it might (as received, percent- and form-encoded, escaped in
/// JSON and HTML, in base64), in its headers and its body, and fails every delivery so all of it is recorded in full.
/// None of those forms may reach any output: results.json, junit.xml, report.html, report.md, the delivery log, or the
/// console, for a conformance run and a load run.
/// </summary>
public sealed partial class SecretsInEveryOutputTests
{
    private const string Password = "S3cr3t+pass/word&x";
    private const string HeaderSecret = "tok+en/123&<x>=\"q";

    private static readonly string Credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes("agent:" + Password));

    private static readonly string[] Secrets = [Password, HeaderSecret, Credentials];

    [Test]
    public async Task A_conformance_run_writes_no_form_of_any_secret_anywhere()
    {
        await using var listener = await EchoingListener();
        var run = await CliRun.InvokeAsync(
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--basic",
            "agent:" + Password,
            "--header",
            "X-Token: " + HeaderSecret,
            "--suite",
            "all",
            "--scenario",
            "incoming-answered",
            "--seed",
            "7",
            "--verify-url",
            listener.BaseUrl.AbsoluteUri + "calls/{uid}"
        );
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        Assert.That(listener.Requests, Is.Not.Empty);
        AssertNoSecretIn(run, ["results.json", "junit.xml", "report.html", "report.md"]);
    }

    [Test]
    public async Task A_load_run_writes_no_form_of_any_secret_anywhere()
    {
        await using var listener = await EchoingListener();
        var run = await CliRun.InvokeAsync(
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--basic",
            "agent:" + Password,
            "--header",
            "X-Token: " + HeaderSecret,
            "--calls",
            "20",
            "--rate",
            "1000",
            "--pace",
            "0",
            "--seed",
            "7"
        );
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        AssertNoSecretIn(run, ["results.json", "junit.xml", "report.html", "report.md", "deliveries.ndjson"]);
    }

    /// <summary>Every form of every secret, worked out here with the framework's own encoders.</summary>
    private static IEnumerable<(string Secret, string Form, string Name)> Forms() =>
        Secrets
            .SelectMany(secret =>
                new[]
                {
                    (secret, secret, "as sent"),
                    (secret, Uri.EscapeDataString(secret), "percent-encoded"),
                    (secret, WebUtility.UrlEncode(secret), "form-encoded"),
                    (secret, JsonEncodedText.Encode(secret).Value, "JSON-escaped"),
                    (secret, JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value, "JSON-escaped, relaxed"),
                    (secret, WebUtility.HtmlEncode(secret), "HTML-escaped"),
                    (secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), "base64"),
                }
            )
            .Distinct();

    private static void AssertNoSecretIn(CliRun run, string[] files)
    {
        // JSON outputs are searched raw and decoded: JSON escaping would hide a secret from a raw search alone.
        var outputs = files
            .Select(file => (file, run.File(file)))
            .Concat(
                files
                    .Where(file => file.EndsWith(".json", StringComparison.Ordinal))
                    .Select(file => (file + " decoded", JsonStrings.Decoded(run.File(file))))
            )
            .Concat(
                files
                    .Where(file => file.EndsWith(".ndjson", StringComparison.Ordinal))
                    .Select(file =>
                        (
                            file + " decoded",
                            string.Join("\n", run.File(file).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JsonStrings.Decoded))
                        )
                    )
            )
            .Append(("report.html data decoded", JsonStrings.Decoded(ReportData().Match(run.File("report.html")).Groups[1].Value)))
            .Append(("console", run.Out))
            .Append(("stderr", run.Error))
            .ToList();
        Assert.Multiple(() =>
        {
            foreach (var (name, text) in outputs)
            {
                foreach (var (secret, form, how) in Forms())
                    Assert.That(text, Does.Not.Contain(form), $"{name} holds {secret} {how}");
            }
        });
        Assert.That(run.File("results.json"), Does.Contain("[redacted]"), "the echoes were there to mask");
    }

    private static Task<ScriptedListener> EchoingListener() =>
        ScriptedListener.StartAsync(async context =>
        {
            var request = context.Request;
            var echo = new StringBuilder();
            foreach (var (secret, form, how) in Forms())
                echo.Append(how).Append(": ").Append(form).Append('\n');
            echo.Append("authorization: ").Append(request.Headers.Authorization.ToString()).Append('\n');
            echo.Append("x-token: ").Append(request.Headers["X-Token"].ToString()).Append('\n');
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.Headers["X-Echo-Auth"] = request.Headers.Authorization.ToString();
            context.Response.Headers["X-Echo-Token"] = Uri.EscapeDataString(request.Headers["X-Token"].ToString());
            await context.Response.WriteAsync(echo.ToString());
        });

    [GeneratedRegex(@"<script type=""application/json"" id=""report-data"">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ReportData();
}
