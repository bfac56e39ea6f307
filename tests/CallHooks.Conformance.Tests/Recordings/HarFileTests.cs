using System.Text;
using CallHooks.Conformance.Recordings;

namespace CallHooks.Conformance.Tests.Recordings;

/// <summary>HAR files (browser tools, proxies) read into exchanges with the body's exact bytes.</summary>
public sealed class HarFileTests : RecordingFileFixture
{
    private const string MyOperatorHar = """
        {"log": {"version": "1.2", "creator": {"name": "mitmproxy", "version": "10"}, "entries": [
          {"startedDateTime": "2025-03-01T10:15:30.250+05:30", "time": 42.5,
           "request": {"method": "POST", "url": "https://listener.example:8443/hooks/myoperator?src=mo#frag", "httpVersion": "HTTP/2",
             "headers": [
               {"name": ":authority", "value": "listener.example:8443"},
               {"name": "content-type", "value": "application/x-www-form-urlencoded"},
               {"name": "user-agent", "value": "MyOperator-Webhook"},
               {"name": "x-trace", "value": "a"},
               {"name": "x-trace", "value": "b"}],
             "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "myoperator=%7B%22uid%22%3A%221%22%7D",
               "params": [{"name": "myoperator", "value": "{\"uid\":\"1\"}"}]}},
           "response": {"status": 200, "statusText": "OK", "headers": [{"name": "content-type", "value": "application/json"}],
             "content": {"size": 11, "mimeType": "application/json", "text": "eyJvayI6dHJ1ZX0=", "encoding": "base64"}},
           "timings": {"send": 1, "wait": 40, "receive": 1.5}}]}}
        """;

    [Test]
    public void A_myoperator_form_post_reads_back_its_bytes_headers_time_and_response()
    {
        var read = Read("myoperator.har", MyOperatorHar);

        Assert.That(read.Format, Is.EqualTo("har"));
        var exchange = read.Exchanges.Single();
        Assert.Multiple(() =>
        {
            Assert.That(exchange.Method, Is.EqualTo("POST"));
            Assert.That(exchange.Target, Is.EqualTo("/hooks/myoperator?src=mo"));
            Assert.That(exchange.Body, Is.EqualTo(Encoding.ASCII.GetBytes("myoperator=%7B%22uid%22%3A%221%22%7D")));
            Assert.That(
                exchange.Headers.Select(header => $"{header.Name}: {header.Value}"),
                Is.EqualTo(
                    new[]
                    {
                        "content-type: application/x-www-form-urlencoded",
                        "user-agent: MyOperator-Webhook",
                        "x-trace: a",
                        "x-trace: b",
                    }
                )
            );
            Assert.That(exchange.At, Is.EqualTo(new DateTimeOffset(2025, 3, 1, 4, 45, 30, 250, TimeSpan.Zero)));
            Assert.That(exchange.DurationMs, Is.EqualTo(42.5));
            Assert.That(exchange.Response?.Status, Is.EqualTo(200));
            Assert.That(exchange.Response?.Body, Is.EqualTo("{\"ok\":true}"));
            Assert.That(exchange.Response?.Headers.Single().Value, Is.EqualTo("application/json"));
            Assert.That(exchange.Error, Is.Null);
            Assert.That(exchange.Origin, Does.EndWith("myoperator.har entry 1"));
        });
    }

    [Test]
    public void Params_without_text_rebuild_the_form_body()
    {
        var read = Read(
            "params.har",
            """
            {"log": {"entries": [{"startedDateTime": "2025-03-01T10:15:30Z", "time": 3,
              "request": {"method": "POST", "url": "http://127.0.0.1:5000/hook", "headers": [],
                "postData": {"mimeType": "application/x-www-form-urlencoded",
                  "params": [{"name": "myoperator", "value": "{\"uid\":\"1\"}"}, {"name": "a b", "value": "x&y"}]}},
              "response": {"status": 0, "headers": [], "content": {}}}]}}
            """
        );

        var exchange = read.Exchanges.Single();
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.ASCII.GetString(exchange.Body), Is.EqualTo("myoperator=%7B%22uid%22%3A%221%22%7D&a%20b=x%26y"));
            Assert.That(exchange.Response, Is.Null);
            Assert.That(exchange.Error, Is.EqualTo("no response recorded"));
        });
    }

    [Test]
    public void Base64_post_data_is_decoded_to_its_bytes()
    {
        var read = Read(
            "binary.har",
            """
            {"log": {"entries": [{"startedDateTime": "2025-03-01T10:15:30Z",
              "request": {"method": "POST", "url": "http://127.0.0.1:5000/hook",
                "postData": {"mimeType": "application/octet-stream", "text": "AP8=", "encoding": "base64"}}}]}}
            """
        );

        Assert.That(read.Exchanges.Single().Body, Is.EqualTo(new byte[] { 0x00, 0xFF }));
    }

    [Test]
    public void A_truncated_har_is_refused_with_file_line_and_column()
    {
        // The file ends inside a string on line 2, after its 30 characters.
        var path = Write("cut.har", "{\"log\": {\"entries\": [\n  {\"startedDateTime\": \"2025-03");

        var message = Assert.Throws<RecordingFormatException>(() => RecordingFiles.Read(path))!.Message;
        Assert.That(message, Does.StartWith($"{path}:2:31: invalid JSON: ").And.Contain("end of data"));
        Assert.That(message, Does.Not.Contain("LineNumber"), "the position is said once, in front");
    }

    [Test]
    public void A_request_without_a_method_is_refused_at_the_request()
    {
        var path = Write(
            "nomethod.har",
            """
            {"log": {"entries": [{"startedDateTime": "2025-03-01T10:15:30Z",
              "request": {"url": "http://127.0.0.1:5000/hook", "headers": []}}]}}
            """
        );

        var error = Assert.Throws<RecordingFormatException>(() => RecordingFiles.Read(path))!.Error;
        Assert.That(error.ToString(), Is.EqualTo($"{path}:2:14: \"method\" must be a string (at /log/entries/0/request)"));
    }

    [Test]
    public void Bad_base64_is_refused_at_the_text()
    {
        var message = Refusal(
            "bad.har",
            """
            {"log": {"entries": [{"startedDateTime": "2025-03-01T10:15:30Z",
              "request": {"method": "POST", "url": "http://h/hook", "postData": {"text": "%%%", "encoding": "base64"}}}]}}
            """
        );

        Assert.That(message, Does.EndWith("\"text\" must be base64 (at /log/entries/0/request/postData/text)"));
    }

    [Test]
    public void A_document_of_no_known_format_is_refused_at_its_start_naming_the_formats()
    {
        var message = Refusal("other.json", "{\"hello\": []}");

        Assert.That(message, Does.Contain("other.json:1:1: not a recording callhooks reads; it reads a callhooks recording"));
        Assert.That(message, Does.Contain("HAR").And.Contain("WireMock request journal").And.Contain("WireMock mappings"));
    }
}
