using System.Net;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>One case per field problem: the seed sample with one thing wrong must get a 400 naming that field.</summary>
public sealed class CallLogCheckTests : ListenerTestBase
{
    private static IEnumerable<TestCaseData> Problems()
    {
        static TestCaseData Case(string name, Action<JsonObject> change, string error) => new TestCaseData(change, error).SetName(name);

        yield return Case("Missing_id_is_rejected", l => l.Remove("id"), "id is missing");
        yield return Case(
            "Uppercase_id_is_rejected",
            l => l["id"] = "5F25296C4122C135",
            "id must be 16 lowercase hex digits, got \"5F25296C4122C135\""
        );
        yield return Case("Short_id_is_rejected", l => l["id"] = "5f25296c", "id must be 16 lowercase hex digits, got \"5f25296c\"");
        yield return Case("Numeric_id_is_rejected", l => l["id"] = 123, "id must be a string, got number 123");
        yield return Case(
            "Uid_without_seq_is_rejected",
            l => l["uid"] = "n2.1596270949",
            "uid must look like <node>.<epoch>.<seq>, e.g. n2.1596270949.2175190, got \"n2.1596270949\""
        );
        yield return Case("Missing_uid_is_rejected", l => l.Remove("uid"), "uid is missing");
        yield return Case(
            "Reference_id_that_is_not_a_uuid_is_rejected",
            l => l["reference_id"] = "obd-42",
            "reference_id must be null or a UUID, got \"obd-42\""
        );
        yield return Case(
            "Numeric_reference_id_is_rejected",
            l => l["reference_id"] = 42,
            "reference_id must be a string or null, got number 42"
        );
        yield return Case("Empty_company_id_is_rejected", l => l["company_id"] = "", "company_id must not be empty, got \"\"");
        yield return Case("Numeric_company_id_is_rejected", l => l["company_id"] = 5, "company_id must be a string, got number 5");
        yield return Case(
            "Clid_raw_with_plus_is_rejected",
            l => l["clid_raw"] = "+919711636496",
            "clid_raw must be 8 to 15 digits, country code first, e.g. 919711636496, got \"+919711636496\""
        );
        yield return Case(
            "Numeric_clid_raw_is_rejected",
            l => l["clid_raw"] = 919711636496,
            "clid_raw must be a string, got number 919711636496"
        );
        yield return Case(
            "Clid_with_trunk_zero_is_rejected",
            l => l["clid"] = "09711636496",
            "clid must be 10 national digits or +E.164, got \"09711636496\""
        );
        yield return Case(
            "Clid_of_another_number_is_rejected",
            l => l["clid"] = "9711636497",
            "clid 9711636497 is not clid_raw 919711636496 without its country code"
        );
        yield return Case(
            "E164_clid_of_another_number_is_rejected",
            l => l["clid"] = "+919711636497",
            "clid +919711636497 is not clid_raw 919711636496 with a plus"
        );
        yield return Case(
            "Clid_raw_without_country_code_is_rejected",
            l => l["clid_raw"] = "9711636496",
            "clid 9711636496 is not clid_raw 9711636496 without its country code"
        );
        yield return Case(
            "Numeric_rdnis_is_rejected",
            l => l["rdnis"] = 9999999999,
            "rdnis must be a string or null, got number 9999999999"
        );
        yield return Case(
            "Rdnis_that_is_neither_digits_nor_unknown_is_rejected",
            l => l["rdnis"] = "n/a",
            "rdnis must be digits or \"unknown\", got \"n/a\""
        );
        yield return Case("Numeric_call_state_is_rejected", l => l["call_state"] = 1, "call_state must be a string, got number 1");
        yield return Case(
            "Undocumented_call_state_8_is_rejected",
            l => l["call_state"] = "8",
            "call_state must be one of \"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"9\", got \"8\""
        );
        yield return Case("Missing_call_state_is_rejected", l => l.Remove("call_state"), "call_state is missing");
        yield return Case("Numeric_event_is_rejected", l => l["event"] = 2, "event must be a string, got number 2");
        yield return Case("Boolean_event_is_rejected", l => l["event"] = true, "event must be a string, got boolean true");
        yield return Case("Event_3_is_rejected", l => l["event"] = "3", "event must be one of \"1\", \"2\", got \"3\"");
        yield return Case("Numeric_status_is_rejected", l => l["status"] = 1, "status must be a string or null, got number 1");
        yield return Case("Status_4_is_rejected", l => l["status"] = "4", "status must be one of \"1\", \"2\", \"3\", got \"4\"");
        yield return Case(
            "Null_status_on_finished_call_is_rejected",
            l => l["call_state"] = "2",
            "status must be \"1\", \"2\" or \"3\" when call_state is \"2\" (call finished), got null"
        );
        yield return Case(
            "Missing_status_on_finished_call_is_rejected",
            l =>
            {
                l["call_state"] = "2";
                l.Remove("status");
            },
            "status must be \"1\", \"2\" or \"3\" when call_state is \"2\" (call finished), got missing"
        );
        yield return Case(
            "Empty_status_on_finished_call_is_rejected",
            l =>
            {
                l["call_state"] = "2";
                l["status"] = "";
            },
            "status must be \"1\", \"2\" or \"3\" when call_state is \"2\" (call finished), got string \"\""
        );
        yield return Case(
            "Users_as_a_string_is_rejected",
            l => l["users"] = "918586848544",
            "users must be an array of digit strings, got string \"918586848544\""
        );
        yield return Case(
            "Numeric_user_is_rejected",
            l => l["users"] = new JsonArray(918586848544),
            "users[0] must be a string, got number 918586848544"
        );
        yield return Case(
            "User_with_plus_is_rejected",
            l => l["users"] = new JsonArray("918586848544", "+918586848545"),
            "users[1] must be digits (agent number with country code, no plus), got \"+918586848545\""
        );
        yield return Case(
            "Iso_8601_created_is_rejected",
            l => l["created"] = "2020-08-01T08:35:56Z",
            "created must be yyyy-MM-dd HH:mm:ss, got \"2020-08-01T08:35:56Z\""
        );
        yield return Case(
            "Epoch_call_time_is_rejected",
            l => l["call_time"] = 1596270956,
            "call_time must be a string or null, got number 1596270956"
        );
        yield return Case(
            "Call_time_with_milliseconds_is_rejected",
            l => l["call_time"] = "2020-08-01 08:35:56.123",
            "call_time must be yyyy-MM-dd HH:mm:ss, got \"2020-08-01 08:35:56.123\""
        );
        yield return Case(
            "Created_in_IST_instead_of_UTC_is_rejected",
            l => l["created"] = "2020-08-01 14:05:56",
            "created 2020-08-01 14:05:56 read as UTC is 19807 s from the uid epoch 1596270949; created must be UTC, 0 to 60 s after the uid epoch"
        );
        yield return Case(
            "Created_before_the_uid_epoch_is_rejected",
            l => l["created"] = "2020-08-01 08:35:48",
            "created 2020-08-01 08:35:48 read as UTC is -1 s from the uid epoch 1596270949; created must be UTC, 0 to 60 s after the uid epoch"
        );
        yield return Case(
            "Numeric_public_ivr_id_is_rejected",
            l => l["public_ivr_id"] = 5,
            "public_ivr_id must be a string or null, got number 5"
        );
    }

    [TestCaseSource(nameof(Problems))]
    public async Task Call_log_problem_is_rejected_with_400_naming_the_field(Action<JsonObject> change, string error)
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.Sample(change)));

        PostBodyTests.AssertRejected(reply, HttpStatusCode.BadRequest, error);
    }

    [Test]
    public async Task Every_problem_in_one_log_is_reported_together()
    {
        var log = ListenerKit.Sample(l =>
        {
            l["call_state"] = 1;
            l["event"] = 2;
        });

        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Json(log));

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(reply.Error, Is.EqualTo("call_state must be a string, got number 1; event must be a string, got number 2"));
            Assert.That(
                reply.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()),
                Is.EqualTo(new[] { "call_state must be a string, got number 1", "event must be a string, got number 2" })
            );
        });
    }

    private static IEnumerable<TestCaseData> Acceptable()
    {
        static TestCaseData Case(string name, Action<JsonObject> change) => new TestCaseData(change).SetName(name);

        yield return Case("E164_clid_is_accepted", l => l["clid"] = "+919711636496");
        yield return Case("Null_reference_id_is_accepted", l => l["reference_id"] = null);
        yield return Case("Digit_rdnis_is_accepted", l => l["rdnis"] = "918030000000");
        yield return Case("Short_alphanumeric_company_id_is_accepted", l => l["company_id"] = "abc123");
        yield return Case("Empty_users_is_accepted", l => l["users"] = new JsonArray());
        yield return Case("String_job_id_is_accepted", l => l["job_id"] = "job-7");
        yield return Case("Unknown_extra_fields_are_accepted", l => l["recording_url"] = "https://example.invalid/r.mp3");
        yield return Case("Created_equal_to_the_uid_epoch_is_accepted", l => l["created"] = "2020-08-01 08:35:49");
        yield return Case("Finished_call_with_status_is_accepted", l =>
        {
            l["call_state"] = "2";
            l["status"] = "2";
        });
    }

    [TestCaseSource(nameof(Acceptable))]
    public async Task Documented_variation_is_accepted(Action<JsonObject> change)
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.Sample(change)));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
    }
}
