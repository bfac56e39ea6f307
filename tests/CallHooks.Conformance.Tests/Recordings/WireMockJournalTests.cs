using System.Text;

namespace CallHooks.Conformance.Tests.Recordings;

/// <summary>WireMock's and WireMock.Net's request journals (GET /__admin/requests) read oldest first.</summary>
public sealed class WireMockJournalTests : RecordingFileFixture
{
    [Test]
    public void A_java_journal_listed_newest_first_reads_oldest_first_preferring_the_base64_bytes()
    {
        // The second request's "body" is the lossy text of bytes that are not UTF-8; "bodyAsBase64" has them exactly.
        var read = Read(
            "journal.json",
            """
            {"requests": [
              {"id": "b", "request": {"url": "/hook?event=hangup", "absoluteUrl": "http://localhost:8080/hook?event=hangup", "method": "POST",
                 "headers": {"Content-Type": "application/octet-stream", "X-Multi": ["1", "2"]},
                 "body": "\uFFFD", "bodyAsBase64": "/w==", "loggedDate": 1740824131500, "loggedDateString": "2025-03-01T10:15:31.500Z"},
               "responseDefinition": {"status": 202, "body": "later"}, "wasMatched": true},
              {"id": "a", "request": {"url": "/hook?event=ringing", "method": "POST",
                 "headers": {"Content-Type": "application/json"},
                 "body": "{\"uid\":\"1\"}", "loggedDate": 1740824130000},
               "responseDefinition": {"jsonBody": {"ok": true}}, "timing": {"totalTime": 7}}
            ],
            "meta": {"total": 2}, "requestJournalDisabled": false}
            """
        );

        Assert.That(read.Format, Is.EqualTo("wiremock-journal"));
        Assert.That(read.Exchanges.Select(exchange => exchange.Target), Is.EqualTo(new[] { "/hook?event=ringing", "/hook?event=hangup" }));
        var (first, second) = (read.Exchanges[0], read.Exchanges[1]);
        Assert.Multiple(() =>
        {
            Assert.That(first.At, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1740824130000)));
            Assert.That(Encoding.UTF8.GetString(first.Body), Is.EqualTo("{\"uid\":\"1\"}"));
            Assert.That(first.Response?.Status, Is.EqualTo(200));
            Assert.That(first.Response?.Body, Is.EqualTo("{\"ok\": true}"));
            Assert.That(first.DurationMs, Is.EqualTo(7));
            Assert.That(second.Body, Is.EqualTo(new byte[] { 0xFF }));
            Assert.That(
                second.Headers.Select(header => $"{header.Name}: {header.Value}"),
                Is.EqualTo(new[] { "Content-Type: application/octet-stream", "X-Multi: 1", "X-Multi: 2" })
            );
            Assert.That(second.Response?.Status, Is.EqualTo(202));
            Assert.That(second.Origin, Does.EndWith("journal.json journal entry 1"));
        });
    }

    [Test]
    public void A_wiremock_net_log_entry_array_reads()
    {
        var read = Read(
            "net-journal.json",
            """
            [
              {"Guid": "2", "Request": {"Url": "http://localhost:9091/hook?x=2", "AbsoluteUrl": "http://localhost:9091/hook?x=2", "Path": "/hook",
                 "Method": "POST", "Headers": {"Content-Type": ["application/json"]}, "Body": "{\"n\":2}", "DateTime": "2025-03-01T10:15:32Z"},
               "Response": {"StatusCode": "500", "Body": "down"}},
              {"Guid": "1", "Request": {"Url": "http://localhost:9091/hook?x=1", "Path": "/hook", "Method": "POST",
                 "Headers": {"Content-Type": ["application/x-www-form-urlencoded"], "Host": ["localhost:9091"]},
                 "Body": "ignored text", "BodyAsBytes": "YT0x", "DateTime": "2025-03-01T10:15:30Z"},
               "Response": {"StatusCode": 200, "BodyAsJson": {"ok": true}}}
            ]
            """
        );

        Assert.That(read.Format, Is.EqualTo("wiremock-journal"));
        Assert.That(read.Exchanges.Select(exchange => exchange.Target), Is.EqualTo(new[] { "/hook?x=1", "/hook?x=2" }));
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.ASCII.GetString(read.Exchanges[0].Body), Is.EqualTo("a=1"));
            Assert.That(read.Exchanges[0].Header("host"), Is.EqualTo("localhost:9091"));
            Assert.That(read.Exchanges[0].Response?.Body, Is.EqualTo("{\"ok\": true}"));
            Assert.That(read.Exchanges[1].Response?.Status, Is.EqualTo(500));
            Assert.That(read.Exchanges[1].At, Is.EqualTo(new DateTimeOffset(2025, 3, 1, 10, 15, 32, TimeSpan.Zero)));
        });
    }

    [Test]
    public void A_status_that_is_not_a_number_is_refused_at_the_status()
    {
        var message = Refusal(
            "bad.json",
            """
            {"requests": [{"request": {"url": "/hook", "method": "POST", "loggedDate": 1},
              "responseDefinition": {"status": "ok"}}]}
            """
        );

        Assert.That(message, Does.EndWith("\"status\" must be a whole number (at /requests/0/responseDefinition/status)"));
    }
}
