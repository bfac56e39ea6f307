using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener.Twilio;

/// <summary>
/// <c>/twilio/...</c>: Twilio Voice status callbacks. Reads the parameters independently of the sender, verifies
/// <c>X-Twilio-Signature</c> when the listener has an auth token (403 when it does not match), checks every field's
/// format, then the call's sequence across callbacks. A <c>whsec_</c> secret is a Standard Webhooks key, checked by the
/// router for every provider, and is not an auth token.
/// </summary>
internal sealed class TwilioEndpoint(ListenerOptions options) : IProviderEndpoint
{
    private readonly string? authToken = options.Secret is { Length: > 0 } secret && !secret.StartsWith(Signing.StandardWebhooksCheck.Prefix, StringComparison.Ordinal) ? secret : null;
    private readonly TwilioCallBook book = new();

    public string Provider => "twilio";

    public async Task<string> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsGet(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            return await WebhookEndpoint.Reject(context, new Rejection(405, $"method {request.Method} is not used by Twilio status callbacks; use POST or GET")).ConfigureAwait(false);
        }

        var (read, unreadable) = await TwilioRequestReader.ReadAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (read is null)
            return await WebhookEndpoint.Reject(context, unreadable!).ConfigureAwait(false);

        if (authToken is not null
            && TwilioSignatureCheck.Problem(request.Headers[TwilioSignatureCheck.Header].ToString(), authToken, TwilioRequestReader.RequestedUrl(context), read.SignedForm) is { } forged)
            return await WebhookEndpoint.Reject(context, new Rejection(403, forged)).ConfigureAwait(false);

        var (callback, problems) = TwilioFieldChecks.Check(read.Parameters);
        if (callback is null)
            return await WebhookEndpoint.Reject(context, new Rejection(400, problems)).ConfigureAwait(false);

        var (duplicate, conflict) = book.Record(callback);
        if (conflict is not null)
            return await WebhookEndpoint.Reject(context, conflict).ConfigureAwait(false);

        await Replies.Json(context, StatusCodes.Status200OK, json =>
        {
            json.WriteBoolean("ok", true);
            json.WriteString("CallSid", callback.CallSid);
            json.WriteString("CallStatus", callback.CallStatus);
            json.WriteNumber("SequenceNumber", callback.SequenceNumber);
            if (duplicate)
                json.WriteBoolean("duplicate", true);
        }).ConfigureAwait(false);
        return $"{(duplicate ? "duplicate" : "accepted")} CallSid={callback.CallSid} CallStatus={callback.CallStatus} SequenceNumber={callback.SequenceNumber}";
    }
}
