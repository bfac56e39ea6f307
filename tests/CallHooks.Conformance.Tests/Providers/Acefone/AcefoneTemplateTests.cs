using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace CallHooks.Conformance.Tests.Providers.Acefone;

/// <summary>Filling user templates: JSON escaping, form encoding, unknown words, and the default templates.</summary>
public sealed class AcefoneTemplateTests
{
    /// <summary>The help page's variables in its order, then those live Smartflo bodies offer beyond it.</summary>
    private static readonly string[] Known =
    [
        "uuid",
        "call_id",
        "call_to_number",
        "caller_id_number",
        "start_stamp",
        "answer_stamp",
        "end_stamp",
        "hangup_cause",
        "billsec",
        "digits_dialed",
        "direction",
        "duration",
        "answered_agent",
        "answered_agent_name",
        "answered_agent_number",
        "missed_agent",
        "call_flow",
        "recording_url",
        "call_status",
        "outbound_sec",
        "agent_ring_time",
        "billing_circle",
        "call_connected",
        "customer_number_with_prefix",
        "campaign_name",
        "campaign_id",
        "customer_ring_time",
        "reason_key",
        "ref_id",
        "custom_identifier",
        "answer_agent_number",
        "hangup_cause_key",
        "hangup_cause_code",
        "hangup_cause_description",
        "aws_call_recording_identifier",
        "broadcast_lead_fields",
        "queue_name",
        "recording_name",
        "agent_transfer_ring_time",
    ];

    /// <summary>Variables that apply only to some calls: elsewhere they go out as their literal $name, as live bodies show.</summary>
    private static readonly string[] NotEverywhere = ["campaign_name", "campaign_id", "broadcast_lead_fields", "queue_name"];

    private const string Tricky = "Ravi \"R\" Kumar \\ Rāṇā ☎\nline2";

    [Test]
    public void A_value_inside_a_json_string_is_json_escaped_and_unicode_stays_utf8()
    {
        var requests = AcefoneKit.Requests(
            "incoming-answered",
            AcefoneKit.Config(template: "{\"agent\":\"name: $answered_agent_name!\"}"),
            step => AcefoneKit.With(step, "answered_agent_name", Tricky)
        );
        var body = AcefoneKit.Body(requests[0]);
        Assert.That(body, Is.EqualTo("{\"agent\":\"name: Ravi \\\"R\\\" Kumar \\\\ Rāṇā ☎\\nline2!\"}"));
        Assert.That(AcefoneKit.Json(requests[0]).GetProperty("agent").GetString(), Is.EqualTo("name: " + Tricky + "!"));
    }

    [Test]
    public void An_unquoted_structured_variable_is_a_json_object_and_a_quoted_one_its_escaped_text()
    {
        var template = "{\"obj\":$answered_agent,\"text\":\"$answered_agent\",\"str\":$answered_agent_name}";
        var hangup = AcefoneKit.Requests("incoming-answered", AcefoneKit.Config(template: template))[^1];
        var body = AcefoneKit.Json(hangup);
        Assert.That(body.GetProperty("obj").ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(body.GetProperty("text").ValueKind, Is.EqualTo(JsonValueKind.String));
        using var inner = JsonDocument.Parse(body.GetProperty("text").GetString()!);
        Assert.That(inner.RootElement.GetProperty("name").GetString(), Is.EqualTo(body.GetProperty("obj").GetProperty("name").GetString()));
        Assert.That(body.GetProperty("str").ValueKind, Is.EqualTo(JsonValueKind.String), "an unquoted scalar is written as a JSON string");
    }

    [Test]
    public void Unknown_words_and_removed_variables_stay_as_written()
    {
        var requests = AcefoneKit.Requests(
            "incoming-answered",
            AcefoneKit.Config(template: "{\"a\":\"$campaign_name\",\"b\":\"$caller_id_numberX\",\"c\":\"$nope\",\"d\":\"US$5\"}"),
            step => step with { Unset = ["campaign_name"] }
        );
        Assert.That(
            AcefoneKit.Body(requests[0]),
            Is.EqualTo("{\"a\":\"$campaign_name\",\"b\":\"$caller_id_numberX\",\"c\":\"$nope\",\"d\":\"US$5\"}")
        );
    }

    [Test]
    public void A_form_template_form_url_encodes_values_and_keeps_literal_text()
    {
        var config = AcefoneKit.Config(
            encoding: "form",
            template: "caller=$caller_id_number&who=$answered_agent_name&lit=a%2Fb&flow=$call_flow\n"
        );
        var request = AcefoneKit.Requests("incoming-answered", config, step => AcefoneKit.With(step, "answered_agent_name", Tricky))[^1];
        var body = AcefoneKit.Body(request);
        Assert.That(request.ContentType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(
            body,
            Does.StartWith("caller=" + AcefoneKit.Call("incoming-answered").Customer.National)
                .And.Contain("&who=Ravi+%22R%22+Kumar+%5C+R%C4%81%E1%B9%87%C4%81+%E2%98%8E%0Aline2&lit=a%2Fb&flow=%5B%7B%22type%22")
        );
        Assert.That(body, Does.Not.EndWith("\n"), "the file's trailing newline is not part of the template");
        var form = HttpUtility.ParseQueryString(body);
        Assert.That(form["who"], Is.EqualTo(Tricky));
        Assert.That(JsonNode.Parse(form["flow"]!), Is.InstanceOf<JsonArray>());
    }

    [Test]
    public void Get_sends_the_form_template_as_the_query_string_and_no_body()
    {
        var config = AcefoneKit.Config(method: "GET", encoding: null) with { Target = new Uri("http://127.0.0.1:8080/hook?src=acefone") };
        var request = AcefoneKit.Requests("obd-no-answer", config)[0];
        var query = HttpUtility.ParseQueryString(request.Url.Query);
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.HasBody, Is.False);
            Assert.That(request.Url.Query, Does.StartWith("?src=acefone&uuid="));
            Assert.That(query.AllKeys, Is.EqualTo(new[] { "src" }.Concat(Known)));
            Assert.That(query["direction"], Is.EqualTo("dialer (outbound)"));
        });
    }

    [Test]
    public void The_default_json_template_carries_every_variable_with_a_value_and_the_captured_trailing_space_key()
    {
        foreach (var body in AcefoneKit.JsonBodies("incoming-answered").Concat(AcefoneKit.JsonBodies("click-to-call-rejected")))
        {
            var keys = body.EnumerateObject().Select(property => property.Name).ToList();
            Assert.That(keys, Is.EqualTo(Known.Select(name => name == "customer_number_with_prefix" ? "customer_no_with_prefix " : name)));
            var literal = keys.Where(key =>
                    body.GetProperty(key).ValueKind == JsonValueKind.String && body.GetProperty(key).GetString() == "$" + key
                )
                .ToList();
            Assert.That(
                literal,
                Is.SubsetOf(NotEverywhere),
                "only a variable that does not apply to the call goes out as its literal name"
            );
        }
    }

    [Test]
    public void The_default_form_template_uses_every_variable_once_under_its_own_name()
    {
        var form = AcefoneKit.Form(AcefoneKit.Requests("incoming-missed", AcefoneKit.Config(encoding: "form"))[^1]);
        Assert.That(form.AllKeys, Is.EqualTo(Known));
        Assert.That(
            Known.Where(key => form[key]!.Contains('$', StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "campaign_name", "campaign_id", "broadcast_lead_fields" }),
            "an inbound call has no campaign, so those go out as their literal names"
        );
        Assert.That(JsonNode.Parse(form["missed_agent"]!)!.AsArray(), Has.Count.EqualTo(2), "structured values travel as JSON text");
    }

    [Test]
    public void A_set_override_replaces_a_variable_in_every_encoding()
    {
        foreach (var (method, encoding) in new[] { ("POST", "json"), ("POST", "form"), ("GET", (string?)null) })
        {
            var request = AcefoneKit.Requests("ivr-dtmf", AcefoneKit.Config(method, encoding), step =>
                AcefoneKit.With(step, "digits_dialed", "42#")
            )[2];
            var text = method == "GET" ? request.Url.Query : AcefoneKit.Body(request);
            Assert.That(
                text,
                Does.Contain(encoding == "json" ? "\"digits_dialed\":\"42#\"" : "digits_dialed=42%23"),
                method + " " + encoding
            );
        }
    }
}
