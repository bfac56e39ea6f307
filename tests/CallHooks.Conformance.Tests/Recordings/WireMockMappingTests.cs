using System.Text;

namespace CallHooks.Conformance.Tests.Recordings;

/// <summary>WireMock mappings rebuilt into requests from their exact patterns; the others listed with why.</summary>
public sealed class WireMockMappingTests : RecordingFileFixture
{
    [Test]
    public void A_java_mapping_with_equal_to_json_rebuilds_the_json_body()
    {
        var read = Read(
            "java.json",
            """
            {"mappings": [
              {"name": "ringing", "request": {"url": "/hook?src=mo", "method": "POST",
                 "headers": {"Content-Type": {"equalTo": "application/json"}, "User-Agent": {"contains": "Java"}},
                 "bodyPatterns": [{"equalToJson": "{\"uid\":\"1\"}", "ignoreArrayOrder": true}]},
               "response": {"status": 201, "jsonBody": {"ok": true}}},
              {"request": {"urlPath": "/hook", "method": "POST", "queryParameters": {"event": {"equalTo": "hang up"}},
                 "bodyPatterns": [{"equalToJson": {"uid": "1", "event": "hangup"}}]},
               "response": {"body": "fine"}}
            ]}
            """
        );

        Assert.That(read.Format, Is.EqualTo("wiremock-mappings"));
        Assert.That(read.Unplaced, Is.Empty);
        var (first, second) = (read.Exchanges[0], read.Exchanges[1]);
        Assert.Multiple(() =>
        {
            Assert.That(first.Method, Is.EqualTo("POST"));
            Assert.That(first.Target, Is.EqualTo("/hook?src=mo"));
            Assert.That(Encoding.UTF8.GetString(first.Body), Is.EqualTo("{\"uid\":\"1\"}"));
            Assert.That(
                first.Headers.Select(header => $"{header.Name}: {header.Value}"),
                Is.EqualTo(new[] { "Content-Type: application/json" })
            );
            Assert.That(first.Response?.Status, Is.EqualTo(201));
            Assert.That(first.Origin, Does.EndWith("java.json mapping 1 (ringing)"));
            Assert.That(first.At, Is.EqualTo(DateTimeOffset.UnixEpoch));
            Assert.That(second.At, Is.EqualTo(DateTimeOffset.UnixEpoch.AddSeconds(1)));
            Assert.That(second.Target, Is.EqualTo("/hook?event=hang%20up"));
            Assert.That(Encoding.UTF8.GetString(second.Body), Is.EqualTo("{\"uid\": \"1\", \"event\": \"hangup\"}"));
            Assert.That(second.Response?.Status, Is.EqualTo(200));
            Assert.That(second.Response?.Body, Is.EqualTo("fine"));
        });
    }

    [Test]
    public void A_wiremock_net_proxy_mapping_with_a_json_matcher_and_a_path_matcher_rebuilds()
    {
        var read = Read(
            "net.json",
            """
            [{"Guid": "0b7c", "Title": "Proxy Mapping for POST /hook",
              "Request": {"Path": {"Matchers": [{"Name": "WildcardMatcher", "Pattern": "/hook", "IgnoreCase": false}]},
                "Methods": ["POST"],
                "Headers": [{"Name": "Content-Type", "Matchers": [{"Name": "WildcardMatcher", "Pattern": "application/json"}]},
                            {"Name": "X-Request-Id", "Matchers": [{"Name": "WildcardMatcher", "Pattern": "req-*"}]}],
                "Body": {"Matcher": {"Name": "JsonMatcher", "Pattern": {"uid": "1"}, "IgnoreCase": true}}},
              "Response": {"StatusCode": 200, "BodyAsJson": {"ok": true}, "Headers": {"Content-Type": "application/json"}}},
             {"Request": {"Path": "/hook", "Methods": ["POST"], "Body": {"Matcher": {"Name": "ExactMatcher", "Pattern": "a=1"}}},
              "Response": {"StatusCode": 204}}]
            """
        );

        Assert.That(read.Unplaced, Is.Empty);
        var exchange = read.Exchanges[0];
        Assert.Multiple(() =>
        {
            Assert.That(exchange.Method, Is.EqualTo("POST"));
            Assert.That(exchange.Target, Is.EqualTo("/hook"));
            Assert.That(Encoding.UTF8.GetString(exchange.Body), Is.EqualTo("{\"uid\": \"1\"}"));
            Assert.That(exchange.Headers.Select(header => header.Name), Is.EqualTo(new[] { "Content-Type" }));
            Assert.That(exchange.Response?.Body, Is.EqualTo("{\"ok\": true}"));
            Assert.That(exchange.Origin, Does.EndWith("net.json mapping 1 (Proxy Mapping for POST /hook)"));
            Assert.That(Encoding.UTF8.GetString(read.Exchanges[1].Body), Is.EqualTo("a=1"));
            Assert.That(read.Exchanges[1].Response?.Status, Is.EqualTo(204));
        });
    }

    [Test]
    public void A_mapping_matched_only_by_patterns_is_listed_as_unplaced_with_why()
    {
        var read = Read(
            "patterns.json",
            """
            [{"request": {"urlPattern": "/hook/.*", "method": "POST"}, "response": {"status": 200}},
             {"request": {"url": "/hook", "method": "POST", "bodyPatterns": [{"matches": ".*uid.*"}]}, "response": {"status": 200}},
             {"Request": {"Path": {"Matchers": [{"Name": "RegexMatcher", "Pattern": "^/hook$"}]}, "Methods": ["POST"]}, "Response": {}},
             {"request": {"url": "/ok", "method": "GET"}, "response": {"status": 200}}]
            """
        );

        Assert.That(read.Exchanges.Single().Target, Is.EqualTo("/ok"));
        Assert.That(read.Exchanges.Single().At, Is.EqualTo(DateTimeOffset.UnixEpoch.AddSeconds(3)));
        Assert.That(
            read.Unplaced.Select(item => $"{Path.GetFileName(item.Origin)}: {item.Why}"),
            Is.EqualTo(
                new[]
                {
                    "patterns.json mapping 1: the URL is only a pattern (\"urlPattern\"), not an exact \"url\" or \"urlPath\"",
                    "patterns.json mapping 2: the body is only a pattern (\"matches\"), not \"equalTo\" or \"equalToJson\"",
                    "patterns.json mapping 3: the path is only a pattern, not an exact or wildcard-free matcher",
                }
            )
        );
    }

    [Test]
    public void A_mapping_without_a_response_is_refused_at_the_mapping()
    {
        var message = Refusal(
            "noresponse.json",
            "[{\"request\": {\"url\": \"/hook\", \"method\": \"POST\"}, \"response\": {}},\n {\"request\": {\"url\": \"/x\", \"method\": \"GET\"}}]"
        );

        Assert.That(message, Does.EndWith("noresponse.json:2:2: \"response\" must be an object (at /1)"));
    }
}
