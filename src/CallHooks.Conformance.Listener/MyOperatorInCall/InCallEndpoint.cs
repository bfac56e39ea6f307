using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>
/// Every path except the reserved ones: one MyOperator In-Call delivery, read, checked field by field,
/// then checked against what earlier deliveries of the same call said; a call's first finish is pushed downstream.
/// Returns the verdict for the log line. <see cref="ListenerFaults"/> bends this in the broken modes. A request that is
/// no In-Call webhook at all is refused with the other providers' paths, so a typo such as <c>/twillio/</c> shows itself.
/// </summary>
/// <param name="providers">The other readers' first path segments (<c>twilio</c>, <c>acefone</c>, ...).</param>
/// <param name="usersAsList">Read <c>users</c> as a comma-separated string (the run's <c>--option users=comma</c>).</param>
internal sealed class InCallEndpoint(
    CallBook book,
    ListenerFaults faults,
    DownstreamPusher downstream,
    RecordStore records,
    IReadOnlyList<string> providers,
    bool usersAsList = false
)
{
    public async Task<string> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method))
        {
            // The GET carries only the user's mapped query parameters; their names are the user's choice, so nothing to check by name.
            if (await InCallReader.CheckGetAsync(request, context.RequestAborted).ConfigureAwait(false) is { } bodyOnGet)
                return await Replies.Reject(context, bodyOnGet).ConfigureAwait(false);
            await Replies
                .Json(context, StatusCodes.Status200OK, json =>
                {
                    json.WriteBoolean("ok", true);
                    json.WriteNumber("query_parameters", request.Query.Count);
                })
                .ConfigureAwait(false);
            return "accepted GET";
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            return await Replies
                .Reject(
                    context,
                    WithProviderPaths(
                        request,
                        new Rejection(405, $"method {request.Method} is not used by MyOperator webhooks; use GET or POST")
                    )
                )
                .ConfigureAwait(false);
        }

        // The lenient modes look at a body they could not parse once more, as raw text.
        if (faults.AcceptsUnreadable)
            request.EnableBuffering();
        var (callLog, unreadable) = await InCallReader.ReadPostAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (unreadable is not null && faults.AcceptsUnreadable)
        {
            // The lenient modes answer 200 to what they could not read; one of them keeps a phantom record of it.
            request.Body.Position = 0;
            var raw = await BodyReader.ReadAsync(request.Body, context.RequestAborted).ConfigureAwait(false) ?? [];
            records.Unreadable(System.Text.Encoding.UTF8.GetString(raw));
            await Replies.Json(context, StatusCodes.Status200OK, json => json.WriteBoolean("ok", true)).ConfigureAwait(false);
            return "accepted unreadable body: " + unreadable.Error;
        }

        if (unreadable is not null)
            return await Replies.Reject(context, WithProviderPaths(request, faults.Unreadable(unreadable))).ConfigureAwait(false);

        var (log, problems) = InCallChecks.Check(callLog, usersAsList);
        if (log is null)
            return await Replies.Reject(context, new Rejection(400, problems)).ConfigureAwait(false);

        if (!faults.KeepsRecords)
        {
            await InCallReplies.Accepted(context, log, DeliveryKind.Progress).ConfigureAwait(false);
            return $"accepted, not recorded uid={log.Uid} call_state={log.CallState}";
        }

        var (kind, conflict) = book.Record(log);
        if (conflict is not null)
            return await Replies.Reject(context, conflict).ConfigureAwait(false);
        if (kind == DeliveryKind.Duplicate && faults.OnDuplicate($"{log.Uid}/{log.CallState}") is { } crash)
            return await Replies.Reject(context, crash).ConfigureAwait(false);

        records.Accepted(log, kind);

        // Started before answering so record and push never disagree, yet it runs on its own: the answer does not wait.
        if (kind == DeliveryKind.Finished || faults.PushesEveryEvent && kind is DeliveryKind.Progress)
        {
            if (!faults.WaitsForCrm)
                downstream.CallFinished(log);
            else if (await downstream.PushAndWaitAsync(log.Uid, DownstreamPusher.Body(log)).ConfigureAwait(false) is { } crmFailed)
                return await Replies.Reject(context, new Rejection(502, "the CRM call failed: " + crmFailed)).ConfigureAwait(false);
        }

        await InCallReplies.Accepted(context, log, kind).ConfigureAwait(false);
        return $"{Verdict(kind)} uid={log.Uid} call_state={log.CallState}";
    }

    /// <summary>
    /// Every path that names no provider is read as a MyOperator In-Call webhook, as users point MyOperator at any path.
    /// A request that is not one, on a path within two letters of a provider's name, was meant for that provider: the
    /// refusal says so and where each provider is served.
    /// </summary>
    /// <summary>The profile's name: the embedded listener sends In-Call webhooks here, as it sends each provider's to its own path.</summary>
    private const string OwnPath = "myoperator-incall";

    private Rejection WithProviderPaths(HttpRequest request, Rejection rejection)
    {
        var segment = request.Path.Value?.TrimStart('/').Split('/')[0] ?? "";
        if (
            segment.Length == 0
            || segment.Equals(OwnPath, StringComparison.OrdinalIgnoreCase)
            || providers.FirstOrDefault(provider => Quickenshtein.Levenshtein.GetDistance(segment.ToLowerInvariant(), provider) <= 2)
                is not { } meant
        )
            return rejection;
        var paths = string.Join(", ", providers.Select(provider => "/" + provider + "/"));
        return rejection with
        {
            Errors =
            [
                .. rejection.Errors,
                $"/{segment}/ names no provider (did you mean /{meant}/?), so it was read as a MyOperator In-Call webhook; the providers are served at {paths}",
            ],
        };
    }

    private static string Verdict(DeliveryKind kind) =>
        kind switch
        {
            DeliveryKind.Duplicate => "duplicate",
            DeliveryKind.Late => "accepted late (after the finish)",
            DeliveryKind.Finished => "accepted finish",
            _ => "accepted",
        };
}
