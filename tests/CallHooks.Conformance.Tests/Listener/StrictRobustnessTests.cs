using System.Net;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>
/// The strict (default) listener against every robustness variant the conformance rules send: what real traffic
/// may look like gets a 2xx, what no one can read gets a 4xx, never a 5xx.
/// </summary>
public sealed class StrictRobustnessTests : ListenerTestBase
{
    private static readonly string[] OptionalFields =
    [
        "reference_id",
        "rdnis",
        "status",
        "users",
        "call_time",
        "public_ivr_id",
        "client_ref_id",
        "job_id",
    ];
    private static readonly string[] OptionalTextFields =
    [
        "reference_id",
        "rdnis",
        "status",
        "call_time",
        "public_ivr_id",
        "client_ref_id",
        "job_id",
    ];

    [TestCaseSource(nameof(OptionalFields))]
    public async Task Missing_optional_field_is_accepted(string field)
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.Sample(l => l.Remove(field))));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Finish_without_every_optional_field_but_status_is_accepted_and_recorded()
    {
        var log = ListenerKit.Sample(l =>
        {
            foreach (var field in OptionalFields.Where(f => f != "status"))
                l.Remove(field);
            l["call_state"] = "2";
            l["status"] = "2";
        });

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Json(log));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
        Assert.That(Listener.Calls.Single().Status, Is.EqualTo("2"));
    }

    [TestCaseSource(nameof(OptionalTextFields))]
    public async Task Empty_string_in_optional_text_field_is_accepted(string field)
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.Sample(l => l[field] = "")));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Unknown_extra_fields_of_every_kind_are_accepted()
    {
        var log = ListenerKit.Sample(l =>
        {
            l["caller_name"] = "Asha";
            l["_x_duration"] = 42;
            l["tags"] = new JsonArray("vip", 1, null);
            l["meta"] = new JsonObject { ["nested"] = new JsonObject { ["deep"] = true } };
        });

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Json(log));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [TestCase("form")]
    [TestCase("json")]
    public async Task Non_latin_text_is_accepted_and_kept_intact(string encoding)
    {
        const string Name = "राहुल शर्मा · 顧客 · Müller · مرحبا · 🙂";
        var log = ListenerKit.Sample(l =>
        {
            l["client_ref_id"] = Name;
            l["caller_name"] = Name;
        });

        var reply = await ListenerKit.PostAsync(Client, encoding == "form" ? ListenerKit.Form(log) : ListenerKit.Json(log));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }

    [Test]
    public async Task Value_that_fills_the_body_up_to_the_one_megabyte_cap_is_accepted()
    {
        var envelope = "{\"myoperator\": " + ListenerKit.Sample(l => l["client_ref_id"] = "") + "}";
        var room = (1024 * 1024) - System.Text.Encoding.UTF8.GetByteCount(envelope);
        var body = "{\"myoperator\": " + ListenerKit.Sample(l => l["client_ref_id"] = new string('x', room)) + "}";

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Raw(body, "application/json"));

        Assert.That(System.Text.Encoding.UTF8.GetByteCount(body), Is.EqualTo(1024 * 1024));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body[..Math.Min(200, reply.Body.Length)]);
    }

    [TestCaseSource(typeof(UnreadableBodies), nameof(UnreadableBodies.Cases))]
    public async Task Unreadable_body_gets_a_4xx_naming_the_problem(Func<HttpContent> content, HttpStatusCode status, string errorStart)
    {
        var reply = await ListenerKit.PostAsync(Client, content());

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(status));
            Assert.That(reply.Error, Does.StartWith(errorStart));
        });
    }

    [Test]
    public async Task Finish_before_the_answer_is_accepted_and_the_final_status_stands()
    {
        string[] arrival = ["1", "5", "2", "6"];
        var replies = new List<Reply>();
        foreach (var state in arrival)
            replies.Add(await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State(state))));

        var record = await ListenerKit.SendAsync(Client, HttpMethod.Get, "/calls/" + ListenerKit.SeedUid);

        Assert.Multiple(() =>
        {
            Assert.That(replies.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(record.Json.GetProperty("states").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(arrival));
            Assert.That(record.Json.GetProperty("call_state").GetString(), Is.EqualTo("2"));
            Assert.That(record.Json.GetProperty("status").GetString(), Is.EqualTo("1"));
        });
    }

    [Test]
    public async Task Finish_arriving_first_is_accepted_and_every_earlier_state_after_it_too()
    {
        var replies = new List<Reply>();
        foreach (var state in new[] { "2", "1", "5", "6", "1" })
            replies.Add(await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State(state))));

        var call = Listener.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(replies.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(call.States, Is.EqualTo(new[] { "2", "1", "5", "6" }));
            Assert.That(call.Duplicates, Is.EqualTo(1));
            Assert.That(call.Status, Is.EqualTo("1"));
        });
    }
}
