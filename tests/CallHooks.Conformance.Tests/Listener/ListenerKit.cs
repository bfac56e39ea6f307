using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>
/// Hand-written MyOperator In-Call requests. Nothing here comes from the core library: the listener is an
/// independent reader, so its tests speak raw HTTP too.
/// </summary>
internal static class ListenerKit
{
    /// <summary>The POST sample of MyOperator's In-Call webhook page (docs/providers/myoperator-incall.md), byte for byte (newlines included).</summary>
    public const string SeedSample = """
        {
        "id": "5f25296c4122c135",
        "uid": "n2.1596270949.2175190",
        "reference_id": "fd771ed0-d3d1-11ea-935a-9a5b7644c4f0",
        "company_id": "5cd40f6554442586",
        "clid_raw": "919711636496",
        "clid": "9711636496",
        "rdnis": "unknown",
        "call_state": "1",
        "event": "2",
        "status": null,
        "users": [
        "918586848544"
        ],
        "created": "2020-08-01 08:35:56",
        "call_time": "2020-08-01 08:35:56",
        "public_ivr_id": "5ee9a795b318a786",
        "client_ref_id": "fdfdfdf",
        "job_id": null
        }
        """;

    public const string SeedUid = "n2.1596270949.2175190";
    public const string SeedId = "5f25296c4122c135";

    /// <summary>The seed sample with some fields changed; a null value writes JSON null.</summary>
    public static string Sample(Action<JsonObject> change)
    {
        var log = JsonNode.Parse(SeedSample)!.AsObject();
        change(log);
        return log.ToJsonString();
    }

    /// <summary>The seed sample at one call state, with the status a finished call needs.</summary>
    public static string State(string callState, string? status = null) =>
        Sample(log =>
        {
            log["call_state"] = callState;
            log["status"] = status ?? (callState == "2" ? "1" : null);
        });

    /// <summary><c>myoperator=&lt;call log&gt;</c>, percent-encoded as a browser or curl --data-urlencode would.</summary>
    public static HttpContent Form(string callLog, string contentType = "application/x-www-form-urlencoded") =>
        Raw("myoperator=" + Uri.EscapeDataString(callLog), contentType);

    /// <summary><c>{"myoperator": {...}}</c> as in the overview seed.</summary>
    public static HttpContent Json(string callLog) => Raw("{\"myoperator\": " + callLog + "}", "application/json");

    /// <summary>Exactly these bytes with exactly this Content-Type (StringContent would add its own charset).</summary>
    public static HttpContent Raw(string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static string BasicValue(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    public static async Task<Reply> SendAsync(
        HttpClient client,
        HttpMethod method,
        string path,
        HttpContent? content = null,
        Action<HttpRequestHeaders>? headers = null
    )
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        headers?.Invoke(request.Headers);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            text,
            response.Headers,
            response.Content.Headers.Allow.ToArray()
        );
    }

    public static Task<Reply> PostAsync(HttpClient client, HttpContent content, string path = "/webhook") =>
        SendAsync(client, HttpMethod.Post, path, content);
}
