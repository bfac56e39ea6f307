using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>The In-Call reader's answers: an accepted delivery, the call's record at <c>/calls/{uid}</c>, or the records a record-bug mode kept.</summary>
internal static class InCallReplies
{
    public static Task Accepted(HttpContext context, InCallLog log, DeliveryKind kind) =>
        Replies.Json(context, StatusCodes.Status200OK, json =>
        {
            json.WriteBoolean("ok", true);
            json.WriteString("uid", log.Uid);
            json.WriteString("call_state", log.CallState);
            if (kind == DeliveryKind.Duplicate)
                json.WriteBoolean("duplicate", true);
            if (kind == DeliveryKind.Late)
                json.WriteBoolean("late", true);
        });

    public static Task Call(HttpContext context, CallRecord call) => Replies.Json(context, StatusCodes.Status200OK, json =>
        {
            json.WriteString("uid", call.Uid);
            json.WriteString("id", call.Id);
            json.WriteString("clid", call.Clid);
            json.WriteString("clid_raw", call.ClidRaw);
            json.WriteString("caller", call.Caller);
            json.WriteString("event", call.Event);
            json.WriteString("call_state", call.CallState);
            json.WriteString("status", call.Status);
            json.WriteStartArray("states");
            foreach (var state in call.States)
                json.WriteStringValue(state);
            json.WriteEndArray();
            json.WriteNumber("deliveries", call.Deliveries);
            json.WriteNumber("duplicates", call.Duplicates);
            json.WriteString("first_received_utc", call.FirstReceivedUtc.ToUniversalTime());
            json.WriteString("last_received_utc", call.LastReceivedUtc.ToUniversalTime());
        });

    /// <summary>The records a record-bug mode kept for a call, as a JSON list (an empty list when it kept none).</summary>
    public static async Task Records(HttpContext context, IReadOnlyList<StoredRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Replies.Plain))
        {
            json.WriteStartArray();
            foreach (var record in records)
            {
                json.WriteStartObject();
                json.WriteString("uid", record.Uid);
                json.WriteString("caller", record.Caller);
                json.WriteString("status", record.Status);
                json.WriteString("call_state", record.CallState);
                if (record.Raw is not null)
                    json.WriteString("raw", record.Raw);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
