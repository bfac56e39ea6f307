using System.Globalization;
using System.Text.Json;
using CallHooks.Conformance.Listener.MyOperatorInCall;
using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener.MyOperatorAfterCall;

/// <summary>
/// Reads MyOperator After-Call webhooks under <c>/myoperator-aftercall/...</c>. A CRM that takes both MyOperator
/// webhooks on one path gets In-Call logs there too, so a log with <c>call_state</c> goes through the In-Call
/// reader's own checks and call book (the same code the default path uses, not a copy); any other log is an
/// After-Call log. When the In-Call states of its uid were seen, the After-Call log must name the same call.
/// </summary>
/// <remarks>Each new After-Call log is pushed to the CRM (<see cref="ListenerOptions.DownstreamUrl"/>) as
/// <c>{uid, caller, agent, status}</c>, the agent read as <see cref="AfterCallAgent"/> says.</remarks>
internal sealed class AfterCallEndpoint(ListenerOptions options, CallCapacity capacity, DownstreamPusher downstream) : IProviderEndpoint
{
    /// <summary>MyOperator's uid epoch and a log's start may differ by a few seconds (see InCallChecks.CreatedSlack).</summary>
    private static readonly long StartSlackSeconds = (long)InCallChecks.CreatedSlack.TotalSeconds;

    private readonly CallBook inCall = new(options.Clock, capacity);
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> afterCallByUid = new(StringComparer.Ordinal);

    public string Provider => "myoperator-aftercall";

    public IReadOnlySet<string>? EventsOf(HttpRequest request, byte[] body) => InCallReader.EventsOf(request, body);

    public async Task<string> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            return await Replies
                .Reject(context, new Rejection(405, $"method {request.Method} is not used by MyOperator's After-Call webhook; it POSTs"))
                .ConfigureAwait(false);
        }

        var (log, unreadable) = await InCallReader.ReadPostAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (unreadable is not null)
            return await Replies.Reject(context, unreadable).ConfigureAwait(false);
        if (log.TryGetProperty("call_state", out _))
            return await InCallAsync(context, log).ConfigureAwait(false);

        var (summary, problems) = AfterCallChecks.Check(log);
        if (summary is null)
            return await Replies.Reject(context, new Rejection(400, problems)).ConfigureAwait(false);
        if (Correlate(summary) is { } mismatch)
            return await Replies.Reject(context, new Rejection(409, mismatch)).ConfigureAwait(false);

        var (duplicate, changed) = Remember(summary);
        if (!duplicate && !changed && !capacity.TryTake())
        {
            Forget(summary);
            return await Replies.Reject(context, capacity.Full).ConfigureAwait(false);
        }

        if (changed)
            return await Replies
                .Reject(context, new Rejection(409, $"uid {summary.Uid} already has a different After-Call log; a call has one"))
                .ConfigureAwait(false);
        if (!duplicate && options.Mode is ListenerMode.WaitsForCrm)
        {
            if (await downstream.PushAndWaitAsync(summary.Uid, CrmBody(summary, log)).ConfigureAwait(false) is { } crmFailed)
                return await Replies.Reject(context, new Rejection(502, "the CRM call failed: " + crmFailed)).ConfigureAwait(false);
        }
        else if (!duplicate && options.Mode is not ListenerMode.KeepsNoRecord)
            downstream.Push(summary.Uid, CrmBody(summary, log));

        await Replies
            .Json(context, StatusCodes.Status200OK, json =>
            {
                json.WriteBoolean("ok", true);
                json.WriteString("uid", summary.Uid);
                json.WriteBoolean("in_call_seen", inCall.Find(summary.Uid) is not null);
                if (duplicate)
                    json.WriteBoolean("duplicate", true);
            })
            .ConfigureAwait(false);
        return $"{(duplicate ? "duplicate" : "accepted")} after-call uid={summary.Uid} _su={summary.Status}";
    }

    /// <summary>What the CRM is told about a finished call: its uid, caller, answering agent and status.</summary>
    private byte[] CrmBody(AfterCallSummary summary, JsonElement log) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, string>
            {
                ["uid"] = summary.Uid,
                ["caller"] = summary.CallerE164,
                ["agent"] =
                    options.Mode is ListenerMode.ReadsLegsAsObjects ? AfterCallAgent.ReadAsObjects(log) : AfterCallAgent.Answering(log),
                ["status"] = summary.Status,
            }
        );

    /// <summary>One After-Call log per call: the same bytes again are a retry, different ones a conflict.</summary>
    private (bool Duplicate, bool Changed) Remember(AfterCallSummary summary)
    {
        lock (gate)
        {
            if (afterCallByUid.TryGetValue(summary.Uid, out var earlier))
                return (earlier == summary.Fingerprint, earlier != summary.Fingerprint);
            afterCallByUid.Add(summary.Uid, summary.Fingerprint);
            return (false, false);
        }
    }

    /// <summary>Drops a log the listener had no room to keep, so its retry is read as new once there is.</summary>
    private void Forget(AfterCallSummary summary)
    {
        lock (gate)
            afterCallByUid.Remove(summary.Uid);
    }

    private async Task<string> InCallAsync(HttpContext context, JsonElement log)
    {
        var (checkedLog, problems) = InCallChecks.Check(log);
        if (checkedLog is null)
            return await Replies.Reject(context, new Rejection(400, problems)).ConfigureAwait(false);
        var (kind, conflict) = inCall.Record(checkedLog);
        if (conflict is not null)
            return await Replies.Reject(context, conflict).ConfigureAwait(false);
        await InCallReplies.Accepted(context, checkedLog, kind).ConfigureAwait(false);
        return $"{(kind is DeliveryKind.Duplicate ? "duplicate" : "accepted")} in-call uid={checkedLog.Uid} call_state={checkedLog.CallState}";
    }

    /// <summary>The After-Call log of a call seen In-Call must carry its id, caller and start.</summary>
    private string? Correlate(AfterCallSummary log)
    {
        if (inCall.Find(log.Uid) is not { } call)
            return null;
        if (call.Id != log.Id)
            return $"_ai {log.Id} is not the id {call.Id} the In-Call logs of uid {log.Uid} carried";
        if (log.CallerE164 != "+" + call.ClidRaw)
            return $"_cl {log.CallerE164} is not the caller +{call.ClidRaw} the In-Call logs of uid {log.Uid} carried";
        var epoch = long.Parse(log.Uid.Split('.')[1], CultureInfo.InvariantCulture);
        return Math.Abs(log.Start - epoch) <= StartSlackSeconds
            ? null
            : $"_st {log.Start} is more than {StartSlackSeconds} s from the uid's epoch {epoch}";
    }
}
