using System.Text.Json;
using System.Text.RegularExpressions;
using CallHooks.Conformance.Tests.Support;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Tests.Providers.MyOperatorV2;

/// <summary>The documented 12-field root envelope, read back with JsonDocument field by field.</summary>
public sealed class V2EnvelopeTests
{
    private static readonly string[] DocumentedOrder =
    [
        "event_id",
        "company_id",
        "event_type",
        "event_sequence",
        "event_version",
        "timestamp",
        "channel",
        "direction",
        "session_id",
        "system_identifier",
        "customer_identifier",
        "payload",
    ];

    private static IEnumerable<string> ScenarioNames() => V2Kit.All().Select(scenario => scenario.Name);

    [Test]
    public void Every_event_is_a_json_post_with_the_documented_envelope_in_order()
    {
        var requests = V2Kit.Requests(V2Kit.Scenario("incoming-ivr-answered"));
        Assert.That(requests, Has.Count.EqualTo(7));
        foreach (var request in requests)
        {
            using var body = JsonDocument.Parse(request.Body);
            var names = body.RootElement.EnumerateObject().Select(property => property.Name).ToList();
            var expected =
                body.RootElement.GetProperty("event_type").GetString() == "call.disposition"
                    ? DocumentedOrder.Where(name => name != "event_sequence")
                    : DocumentedOrder;
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("POST"));
                Assert.That(request.ContentType, Is.EqualTo("application/json"));
                Assert.That(names, Is.EqualTo(expected));
            });
        }
    }

    [TestCaseSource(nameof(ScenarioNames))]
    public void Envelope_values_have_the_documented_types_and_formats(string scenario)
    {
        foreach (var body in V2Kit.Bodies(scenario))
        {
            var type = body.GetProperty("event_type").GetString();
            Assert.Multiple(() =>
            {
                Assert.That(body.GetProperty("event_version").GetRawText(), Is.EqualTo("1"), "an integer, currently 1");
                Assert.That(body.GetProperty("channel").GetString(), Is.EqualTo("call"));
                Assert.That(body.GetProperty("direction").GetString(), Is.AnyOf("incoming", "outgoing"));
                Assert.That(body.GetProperty("timestamp").GetString(), Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"));
                Assert.That(body.GetProperty("customer_identifier").GetString(), Does.Match(@"^\+91[6-9]\d{9}$"));
                Assert.That(body.GetProperty("company_id").GetString(), Does.Match("^[0-9a-f]{16}$"));
                Assert.That(
                    body.GetProperty("event_id").GetString(),
                    Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"),
                    "UUIDv8"
                );
                Assert.That(body.GetProperty("payload").ValueKind, Is.EqualTo(JsonValueKind.Object));
                if (type == "call.summary")
                    Assert.That(
                        body.GetProperty("system_identifier").ValueKind,
                        Is.EqualTo(JsonValueKind.Null),
                        "null on call.summary by design"
                    );
                else
                    Assert.That(body.GetProperty("system_identifier").GetString(), Does.Match(@"^\+91\d{10}$"), "the DID");
            });
        }
    }

    [TestCase("incoming-answered", "incoming")]
    [TestCase("obd-no-answer", "outgoing")]
    [TestCase("click-to-call-rejected", "outgoing")]
    public void Direction_follows_the_call_type(string scenario, string direction) =>
        Assert.That(V2Kit.Bodies(scenario).Select(body => body.GetProperty("direction").GetString()), Is.All.EqualTo(direction));

    [TestCaseSource(nameof(ScenarioNames))]
    public void Session_id_is_stable_within_a_call_and_is_the_v1_uid(string scenario)
    {
        var bodies = V2Kit.Bodies(scenario);
        var sessions = bodies.Select(body => body.GetProperty("session_id").GetString()).Distinct().ToList();
        Assert.That(sessions, Has.Count.EqualTo(1));
        var match = Regex.Match(sessions[0]!, @"^[ns]\d\.(\d+)\.\d+$");
        Assert.That(match.Success, Is.True, sessions[0]);
        Assert.That(
            long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(Fixtures.Now.ToUnixTimeSeconds()),
            "the uid's epoch is the call's start"
        );
        Assert.That(bodies.Select(body => body.GetProperty("customer_identifier").GetString()).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Event_sequence_counts_the_live_events_from_one_the_summary_carries_1_and_a_disposition_none()
    {
        var bodies = V2Kit.Bodies("incoming-answered");
        var types = bodies.Select(body => body.GetProperty("event_type").GetString()).ToList();
        Assert.That(
            types,
            Is.EqualTo(new[] { "call.initiated", "call.dial_begin", "call.answered", "call.end", "call.summary", "call.disposition" })
        );
        Assert.That(
            bodies.Take(5).Select(body => body.GetProperty("event_sequence").GetInt32()),
            Is.EqualTo(new[] { 1, 2, 3, 4, 1 }),
            "the vendor's sample summary carries 1"
        );
        Assert.That(bodies[5].TryGetProperty("event_sequence", out _), Is.False);
    }

    [Test]
    public void Event_ids_are_unique_per_event_and_identical_when_the_same_event_is_built_again()
    {
        var first = V2Kit.All().SelectMany(scenario => V2Kit.Requests(scenario)).Select(Id).ToList();
        var again = V2Kit.All().SelectMany(scenario => V2Kit.Requests(scenario)).Select(Id).ToList();
        Assert.That(first, Is.Unique);
        Assert.That(again, Is.EqualTo(first));
    }

    [TestCaseSource(nameof(ScenarioNames))]
    public void Timestamps_increase_and_never_precede_what_the_payload_reports(string scenario)
    {
        var bodies = V2Kit.Bodies(scenario);
        var stamps = bodies.Select(body => V2Kit.Instant(body.GetProperty("timestamp"))).ToList();
        Assert.That(stamps, Is.Ordered.Ascending);
        Assert.That(stamps.Distinct().Count(), Is.EqualTo(stamps.Count), "strictly increasing");
        foreach (var body in bodies)
        {
            foreach (
                var field in body.GetProperty("payload")
                    .EnumerateObject()
                    .Where(p => p.Name.EndsWith("_at", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
            )
                Assert.That(
                    V2Kit.Instant(field.Value),
                    Is.LessThanOrEqualTo(V2Kit.Instant(body.GetProperty("timestamp"))),
                    $"{body.GetProperty("event_type")} payload.{field.Name}"
                );
        }
    }

    private static string Id(WebhookRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.GetProperty("event_id").GetString()!;
    }
}
