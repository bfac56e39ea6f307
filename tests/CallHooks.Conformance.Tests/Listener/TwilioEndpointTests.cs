using System.Net;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>
/// The listener's /twilio endpoint: field formats, the sequence of one CallSid, and the reply. Without a secret it
/// verifies signatures made with callhooks' documented test token, as Twilio signs every request.
/// </summary>
public sealed class TwilioEndpointTests : ListenerTestBase
{
    [Test]
    public async Task A_well_formed_call_is_accepted_event_by_event()
    {
        var ringing = await PostAsync(TwilioKit.Callback(0, "initiated"));
        var completed = await PostAsync(TwilioKit.Callback(1, "no-answer", "Thu, 15 Jan 2026 09:30:21 +0000", duration: "0"));
        Assert.That((ringing.Status, completed.Status), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)), completed.Body);
        Assert.That(completed.Json.GetProperty("CallStatus").GetString(), Is.EqualTo("no-answer"));
        Assert.That(
            LogLines,
            Has.Some.EqualTo($"POST /twilio 200 accepted CallSid={TwilioKit.CallSid} CallStatus=no-answer SequenceNumber=1")
        );
    }

    [Test]
    public async Task Every_malformed_field_is_named_at_once()
    {
        var fields = TwilioKit
            .Callback(0, "answered", "2026-01-15T09:30:00Z")
            .With("CallSid", "CA123")
            .With("From", "08040001234")
            .With("Direction", "outbound")
            .With("ApiVersion", null);
        var reply = await PostAsync(fields);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            reply.Error,
            Does.Contain("CallSid 'CA123' is not CA followed by 32 lowercase hex digits")
                .And.Contain("From '08040001234' is not an E.164 number")
                .And.Contain("CallStatus 'answered' is not one of")
                .And.Contain("Direction 'outbound' is not inbound, outbound-api or outbound-dial")
                .And.Contain("ApiVersion is missing")
                .And.Contain("Timestamp '2026-01-15T09:30:00Z' is not RFC 2822 in UTC")
        );
    }

    [Test]
    public async Task CallDuration_belongs_to_the_final_status_only()
    {
        Assert.That(
            (await PostAsync(TwilioKit.Callback(0, "completed"))).Error,
            Is.EqualTo("CallDuration is missing from the completed event (CallStatus completed)")
        );
        Assert.That(
            (await PostAsync(TwilioKit.Callback(0, "ringing", duration: "0"))).Error,
            Is.EqualTo("CallDuration is sent only with a final CallStatus, not with ringing")
        );
    }

    [Test]
    public async Task Late_callbacks_are_accepted_but_a_sequence_number_names_one_callback_and_a_call_ends_once()
    {
        Assert.That((await PostAsync(TwilioKit.Callback(1, "ringing"))).Status, Is.EqualTo(HttpStatusCode.OK));
        var back = await PostAsync(TwilioKit.Callback(0, "initiated"));
        Assert.That(back.Status, Is.EqualTo(HttpStatusCode.OK), "callbacks travel in parallel: an earlier one may arrive later");

        Assert.That((await PostAsync(TwilioKit.Callback(2, "busy", duration: "0"))).Status, Is.EqualTo(HttpStatusCode.OK));
        var reused = await PostAsync(TwilioKit.Callback(1, "in-progress"));
        Assert.That(reused.Error, Is.EqualTo($"CallSid {TwilioKit.CallSid}: SequenceNumber 1 was already used by a different callback"));
        var secondEnd = await PostAsync(TwilioKit.Callback(3, "completed", duration: "5"));
        Assert.That(secondEnd.Error, Is.EqualTo($"CallSid {TwilioKit.CallSid}: a second final status completed after busy"));

        var again = await PostAsync(TwilioKit.Callback(2, "busy", duration: "0"));
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK), "Twilio's retry of the same callback");
        Assert.That(again.Json.GetProperty("duplicate").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Numbers_may_not_change_within_a_call()
    {
        await PostAsync(TwilioKit.Callback(0, "initiated"));
        var moved = await PostAsync(TwilioKit.Callback(1, "ringing").With("To", "+919800000000"));
        Assert.That(moved.Error, Is.EqualTo($"CallSid {TwilioKit.CallSid}: To changed from +919812345678 to +919800000000"));
    }

    [Test]
    public async Task A_json_body_needs_a_matching_bodySHA256()
    {
        var body = ListenerKit.Raw("{\"CallSid\":\"" + TwilioKit.CallSid + "\"}", "application/json");
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Post, "/twilio?bodySHA256=00", body);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.Error, Does.StartWith("bodySHA256 00 is not the SHA-256 of the body"));
    }

    [Test]
    public async Task Get_reads_the_query_string()
    {
        var path = "twilio?" + TwilioKit.Encode(TwilioKit.Callback(0, "initiated"));
        var signature = TwilioKit.Sign(Listener.BaseUrl.AbsoluteUri + path, [], TwilioKit.TestToken);
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/" + path, headers: h => h.Add("X-Twilio-Signature", signature));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Without_a_secret_an_unsigned_callback_gets_400_and_one_signed_with_another_token_403_as_twilio_node_answers()
    {
        var fields = TwilioKit.Callback(0, "initiated");
        var unsigned = await ListenerKit.PostAsync(
            Client,
            ListenerKit.Raw(TwilioKit.Encode(fields), "application/x-www-form-urlencoded"),
            "/twilio"
        );
        Assert.That((unsigned.Status, unsigned.Error), Is.EqualTo((HttpStatusCode.BadRequest, "X-Twilio-Signature is missing")));
        var other = await ListenerKit.SendAsync(
            Client,
            HttpMethod.Post,
            "/twilio",
            ListenerKit.Raw(TwilioKit.Encode(fields), "application/x-www-form-urlencoded"),
            headers => headers.Add("X-Twilio-Signature", TwilioKit.Sign(new Uri(Listener.BaseUrl, "twilio").AbsoluteUri, fields))
        );
        Assert.That(other.Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    /// <summary>A callback signed with the test token, as callhooks sends it when it has no auth token.</summary>
    private Task<Reply> PostAsync(List<KeyValuePair<string, string>> fields) =>
        ListenerKit.SendAsync(
            Client,
            HttpMethod.Post,
            "/twilio",
            ListenerKit.Raw(TwilioKit.Encode(fields), "application/x-www-form-urlencoded"),
            headers =>
                headers.Add(
                    "X-Twilio-Signature",
                    TwilioKit.Sign(new Uri(Listener.BaseUrl, "twilio").AbsoluteUri, fields, TwilioKit.TestToken)
                )
        );
}

/// <summary>With an auth token, the /twilio endpoint verifies X-Twilio-Signature over the URL as requested.</summary>
public sealed class TwilioSignatureEndpointTests : ListenerTestBase
{
    internal override void Configure(Conformance.Listener.ListenerOptions options) => options.Secret = TwilioKit.Token;

    [Test]
    public async Task A_correct_signature_passes_and_a_wrong_or_missing_one_gets_403()
    {
        var fields = TwilioKit.Callback(0, "initiated");
        var url = new Uri(Listener.BaseUrl, "twilio?tenant=a").AbsoluteUri;
        Assert.That((await SignedAsync(fields, TwilioKit.Sign(url, fields))).Status, Is.EqualTo(HttpStatusCode.OK));

        var forged = await SignedAsync(TwilioKit.Callback(1, "ringing"), TwilioKit.Sign(url, fields));
        Assert.That(forged.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(forged.Error, Is.EqualTo($"X-Twilio-Signature does not match the URL {url} and the parameters"));
        Assert.That((await SignedAsync(TwilioKit.Callback(1, "ringing"), null)).Error, Is.EqualTo("X-Twilio-Signature is missing"));
        Assert.That(forged.Body, Does.Not.Contain(TwilioKit.Token));
    }

    [Test]
    public async Task Get_signs_the_full_url_with_its_query()
    {
        var path = "twilio?" + TwilioKit.Encode(TwilioKit.Callback(0, "initiated"));
        var signature = TwilioKit.Sign(Listener.BaseUrl.AbsoluteUri + path, []);
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/" + path, headers: h => h.Add("X-Twilio-Signature", signature));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    private Task<Reply> SignedAsync(List<KeyValuePair<string, string>> fields, string? signature) =>
        ListenerKit.SendAsync(
            Client,
            HttpMethod.Post,
            "/twilio?tenant=a",
            ListenerKit.Raw(TwilioKit.Encode(fields), "application/x-www-form-urlencoded"),
            headers =>
            {
                if (signature is not null)
                    headers.Add("X-Twilio-Signature", signature);
            }
        );
}
