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
    Signing.StandardWebhooksCheck? signatures = null
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
            .HandleWebhookAsync(() => Webhook(context, path), rejection => Replies.Reject(context, rejection))
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
