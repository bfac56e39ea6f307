using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener.Acefone;

/// <summary>
/// <c>/acefone/...</c>: one Acefone trigger webhook, read as a user's listener would (GET query, form body or JSON
/// object), its recognized variables checked by name, then checked against earlier deliveries of the same call_id.
/// Unknown keys pass: the template is the user's.
/// </summary>
internal sealed class AcefoneEndpoint(ListenerOptions options, CallCapacity capacity) : IProviderEndpoint
{
    private readonly AcefoneCallBook book = new(capacity);

    public string Provider => "acefone";

    /// <summary>Kept for symmetry with other endpoints; Acefone has no signature to verify with a secret.</summary>
    public ListenerOptions Options { get; } = options;

    public async Task<string> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            return await Replies
                .Reject(context, new Rejection(405, $"method {request.Method} is not used by Acefone webhooks; use GET or POST"))
                .ConfigureAwait(false);
        }

        var (payload, unreadable) = await AcefonePayloadReader.ReadAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (unreadable is not null)
            return await Replies.Reject(context, unreadable).ConfigureAwait(false);

        var problems = new List<string>();
        var valid = AcefoneFieldChecks.Scalars(payload!, problems);
        AcefoneStructuredChecks.Check(payload!, problems);
        AcefoneConsistency.Check(valid, problems);
        if (problems.Count > 0)
            return await Replies.Reject(context, new Rejection(400, problems)).ConfigureAwait(false);

        if (!valid.TryGetValue("call_id", out var callId))
        {
            // A template without $call_id cannot be tied to a call; its fields were still checked.
            await Replies.Json(context, StatusCodes.Status200OK, json => json.WriteBoolean("ok", true)).ConfigureAwait(false);
            return "accepted (no call_id in the template)";
        }

        var delivery = new AcefoneDelivery(
            callId,
            valid.GetValueOrDefault("uuid"),
            valid.GetValueOrDefault("start_stamp"),
            valid.GetValueOrDefault("direction"),
            valid.GetValueOrDefault("caller_id_number"),
            valid.GetValueOrDefault("call_to_number"),
            payload!.Fingerprint
        );
        var (duplicate, legs, conflict) = book.Record(delivery);
        if (conflict is not null)
            return await Replies.Reject(context, conflict).ConfigureAwait(false);

        await Replies
            .Json(context, StatusCodes.Status200OK, json =>
            {
                json.WriteBoolean("ok", true);
                json.WriteString("call_id", callId);
                if (delivery.Uuid is not null)
                    json.WriteString("uuid", delivery.Uuid);
                json.WriteNumber("legs", legs);
                if (duplicate)
                    json.WriteBoolean("duplicate", true);
            })
            .ConfigureAwait(false);
        return $"{(duplicate ? "duplicate" : "accepted")} call_id={callId}{(delivery.Uuid is null ? "" : " uuid=" + delivery.Uuid)}";
    }
}
