using System.Security.Cryptography.X509Certificates;
using System.Text;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Delivery;

/// <summary>
/// A listener with a self-signed certificate fails as TLS unless the user trusts it (--ca) or waives checks (--insecure),
/// through either transport.
/// </summary>
[TestFixture(Transport.Conformance)]
[TestFixture(Transport.Load)]
public sealed class TlsTrustTests(Transport transport)
{
    private X509Certificate2 certificate = null!;
    private TlsListener listener = null!;

    [OneTimeSetUp]
    public async Task StartListener()
    {
        certificate = SelfSignedCertificate.Create();
        listener = await TlsListener.StartAsync(certificate);
    }

    [OneTimeTearDown]
    public async Task StopListener()
    {
        await listener.DisposeAsync();
        certificate.Dispose();
    }

    [Test]
    public async Task A_self_signed_certificate_fails_as_tls_with_the_system_roots()
    {
        var observation = await SendAsync(TlsTrust.System);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Tls), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Does.StartWith("TLS handshake failed: "));
        Assert.That(observation.Response, Is.Null);
    }

    [Test]
    public async Task Insecure_accepts_the_self_signed_certificate()
    {
        var observation = await SendAsync(TlsTrust.AcceptAny);
        Assert.That(observation.Response?.Status, Is.EqualTo(200), observation.Failure?.Message);
        Assert.That(observation.Response!.Body, Is.EqualTo("ok"));
    }

    [Test]
    public async Task Trusting_the_certificate_as_ca_accepts_it()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        var observation = await SendAsync(TlsTrust.Only([publicOnly]));
        Assert.That(observation.Response?.Status, Is.EqualTo(200), observation.Failure?.Message);
    }

    [Test]
    public async Task Trusting_another_ca_still_fails_as_tls()
    {
        using var other = SelfSignedCertificate.Create("some other authority");
        using var publicOnly = X509CertificateLoader.LoadCertificate(other.RawData);
        var observation = await SendAsync(TlsTrust.Only([publicOnly]));
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Tls), observation.Failure?.Message);
    }

    [Test]
    public async Task A_trusted_certificate_for_another_host_name_still_fails_as_tls()
    {
        using var elsewhere = SelfSignedCertificate.Create("another host", namesLoopback: false);
        await using var misnamed = await TlsListener.StartAsync(elsewhere);
        using var publicOnly = X509CertificateLoader.LoadCertificate(elsewhere.RawData);
        using var client = TransportUnderTest.Create(transport, TlsTrust.Only([publicOnly]));
        var observation = await client.SendAsync(Get(misnamed.Url), TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Tls), observation.Failure?.Message);
        Assert.That(misnamed.Requests, Is.Zero);
    }

    [Test]
    public async Task A_listener_that_closes_during_the_handshake_fails_as_tls()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var closing = Task.Run(async () =>
        {
            using var accepted = await silent.AcceptTcpClientAsync();
        });
        using var client = TransportUnderTest.Create(transport, TlsTrust.AcceptAny);
        var url = new Uri($"https://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/hook");
        var observation = await client.SendAsync(Get(url), TimeSpan.FromSeconds(5), CancellationToken.None);
        await closing;
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Tls), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Does.StartWith("TLS handshake failed: "));
    }

    [Test]
    public async Task A_handshake_that_outlasts_the_connect_timeout_is_a_timeout_in_the_same_words()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var holding = silent.AcceptTcpClientAsync();
        using var client = TransportUnderTest.Create(transport, TlsTrust.AcceptAny);
        var url = new Uri($"https://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/hook");
        var observation = await client.SendAsync(Get(url), TimeSpan.FromSeconds(5), CancellationToken.None);
        (await holding).Dispose();
        Assert.That(observation.Failure?.Kind, Is.EqualTo(FailureKind.Timeout), observation.Failure?.Message);
        Assert.That(observation.Failure!.Message, Does.Match(@"^no connection within the connect timeout \(gave up after \d+ ms\)$"));
        Assert.That(
            observation.LatencyMs,
            Is.GreaterThanOrEqualTo(TransportUnderTest.ConnectTimeout.TotalMilliseconds - 10).And.LessThan(4500)
        );
    }

    [Test]
    public async Task Deliveries_over_tls_arrive_whole_one_after_another()
    {
        using var client = TransportUnderTest.Create(transport, TlsTrust.AcceptAny);
        var before = listener.Connections;
        for (var delivery = 0; delivery < 3; delivery++)
        {
            var observation = await client.SendAsync(Get(listener.Url), TimeSpan.FromSeconds(5), CancellationToken.None);
            Assert.That(observation.Response?.Body, Is.EqualTo("ok"), observation.Failure?.Message);
        }

        // Conformance runs open a connection per webhook; load runs keep theirs alive.
        Assert.That(listener.Connections - before, Is.EqualTo(transport == Transport.Load ? 1 : 3));
    }

    private async Task<Observation> SendAsync(TlsTrust trust)
    {
        using var client = TransportUnderTest.Create(transport, trust);
        return await client.SendAsync(Get(listener.Url), TimeSpan.FromSeconds(5), CancellationToken.None);
    }

    private static WebhookRequest Get(Uri url) =>
        new()
        {
            Method = "POST",
            Url = url,
            ContentType = "text/plain",
            Body = Encoding.UTF8.GetBytes("x"),
        };
}
