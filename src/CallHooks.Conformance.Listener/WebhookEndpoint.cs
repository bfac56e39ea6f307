using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener;

/// <summary>
/// Every path except the reserved ones: one MyOperator In-Call delivery, read, checked field by field,
/// then checked against what earlier deliveries of the same call said. Returns the verdict for the log line.
/// </summary>
internal sealed class WebhookEndpoint(CallBook book)
{
    public async Task<string> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method))
        {
            // The GET carries only the user's mapped query parameters; their names are the user's choice, so nothing to check by name.
            if (await MyOperatorInCallReader.CheckGetAsync(request, context.RequestAborted).ConfigureAwait(false) is { } bodyOnGet)
                return await Reject(context, bodyOnGet).ConfigureAwait(false);
            await Replies.Json(context, StatusCodes.Status200OK, json =>
            {
                json.WriteBoolean("ok", true);
                json.WriteNumber("query_parameters", request.Query.Count);
            }).ConfigureAwait(false);
            return "accepted GET";
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            return await Reject(context, new Rejection(405, $"method {request.Method} is not used by MyOperator webhooks; use GET or POST")).ConfigureAwait(false);
        }

        var (callLog, unreadable) = await MyOperatorInCallReader.ReadPostAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (unreadable is not null)
            return await Reject(context, unreadable).ConfigureAwait(false);

        var (log, problems) = CallLogChecks.Check(callLog);
        if (log is null)
            return await Reject(context, new Rejection(400, problems)).ConfigureAwait(false);

        var (duplicate, conflict) = book.Record(log);
        if (conflict is not null)
            return await Reject(context, conflict).ConfigureAwait(false);

        await Replies.Accepted(context, log, duplicate).ConfigureAwait(false);
        return $"{(duplicate ? "duplicate" : "accepted")} uid={log.Uid} call_state={log.CallState}";
    }

    public static async Task<string> Reject(HttpContext context, Rejection rejection)
    {
        await Replies.Error(context, rejection).ConfigureAwait(false);
        return "rejected: " + rejection.Error;
    }
}
