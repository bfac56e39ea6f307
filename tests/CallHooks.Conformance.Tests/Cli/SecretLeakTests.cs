using System.Text;
using CallHooks.Conformance.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>
/// A Basic password, a secret header and a signing secret never reach an output file or the console: not on
/// success, not when the listener fails, not when it echoes what it received, not in a usage error.
/// </summary>
public sealed class SecretLeakTests
{
    private const string HeaderSecret = "t0ken-Secret-991";
    private const string Password = "Pa55-Secret-771";
    private const string SigningSecret = "whsec_c2lnbmluZy1TZWNyZXQtNTUzLWtleS1mb3ItdGVzdHM=";
    private static readonly string BasicToken = Convert.ToBase64String(Encoding.UTF8.GetBytes("crm:" + Password));
    private static readonly string[] Secrets = [HeaderSecret, Password, SigningSecret, BasicToken];
    private static readonly string[] Fixed = ["--seed", "42", "--now", "2026-01-15T09:30:00Z"];

    [Test]
    public async Task A_listener_that_echoes_our_secrets_back_in_a_500_leaks_none_of_them()
    {
        // A debugging listener: it fails, and quotes every header it got (and the signing key it expected) in its body and headers.
        await using var listener = await ScriptedListener.StartAsync(async context =>
        {
            var echo = string.Join("\n", context.Request.Headers.Select(header => $"{header.Key}: {header.Value}"));
            context.Response.StatusCode = 500;
            context.Response.Headers["X-Echo-Authorization"] = context.Request.Headers.Authorization.ToString();
            context.Response.Headers["X-Echo-Token"] = context.Request.Headers["X-Token"].ToString();
            await context.Response.WriteAsync($"bad signature, expected key {SigningSecret}\n{echo}");
        });

        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            listener.BaseUrl.AbsoluteUri,
            "--scenario",
            "incoming-answered",
            .. SecretOptions(),
            .. Fixed,
        ]);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        Assert.That(listener.Requests.First().Headers["X-Token"], Is.EqualTo(HeaderSecret), "the secrets did go on the wire");
        AssertNoSecret(run);
        Assert.That(run.File("results.json"), Does.Contain("X-Echo-Authorization").And.Contain("bad signature, expected key [redacted]"));
    }

    [Test]
    public async Task A_passing_run_leaks_none_of_them()
    {
        var run = await CliRun.InvokeAsync(["run", "--scenario", "obd-no-answer", .. SecretOptions(), .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        AssertNoSecret(run);
        Assert.That(run.File("results.json"), Does.Contain("--secret '[redacted]'").Or.Contain("--secret [redacted]"));
    }

    [Test]
    public async Task A_listener_that_is_not_there_leaks_none_of_them()
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            "http://callhooks-listener.invalid/hook",
            "--scenario",
            "obd-no-answer",
            .. SecretOptions(),
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        AssertNoSecret(run);
    }

    [Test]
    public async Task A_usage_error_leaks_none_of_them()
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--target",
            "http://127.0.0.1:9/hook",
            "--timeout",
            "soon",
            "--header",
            "X-Token " + HeaderSecret,
            .. SecretOptions(),
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString);
        AssertNoSecret(run);
    }

    [Test]
    public async Task Secrets_given_with_equals_signs_are_masked_too()
    {
        var run = await CliRun.InvokeAsync([
            "run",
            "--scenario",
            "obd-no-answer",
            "--header=X-Token: " + HeaderSecret,
            "--basic=crm:" + Password,
            "--secret=" + SigningSecret,
            "--sign=standard-webhooks",
            .. Fixed,
        ]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        AssertNoSecret(run);
    }

    private static string[] SecretOptions() =>
        ["--header", "X-Token: " + HeaderSecret, "--basic", "crm:" + Password, "--secret", SigningSecret, "--sign", "standard-webhooks"];

    private static void AssertNoSecret(CliRun run)
    {
        var files = Directory.Exists(run.OutDirectory)
            ? Directory.EnumerateFiles(run.OutDirectory, "*", SearchOption.AllDirectories).ToList()
            : [];
        var everything = new StringBuilder(run.Out).Append(run.Error);
        foreach (var file in files)
            everything.Append(File.ReadAllText(file));
        foreach (var secret in Secrets)
            Assert.That(
                everything.ToString(),
                Does.Not.Contain(secret),
                $"'{secret}' leaked into the console or one of {files.Count} output file(s)"
            );
    }
}
