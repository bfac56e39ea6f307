using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CallHooks.Conformance.Tests.Listener;

/// <summary>What came back, read once so the response can be disposed.</summary>
internal sealed record Reply(
    HttpStatusCode Status,
    string? MediaType,
    string Body,
    HttpResponseHeaders Headers,
    IReadOnlyList<string> Allow
)
{
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);

    public string? Error => Json.GetProperty("error").GetString();
}
