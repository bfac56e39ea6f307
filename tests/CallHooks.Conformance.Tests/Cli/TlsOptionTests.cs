using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Cli;

/// <summary>An https listener with a self-signed certificate: a TLS failure by default, trusted with --ca FILE or --insecure.</summary>
public sealed class TlsOptionTests
{
    private static readonly string[] Fixed = ["--scenario", "obd-no-answer", "--seed", "42", "--now", "2026-01-15T09:30:00Z"];
    private static X509Certificate2 certificate = null!;
    private static TlsListener listener = null!;
    private static string caFile = null!;

    [OneTimeSetUp]
    public static async Task StartListener()
    {
        certificate = SelfSignedCertificate.Create();
        listener = await TlsListener.StartAsync(certificate);
        caFile = SelfSignedCertificate.WritePem(certificate);
    }

    [OneTimeTearDown]
    public static async Task StopListener()
    {
        await listener.DisposeAsync();
        certificate.Dispose();
        File.Delete(caFile);
    }

    [Test]
    public async Task Without_trust_every_delivery_fails_as_tls_and_the_reports_are_written()
    {
        var run = await CliRun.InvokeAsync(["run", "--target", listener.Url.AbsoluteUri, .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        using var results = JsonDocument.Parse(run.File("results.json"));
        var error = results.RootElement.GetProperty("scenarios")[0].GetProperty("deliveries")[0].GetProperty("error");
        Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("tls"));
        Assert.That(error.GetProperty("message").GetString(), Does.StartWith("TLS handshake failed: "));
    }

    [Test]
    public async Task Insecure_accepts_the_self_signed_certificate()
    {
        var run = await CliRun.InvokeAsync(["run", "--target", listener.Url.AbsoluteUri, "--insecure", .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
    }

    [Test]
    public async Task The_certificate_given_with_ca_is_trusted()
    {
        var run = await CliRun.InvokeAsync(["run", "--target", listener.Url.AbsoluteUri, "--ca", caFile, .. Fixed]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
    }

    [Test]
    public async Task A_der_encoded_ca_file_is_read_too()
    {
        var der = Path.ChangeExtension(caFile, ".der");
        await File.WriteAllBytesAsync(der, certificate.RawData);
        try
        {
            var run = await CliRun.InvokeAsync(["run", "--target", listener.Url.AbsoluteUri, "--ca", der, .. Fixed]);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString);
        }
        finally
        {
            File.Delete(der);
        }
    }
}
