using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener.Twilio;

/// <summary>
/// <c>/twilio/...</c>: Twilio Voice status callbacks. Reads the parameters independently of the sender, verifies
/// <c>X-Twilio-Signature</c> as a listener on Twilio's own library does (400 when missing, 403 when it does not match), checks every field's
/// format, then the call's sequence across callbacks. The auth token is the listener's secret, or else callhooks'
/// documented test token (docs/providers/twilio.md), since Twilio signs every request. A <c>whsec_</c> secret is a
/// Standard Webhooks key, checked by the router for every provider, and is not an auth token.
/// </summary>
internal sealed class TwilioEndpoint(ListenerOptions options, CallCapacity capacity) : IProviderEndpoint
{
    /// <summary>The test auth token callhooks signs with when it is given none; written here again, as the listener shares no code with the sender.</summary>
    public const string TestAuthToken = "callhooks-test-auth-token";

    private readonly string authToken =
        options.Secret is { Length: > 0 } secret && !secret.StartsWith(Signing.StandardWebhooksCheck.Prefix, StringComparison.Ordinal)
            ? secret
            : TestAuthToken;
    private readonly TwilioCallBook book = new(capacity);

    public string Provider => "twilio";

    public async Task<string> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsGet(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            return await Replies
                .Reject(context, new Rejection(405, $"method {request.Method} is not used by Twilio status callbacks; use POST or GET"))
                .ConfigureAwait(false);
        }

        var (read, unreadable) = await TwilioRequestReader.ReadAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (read is null)
            return await Replies.Reject(context, unreadable!).ConfigureAwait(false);

        if (
            TwilioSignatureCheck.Problem(
                request.Headers[TwilioSignatureCheck.Header].ToString(),
                authToken,
                TwilioRequestReader.RequestedUrl(context),
                read.SignedForm
            ) is
            { } forged
        )
            // As twilio-node's webhook() middleware answers (lib/webhooks/webhooks.js): 400 when the header is missing,
            // 403 when it does not match. Most Twilio listeners are written on Twilio's own library.
            return await Replies
                .Reject(context, new Rejection(string.IsNullOrEmpty(request.Headers[TwilioSignatureCheck.Header]) ? 400 : 403, forged))
                .ConfigureAwait(false);

        var (callback, problems) = TwilioFieldChecks.Check(read.Parameters);
        if (callback is null)
            return await Replies.Reject(context, new Rejection(400, problems)).ConfigureAwait(false);

        var (duplicate, conflict) = book.Record(callback);
        if (conflict is not null)
            return await Replies.Reject(context, conflict).ConfigureAwait(false);

        await Replies
            .Json(context, StatusCodes.Status200OK, json =>
            {
                json.WriteBoolean("ok", true);
                json.WriteString("CallSid", callback.CallSid);
                json.WriteString("CallStatus", callback.CallStatus);
                json.WriteNumber("SequenceNumber", callback.SequenceNumber);
                if (duplicate)
                    json.WriteBoolean("duplicate", true);
            })
            .ConfigureAwait(false);
        return $"{(duplicate ? "duplicate" : "accepted")} CallSid={callback.CallSid} CallStatus={callback.CallStatus} SequenceNumber={callback.SequenceNumber}";
    }
}
