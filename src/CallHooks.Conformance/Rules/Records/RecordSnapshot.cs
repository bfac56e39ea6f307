using System.Text.Json;

namespace CallHooks.Conformance.Rules.Records;

/// <summary>
/// What <c>--verify-url</c> returned for one call at one moment. A listener answers with its record (a JSON object),
/// the records it holds for the call (a JSON array: one is right, more means the call was recorded twice), or 404
/// for none.
/// </summary>
internal sealed record RecordSnapshot(Uri Url, int Status, string Body, string? Problem)
{
    public const int ExcerptLength = 500;

    /// <summary>The body as JSON; null when it is not JSON (or nothing came).</summary>
    public JsonElement? Json { get; } = Parse(Body);

    /// <summary>True when the answer says how many records the listener holds: 200 with JSON, or 404.</summary>
    public bool Readable => Problem is null && (Status == 404 || (Status == 200 && Json is not null));

    /// <summary>How many records the listener holds for the call: 0 on 404 or an empty list, 1 for an object, the list's length.</summary>
    public int Count =>
        Status == 404 ? 0
        : Json is { ValueKind: JsonValueKind.Array } list ? list.GetArrayLength()
        : Json is null ? 0
        : 1;

    /// <summary>The one record: the object, or a list's only element; null when there is none or more than one.</summary>
    public JsonElement? Record =>
        Json switch
        {
            { ValueKind: JsonValueKind.Object } record => record,
            { ValueKind: JsonValueKind.Array } list when list.GetArrayLength() == 1 => list[0],
            _ => null,
        };

    /// <summary>What the fetch saw, for messages and evidence: "GET url -> 200: {...}".</summary>
    public string Describe() =>
        $"GET {Url} -> {Problem ?? Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(Body.Length == 0 ? "" : ": " + Excerpt)}";

    public string Excerpt => Body.Length <= ExcerptLength ? Body : Body[..ExcerptLength] + "…";

    /// <summary>Why the answer cannot be read as records; null when <see cref="Readable"/>.</summary>
    public string? Unreadable =>
        Problem is not null ? $"the record at {Url} could not be fetched: {Problem}"
        : Status is not (200 or 404) ? $"expected the call's record at {Url} with status 200 (or 404 for none), got {Status}"
        : Status == 200 && Json is null ? $"the record at {Url} is not JSON"
        : null;

    private static JsonElement? Parse(string body)
    {
        if (body.Length == 0)
            return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
