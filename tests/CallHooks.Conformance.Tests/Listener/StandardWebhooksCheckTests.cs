using System.Net;
using System.Security.Cryptography;
using System.Text;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>With a whsec_ secret the listener verifies Standard Webhooks signatures on every provider's webhooks.</summary>
public sealed class StandardWebhooksCheckTests : ListenerTestBase
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    internal override void Configure(ListenerOptions options) => options.Secret = Secret;

    [TestCase("/twilio")]
    [TestCase("/webhook")]
    public async Task A_valid_signature_passes_for_any_provider(string path)
    {
        var body =
            path == "/twilio"
                ? TwilioKit.Encode(TwilioKit.Callback(0, "initiated"))
                : "myoperator=" + Uri.EscapeDataString(ListenerKit.SeedSample);
        var reply = await SendAsync(path, body, "msg_1", Now());
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task A_tampered_body_gets_403_whatever_other_signatures_are_listed()
    {
        var body = TwilioKit.Encode(TwilioKit.Callback(0, "initiated"));
        var reply = await SendAsync("/twilio", body, "msg_1", Now(), signedBody: body + "&x=1");
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(reply.Error, Is.EqualTo("webhook-signature has no v1 signature matching the body, webhook-id and webhook-timestamp"));
    }

    [Test]
    public async Task Timestamps_more_than_five_minutes_from_the_clock_are_rejected()
    {
        var body = TwilioKit.Encode(TwilioKit.Callback(0, "initiated"));
        var stale = await SendAsync("/twilio", body, "msg_1", Now() - 301);
        Assert.That(stale.Error, Is.EqualTo($"webhook-timestamp {Now() - 301} is 301 s old; the tolerance is 5 minutes"));
        Assert.That((await SendAsync("/twilio", body, "msg_1", Now() - 299)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Missing_headers_are_named()
    {
        var reply = await ListenerKit.PostAsync(
            Client,
            ListenerKit.Raw(TwilioKit.Encode(TwilioKit.Callback(0, "initiated")), "application/x-www-form-urlencoded"),
            "/twilio"
        );
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(reply.Error, Is.EqualTo("Standard Webhooks header(s) missing: webhook-id, webhook-timestamp, webhook-signature"));
    }

    private long Now() => Clock.Now.ToUnixTimeSeconds();

    private Task<Reply> SendAsync(string path, string body, string id, long timestamp, string? signedBody = null)
    {
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{signedBody ?? body}"));
        return ListenerKit.SendAsync(Client, HttpMethod.Post, path, ListenerKit.Raw(body, "application/x-www-form-urlencoded"), headers =>
        {
            // Twilio signs every request too; a whsec_ key is not an auth token, so its signature uses the test token.
            if (path == "/twilio")
                headers.Add(
                    "X-Twilio-Signature",
                    TwilioKit.Sign(new Uri(Listener.BaseUrl, "twilio").AbsoluteUri, Form(body), TwilioKit.TestToken)
                );
            headers.Add("webhook-id", id);
            headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            headers.Add("webhook-signature", "v1,AAAA v1," + Convert.ToBase64String(mac));
        });
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(string body) =>
        body.Split('&')
            .Select(pair => pair.Split('='))
            .Select(pair => KeyValuePair.Create(Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])));
}
