using System.Net;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>
/// The reference listener's MyOperator After-Call reader, fed hand-written logs. The valid log is one call of the
/// In-Call seed sample (uid n2.1596270949.2175190, id 5f25296c4122c135, caller 9711636496): start 1596270949
/// (08:35:49 UTC), 2 minutes 5 seconds, one answered leg.
/// </summary>
public sealed class AfterCallEndpointTests : ListenerTestBase
{
    private const string Path = "/myoperator-aftercall";

    private const string Valid = """
        {"_ai":"5f25296c4122c135","_so":"1","_ci":"5cd40f6554442586","_cr":"9711636496","_cl":"+919711636496","_cy":"91","_se":"DL, IN",
        "_ts":1596271074,"_st":1596270949,"_ms":1596270949123,"_ss":30949,"_et":1596271074,"_dr":"00:02:05","_drm":2.08,"_ty":1,"_ev":2,
        "_su":1,"_fn":"5f25296c4122c135.mp3","_fu":"https:\/\/recordings.example\/5f25296c4122c135.mp3","_dn":"Support","_di":"1","_pm":[{"ky":"ui","vl":"n2.1596270949.2175190"}],
        "_cn":[],"_us":[{"ky":"a1","vl":"received"}],"_ri":null,"_ji":null,"_ivid":"5ee9a795b318a786","_cri":"fdfdfdf",
        "_ld":[{"_rst":"2020-08-01 08:35:49","_ds":"ANSWER","_did":"911234567890","_rr":[{"_id":"a1","_na":"Asha Rao","_em":"asha@example.com","_ex":"11","_ct":"8586848544","_nr":"+918586848544"}],
        "_tt":[],"_su":"1","_st":1596270949,"_et":1596271074,"_dr":"00:02:05","_ac":"received"}]}
        """;

    [Test]
    public async Task A_consistent_log_with_escaped_slashes_is_accepted()
    {
        var reply = await ListenerKit.PostAsync(Client, ListenerKit.Form(Valid), Path);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Body);
        Assert.That(reply.Body, Is.EqualTo("""{"ok":true,"uid":"n2.1596270949.2175190","in_call_seen":false}"""));
    }

    [Test]
    public async Task Legs_read_as_an_object_are_refused_because_myoperator_sends_a_list()
    {
        var reply = await Post(log => log["_ld"] = log["_ld"]![0]!.DeepClone());
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            reply.Error,
            Is.EqualTo("_ld must be an array of legs (a list even for one leg; not an object to read as _ld._rr._na), got object")
        );
    }

    [Test]
    public async Task Agents_as_an_object_are_refused_with_the_legs_position()
    {
        var reply = await Post(log => log["_ld"]![0]!["_rr"] = log["_ld"]![0]!["_rr"]![0]!.DeepClone());
        Assert.That(
            reply.Error,
            Is.EqualTo("_ld[0]._rr must be an array of agents (a list even for one agent; not an object to read as _rr._na), got object")
        );
    }

    [TestCase("_dr", "00:02:15", "_dr 00:02:15 is not _et - _st = 125 s (00:02:05)")]
    [TestCase("_drm", 2.5, "_drm 2.5 is not _et - _st = 125 s in minutes (2.08)")]
    [TestCase("_ss", 19800, "_ss 19800 is not the seconds of _st 1596270949 since UTC midnight (30949)")]
    [TestCase("_ms", 1596270950000, "_ms 1596270950000 is not _st 1596270949 in milliseconds")]
    [TestCase("_cl", "+919711636497", "_cl +919711636497 is not + _cy 91 + _cr 9711636496")]
    public async Task Time_and_caller_fields_that_disagree_are_refused_naming_both_sides(string field, object value, string error)
    {
        var reply = await Post(log => log[field] = JsonValue.Create(value));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(VoipappzEndpointTests.Errors(reply), Does.Contain(error));
    }

    [Test]
    public async Task A_leg_outside_the_call_and_a_pm_without_the_uid_are_both_reported()
    {
        var reply = await Post(log =>
        {
            log["_ld"]![0]!["_et"] = 1596271080;
            log["_ld"]![0]!["_dr"] = "00:02:11";
            log["_pm"] = new JsonArray(new JsonObject { ["ky"] = "ri", ["vl"] = "x" });
        });
        Assert.That(
            VoipappzEndpointTests.Errors(reply),
            Is.EqualTo(
                new[]
                {
                    "_pm must hold exactly one {ky: \"ui\", vl: <uid>}, found 0",
                    "_ld[0] runs 1596270949..1596271080, outside the call's _st 1596270949 .. _et 1596271074",
                }
            )
        );
    }

    [Test]
    public async Task In_call_logs_on_the_same_path_are_checked_as_in_call_and_then_correlated()
    {
        var inCall = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("2", "1")), Path);
        var afterCall = await ListenerKit.PostAsync(Client, ListenerKit.Form(Valid), Path);
        var badInCall = await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.Sample(log => log["call_state"] = 1)), Path);
        Assert.Multiple(() =>
        {
            Assert.That(inCall.Body, Is.EqualTo("""{"ok":true,"uid":"n2.1596270949.2175190","call_state":"2"}"""));
            Assert.That(afterCall.Body, Is.EqualTo("""{"ok":true,"uid":"n2.1596270949.2175190","in_call_seen":true}"""));
            Assert.That(badInCall.Error, Is.EqualTo("call_state must be a string, got number 1"), "the In-Call checks, not a copy");
        });
    }

    [Test]
    public async Task An_after_call_log_whose_id_differs_from_its_in_call_logs_is_a_conflict()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(ListenerKit.State("1")), Path);
        var reply = await Post(log => log["_ai"] = "0000000000000000");
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(
            reply.Error,
            Is.EqualTo("_ai 0000000000000000 is not the id 5f25296c4122c135 the In-Call logs of uid n2.1596270949.2175190 carried")
        );
    }

    [Test]
    public async Task The_same_log_again_is_a_duplicate_and_a_different_one_for_the_uid_a_conflict()
    {
        await ListenerKit.PostAsync(Client, ListenerKit.Form(Valid), Path);
        var again = await ListenerKit.PostAsync(Client, ListenerKit.Form(Valid), Path);
        var changed = await Post(log => log["_cn"] = new JsonArray(new JsonObject { ["_tx"] = "callback requested" }));
        Assert.That(again.Body, Does.EndWith(",\"duplicate\":true}"));
        Assert.That(changed.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(changed.Error, Is.EqualTo("uid n2.1596270949.2175190 already has a different After-Call log; a call has one"));
    }

    [Test]
    public async Task A_get_is_refused_because_the_after_call_log_is_only_posted()
    {
        var reply = await ListenerKit.SendAsync(Client, HttpMethod.Get, Path);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(reply.Allow, Is.EqualTo(new[] { "POST" }));
    }

    private Task<Reply> Post(Action<JsonObject> change)
    {
        var log = JsonNode.Parse(Valid)!.AsObject();
        change(log);
        return ListenerKit.PostAsync(Client, ListenerKit.Form(log.ToJsonString()), Path);
    }
}
