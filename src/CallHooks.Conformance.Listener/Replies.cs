using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CallHooks.Conformance.Listener;

/// <summary>Writes the listener's JSON answers by hand, field by field, so their shape is visible here.</summary>
internal static class Replies
{
    /// <summary>
    /// Plain JSON, not HTML-safe JSON: the default encoder writes <c>+91...</c> as <c>\u002B91...</c> and non-Latin
    /// names as escapes, which a reader searching the body for the caller's number would miss.
    /// </summary>
    public static readonly JsonWriterOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Answers with <paramref name="rejection"/>'s status and reasons; returns the verdict for the log line.</summary>
    public static async Task<string> Reject(HttpContext context, Rejection rejection)
    {
        await Error(context, rejection).ConfigureAwait(false);
        return "rejected: " + rejection.Error;
    }

    public static Task Error(HttpContext context, Rejection rejection) => Json(context, rejection.StatusCode, json =>
        {
            json.WriteBoolean("ok", false);
            json.WriteString("error", rejection.Error);
            if (rejection.Errors.Count > 1)
            {
                json.WriteStartArray("errors");
                foreach (var error in rejection.Errors)
                    json.WriteStringValue(error);
                json.WriteEndArray();
            }
        });

    /// <summary>One JSON object; the body is built first so Content-Length is exact.</summary>
    public static async Task Json(HttpContext context, int status, Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Plain))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
