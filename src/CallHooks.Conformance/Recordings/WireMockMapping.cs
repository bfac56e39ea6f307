using System.Text;
using System.Text.Json;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// WireMock mapping files, as WireMock (Java)'s record and snapshot and WireMock.Net's proxy-and-record write them: one
/// mapping, an array of them, or <c>{"mappings": [...]}</c>. A mapping describes requests by patterns, so a concrete
/// request is rebuilt only from exact ones (equalTo, equalToJson, ExactMatcher, JsonMatcher, a wildcard without
/// wildcards); a mapping whose method, URL or body is only a pattern is returned as unplaced, with why.
/// </summary>
/// <remarks>
/// Mappings carry no time: the exchanges are one second apart in file order from <see cref="DateTimeOffset.UnixEpoch"/>,
/// so the pauses between a call's events are unknown, not one second.
/// </remarks>
internal static class WireMockMapping
{
    public const string Format = "wiremock-mappings";

    public static bool Is(JsonElement root) =>
        root.ValueKind switch
        {
            JsonValueKind.Object => IsMapping(root)
                || (JsonFields.Has(root, "mappings") && root.GetProperty("mappings").ValueKind == JsonValueKind.Array),
            JsonValueKind.Array => root.GetArrayLength() > 0 && IsMapping(root[0]),
            _ => false,
        };

    private static readonly string[] MessageNames = ["request", "response", "Request", "Response"];

    private static bool IsMapping(JsonElement element) =>
        MessageNames.Any(name => JsonFields.Has(element, name) && element.GetProperty(name).ValueKind == JsonValueKind.Object);

    public static (IReadOnlyList<RecordedExchange> Exchanges, IReadOnlyList<(string Origin, string Why)> Unplaced) Read(
        JsonElement root,
        JsonFields fields
    )
    {
        var mappings = root.ValueKind switch
        {
            JsonValueKind.Array => JsonFields.Elements(root, ""),
            _ when JsonFields.Has(root, "mappings") => fields.OptionalArray(root, "", "mappings"),
            _ => [(root, "")],
        };
        var exchanges = new List<RecordedExchange>();
        var unplaced = new List<(string Origin, string Why)>();
        foreach (var (index, (mapping, pointer)) in mappings.Index())
        {
            if (mapping.ValueKind != JsonValueKind.Object)
                throw fields.Fail(pointer, "a mapping must be an object");
            var origin = Origin(mapping, index, fields);
            try
            {
                var exchange = JsonFields.Has(mapping, "Request")
                    ? NetMapping(mapping, pointer, fields)
                    : JavaMapping(mapping, pointer, fields);
                exchanges.Add(exchange with { Origin = origin, At = DateTimeOffset.UnixEpoch.AddSeconds(index), TimeUnknown = true });
            }
            catch (Unplaceable reason)
            {
                unplaced.Add((origin, reason.Message));
            }
        }

        return (exchanges, unplaced);
    }

    /// <summary><c>file mapping 2 (title)</c>, with the mapping's own name or metadata when it has one.</summary>
    private static string Origin(JsonElement mapping, int index, JsonFields fields)
    {
        var origin = $"{fields.Path} mapping {index + 1}";
        foreach (var name in new[] { "name", "Title" })
            if (JsonFields.Has(mapping, name) && mapping.GetProperty(name) is { ValueKind: JsonValueKind.String } title)
                return $"{origin} ({title.GetString()})";
        if (JsonFields.Has(mapping, "metadata"))
        {
            var metadata = mapping.GetProperty("metadata").GetRawText().ReplaceLineEndings(" ");
            return $"{origin} ({(metadata.Length <= 80 ? metadata : metadata[..80] + "…")})";
        }

        return origin;
    }

    private static RecordedExchange JavaMapping(JsonElement mapping, string pointer, JsonFields fields)
    {
        var request = fields.Object(mapping, pointer, "request");
        var at = JsonFields.Child(pointer, "request");
        var method = fields.OptionalString(request, at, "method");
        if (method is null or "ANY")
            throw new Unplaceable("the mapping matches any method, so the request's method is unknown");
        var response = fields.Object(mapping, pointer, "response");
        return new RecordedExchange
        {
            Origin = "",
            At = default,
            Method = method,
            Target = JavaTarget(request, at, fields),
            Headers = JavaHeaders(request, at, fields),
            Body = JavaBody(request, at, fields),
            Response = WireMockJournal.JavaResponse(response, JsonFields.Child(pointer, "response"), fields),
        };
    }

    private static string JavaTarget(JsonElement request, string pointer, JsonFields fields)
    {
        if (fields.OptionalString(request, pointer, "url") is { } url)
            return url;
        if (fields.OptionalString(request, pointer, "urlPath") is not { } path)
        {
            foreach (var pattern in new[] { "urlPattern", "urlPathPattern", "urlPathTemplate" })
                if (JsonFields.Has(request, pattern))
                    throw new Unplaceable($"the URL is only a pattern (\"{pattern}\"), not an exact \"url\" or \"urlPath\"");
            throw new Unplaceable("the mapping matches any URL (no \"url\" or \"urlPath\")");
        }

        // urlPath leaves the query to "queryParameters"; each must be an exact value to be rebuilt.
        var query = new List<string>();
        if (fields.OptionalObject(request, pointer, "queryParameters") is { } parameters)
            foreach (var parameter in parameters.EnumerateObject())
            {
                var value = EqualTo(parameter.Value, JsonFields.Child(JsonFields.Child(pointer, "queryParameters"), parameter.Name), fields)
                    ?? throw new Unplaceable($"query parameter \"{parameter.Name}\" is only a pattern, not \"equalTo\"");
                query.Add(Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(value));
            }

        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    /// <summary>Headers given as <c>equalTo</c>; one given only as a pattern is left out, as a replay can do without it.</summary>
    private static List<RecordedHeader> JavaHeaders(JsonElement request, string pointer, JsonFields fields)
    {
        var headers = new List<RecordedHeader>();
        if (fields.OptionalObject(request, pointer, "headers") is { } patterns)
            foreach (var header in patterns.EnumerateObject())
                if (EqualTo(header.Value, JsonFields.Child(JsonFields.Child(pointer, "headers"), header.Name), fields) is { } value)
                    headers.Add(new RecordedHeader(header.Name, value));
        return headers;
    }

    private static string? EqualTo(JsonElement pattern, string pointer, JsonFields fields) =>
        pattern.ValueKind == JsonValueKind.Object
            ? fields.OptionalString(pattern, pointer, "equalTo")
            : throw fields.Fail(pointer, "a pattern must be an object such as {\"equalTo\": \"...\"}");

    private static byte[] JavaBody(JsonElement request, string pointer, JsonFields fields)
    {
        var patterns = fields.OptionalArray(request, pointer, "bodyPatterns");
        foreach (var (pattern, at) in patterns)
        {
            if (pattern.ValueKind != JsonValueKind.Object)
                throw fields.Fail(at, "a body pattern must be an object such as {\"equalToJson\": ...}");
            // equalToJson is a JSON string in most files and the JSON itself in some.
            if (JsonFields.Has(pattern, "equalToJson"))
                return pattern.GetProperty("equalToJson") is { ValueKind: JsonValueKind.String } text
                    ? Encoding.UTF8.GetBytes(text.GetString()!)
                    : Encoding.UTF8.GetBytes(pattern.GetProperty("equalToJson").GetRawText());
            if ((fields.OptionalString(pattern, at, "equalTo") ?? fields.OptionalString(pattern, at, "equalToXml")) is { } exact)
                return Encoding.UTF8.GetBytes(exact);
            if (fields.OptionalBase64(pattern, at, "binaryEqualTo") is { } bytes)
                return bytes;
        }

        if (patterns.Count > 0)
        {
            var kind = patterns[0].Value.EnumerateObject().Select(property => property.Name).FirstOrDefault() ?? "an empty pattern";
            throw new Unplaceable($"the body is only a pattern (\"{kind}\"), not \"equalTo\" or \"equalToJson\"");
        }

        return [];
    }

    private static RecordedExchange NetMapping(JsonElement mapping, string pointer, JsonFields fields)
    {
        var request = fields.Object(mapping, pointer, "Request");
        var at = JsonFields.Child(pointer, "Request");
        var methods = fields.OptionalArray(request, at, "Methods");
        // A mapping for several methods accepts each of them; the first is as good a request as any.
        var method =
            methods.Count > 0
                ? methods[0].Value is { ValueKind: JsonValueKind.String } first
                    ? first.GetString()!
                    : throw fields.Fail(methods[0].Pointer, "a method must be a string")
                : throw new Unplaceable("the mapping matches any method (no \"Methods\"), so the request's method is unknown");
        var response = fields.Object(mapping, pointer, "Response");
        return new RecordedExchange
        {
            Origin = "",
            At = default,
            Method = method,
            Target = NetTarget(request, at, fields),
            Headers = NetHeaders(request, at, fields),
            Body = NetBody(request, at, fields),
            Response = WireMockJournal.NetResponse(response, JsonFields.Child(pointer, "Response"), fields),
        };
    }

    private static string NetTarget(JsonElement request, string pointer, JsonFields fields)
    {
        string path;
        if (JsonFields.Has(request, "Path"))
            path = Exact(request, pointer, "Path", fields)
                ?? throw new Unplaceable("the path is only a pattern, not an exact or wildcard-free matcher");
        else if (JsonFields.Has(request, "Url"))
            path = (Exact(request, pointer, "Url", fields) is { } url ? RequestTarget.FromUrl(url) : null)
                ?? throw new Unplaceable("the URL is only a pattern, not an exact or wildcard-free matcher");
        else
            throw new Unplaceable("the mapping matches any path (no \"Path\" or \"Url\")");

        var query = new List<string>();
        foreach (var (parameter, at) in fields.OptionalArray(request, pointer, "Params"))
        {
            var name = fields.String(parameter, at, "Name");
            var value = FirstExact(parameter, at, fields)
                ?? throw new Unplaceable($"query parameter \"{name}\" is only a pattern, not an exact matcher");
            query.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        }

        return query.Count == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', query);
    }

    /// <summary>Headers with an exact matcher; one matched only by a pattern is left out, as a replay can do without it.</summary>
    private static List<RecordedHeader> NetHeaders(JsonElement request, string pointer, JsonFields fields) =>
        [
            .. fields
                .OptionalArray(request, pointer, "Headers")
                .Select(header =>
                    (Name: fields.String(header.Value, header.Pointer, "Name"), Value: FirstExact(header.Value, header.Pointer, fields))
                )
                .Where(header => header.Value is not null)
                .Select(header => new RecordedHeader(header.Name, header.Value!)),
        ];

    private static byte[] NetBody(JsonElement request, string pointer, JsonFields fields)
    {
        if (fields.OptionalObject(request, pointer, "Body") is not { } body)
            return [];
        var at = JsonFields.Child(pointer, "Body");
        var matchers = fields.OptionalObject(body, at, "Matcher") is { } single
            ? [(single, JsonFields.Child(at, "Matcher"))]
            : fields.OptionalArray(body, at, "Matchers");
        foreach (var (matcher, matcherPointer) in matchers)
            if (ExactMatcher(matcher, matcherPointer, fields) is { } text)
                return Encoding.UTF8.GetBytes(text);
        var kind = matchers.Count > 0 ? fields.OptionalString(matchers[0].Value, matchers[0].Pointer, "Name") : null;
        throw new Unplaceable(
            kind is null
                ? "the body has no matcher to rebuild it from"
                : $"the body is only a pattern (\"{kind}\"), not an exact or JSON matcher"
        );
    }

    /// <summary>The exact value of a <c>Path</c> or <c>Url</c>: a string, or an object with <c>Matchers</c>.</summary>
    private static string? Exact(JsonElement request, string pointer, string name, JsonFields fields)
    {
        var value = request.GetProperty(name);
        var at = JsonFields.Child(pointer, name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => FirstExact(value, at, fields),
            _ => throw fields.Fail(at, $"\"{name}\" must be a string or an object with \"Matchers\""),
        };
    }

    private static string? FirstExact(JsonElement parent, string pointer, JsonFields fields) =>
        fields
            .OptionalArray(parent, pointer, "Matchers")
            .Select(matcher => ExactMatcher(matcher.Value, matcher.Pointer, fields))
            .FirstOrDefault(text => text is not null);

    /// <summary>
    /// The one text a WireMock.Net matcher accepts, or null when it accepts many: a regex, a wildcard with <c>*</c> or
    /// <c>?</c>, a partial JSON match, or any matcher that rejects on match.
    /// </summary>
    private static string? ExactMatcher(JsonElement matcher, string pointer, JsonFields fields)
    {
        if (matcher.ValueKind != JsonValueKind.Object)
            throw fields.Fail(pointer, "a matcher must be an object with \"Name\" and \"Pattern\"");
        var name = fields.String(matcher, pointer, "Name");
        if (matcher.TryGetProperty("RejectOnMatch", out var reject) && reject.ValueKind == JsonValueKind.True)
            return null;
        var pattern =
            JsonFields.Has(matcher, "Pattern") ? matcher.GetProperty("Pattern")
            : fields.OptionalArray(matcher, pointer, "Patterns") is [var first, ..] ? first.Value
            : throw fields.Fail(pointer, $"matcher \"{name}\" needs a \"Pattern\"");
        return name switch
        {
            "JsonMatcher" => pattern.ValueKind == JsonValueKind.String ? pattern.GetString() : pattern.GetRawText(),
            "ExactMatcher" => pattern.ValueKind == JsonValueKind.String ? pattern.GetString() : null,
            "WildcardMatcher" => pattern.ValueKind == JsonValueKind.String && pattern.GetString()!.IndexOfAny(['*', '?']) < 0
                ? pattern.GetString()
                : null,
            _ => null,
        };
    }

    /// <summary>Why a mapping cannot be made into a concrete request; caught per mapping, never thrown out of the reader.</summary>
    private sealed class Unplaceable(string why) : Exception(why);
}
