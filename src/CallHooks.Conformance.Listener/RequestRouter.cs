using CallHooks.Conformance.Listener.MyOperatorInCall;
using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener;

/// <summary>
/// The listener's only middleware. <c>/healthz</c> and <c>/calls/{uid}</c> are reserved; every other path is a
/// webhook endpoint, because users point MyOperator at whatever path they like. Writes one log line per request.
/// </summary>
internal sealed class RequestRouter(
    CallBook book,
    RecordStore records,
    AuthCheck auth,
    ListenerFaults faults,
    InCallEndpoint webhook,
    ListenerLog log,
    IReadOnlyList<IProviderEndpoint> providers,
    Signing.StandardWebhooksCheck? signatures = null,
    ListenerRoutes? routes = null
)
{
    private const string CallsPrefix = "/calls/";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        string verdict;
        try
        {
            verdict = await Route(context, path).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            verdict = "aborted by the client";
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            // Kestrel's own refusals (a body over its limit, a malformed chunk size) are the client's fault: 413 or 400,
            // never a 5xx that would ask the provider to retry a request that can never succeed.
            verdict = await Replies.Reject(context, new Rejection(bad.StatusCode, "bad request: " + bad.Message)).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // A listener bug must still answer: the harness records a 500 instead of a dropped connection.
            verdict = await Replies
                .Reject(context, new Rejection(500, "internal listener error: " + e.GetType().Name))
                .ConfigureAwait(false);
        }

        log.Write($"{request.Method} {path} {context.Response.StatusCode} {verdict}");
    }

    private async Task<string> Route(HttpContext context, string path)
    {
        if (path.Equals("/healthz", StringComparison.OrdinalIgnoreCase))
            return await Health(context).ConfigureAwait(false);

        // Reading a record back is not a webhook: no fault of the webhook handling applies to it.
        if (path.StartsWith(CallsPrefix, StringComparison.OrdinalIgnoreCase))
            return await Denied(context).ConfigureAwait(false) ?? await Call(context, path[CallsPrefix.Length..]).ConfigureAwait(false);

        return await faults
            .HandleWebhookAsync(() => Webhook(context, path), rejection => Replies.Reject(context, rejection), context.Request.Method)
            .ConfigureAwait(false);
    }

    /// <summary>The 401 or 403 for a request without the right credentials; null when it has them.</summary>
    private async Task<string?> Denied(HttpContext context)
    {
        // /calls/{uid} shows caller numbers, so it sits behind the same protection as the webhooks.
        if (auth.Check(context.Request) is not { } denied)
            return null;
        if (denied.StatusCode == StatusCodes.Status401Unauthorized)
            context.Response.Headers.WWWAuthenticate = AuthCheck.Challenge;
        return await Replies.Reject(context, denied).ConfigureAwait(false);
    }

    private async Task<string> Webhook(HttpContext context, string path)
    {
        // Slow mode delays every webhook answer, refusals included.
        await faults.BeforeAnswerAsync(context.RequestAborted).ConfigureAwait(false);
        if (routes is { Active: true })
            return await Routed(context, path, routes).ConfigureAwait(false);
        if (await Denied(context).ConfigureAwait(false) is { } denied)
            return denied;

        // Standard Webhooks signing applies to every provider's webhooks alike, so it is checked before any reader.
        if (
            signatures is not null
            && await signatures.CheckAsync(context.Request, context.RequestAborted).ConfigureAwait(false) is { } unsigned
        )
            return await Replies.Reject(context, unsigned).ConfigureAwait(false);

        // /<provider>/... goes to that provider's reader; every other path is a MyOperator In-Call webhook.
        var segment = path.TrimStart('/').Split('/')[0];
        var provider = providers.FirstOrDefault(endpoint => endpoint.Provider.Equals(segment, StringComparison.OrdinalIgnoreCase));
        return provider is not null
            ? await provider.HandleAsync(context).ConfigureAwait(false)
            : await webhook.HandleAsync(context).ConfigureAwait(false);
    }

    /// <summary>A panel's route: its own credentials, then its events, then its provider's reader.</summary>
    private async Task<string> Routed(HttpContext context, string path, ListenerRoutes served)
    {
        if (served.Find(path) is not { } route)
            return await Replies
                .Reject(context, new Rejection(404, $"no webhook route at {path}; this listener serves {served.Paths}"))
                .ConfigureAwait(false);
        if (route.Auth.Check(context.Request) is { } denied)
        {
            if (denied.StatusCode == StatusCodes.Status401Unauthorized)
                context.Response.Headers.WWWAuthenticate = AuthCheck.Challenge;
            return await Replies.Reject(context, denied).ConfigureAwait(false);
        }

        if (await route.Signatures.CheckAsync(context.Request, context.RequestAborted).ConfigureAwait(false) is { } unsigned)
            return await Replies.Reject(context, unsigned).ConfigureAwait(false);

        var reader = providers.FirstOrDefault(endpoint => endpoint.Provider == route.Provider);
        if (route.Events is not null && await WrongEvent(context.Request, reader, route) is { } misrouted)
            return await Replies.Reject(context, misrouted).ConfigureAwait(false);
        return reader is not null
            ? await reader.HandleAsync(context).ConfigureAwait(false)
            : await webhook.HandleAsync(context).ConfigureAwait(false);
    }

    /// <summary>The refusal of an event the route is not subscribed to: the panel sent it to the wrong webhook.</summary>
    private static async Task<Rejection?> WrongEvent(HttpRequest request, IProviderEndpoint? reader, ListenerRoutes.Served route)
    {
        var body = await BodyReader.ReadAsync(request.Body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (body is null)
            return new Rejection(413, $"body is larger than {BodyReader.MaxBytes} bytes");
        // The reader reads the same bytes after this look.
        request.Body = new MemoryStream(body, writable: false);
        var possible = reader is null ? InCallReader.EventsOf(request, body) : reader.EventsOf(request, body);
        return possible is null || possible.Overlaps(route.Events!)
            ? null
            : new Rejection(
                400,
                $"{route.Path} receives {string.Join(", ", route.Events!.Order(StringComparer.Ordinal))}; this request is {string.Join(" or ", possible.Order(StringComparer.Ordinal))}: it was sent to the wrong webhook"
            );
    }

    private static async Task<string> Health(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
            return await NotGet(context).ConfigureAwait(false);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("ok", context.RequestAborted).ConfigureAwait(false);
        return "healthy";
    }

    private async Task<string> Call(HttpContext context, string uid)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
            return await NotGet(context).ConfigureAwait(false);
        if (records.Active)
        {
            // The record-bug modes answer with the records their integration kept: a list, as a CRM query would.
            var kept = records.Find(uid);
            await InCallReplies.Records(context, kept).ConfigureAwait(false);
            return $"found {kept.Count} record(s) uid={uid}";
        }

        if (book.Find(uid) is not { } call)
            return await Replies.Reject(context, new Rejection(404, $"no call with uid {uid}")).ConfigureAwait(false);
        await InCallReplies.Call(context, call).ConfigureAwait(false);
        return "found uid=" + uid;
    }

    private static Task<string> NotGet(HttpContext context)
    {
        context.Response.Headers.Allow = "GET";
        return Replies.Reject(context, new Rejection(405, $"{context.Request.Path} only answers GET"));
    }
}
