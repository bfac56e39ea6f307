using System.Text;
using System.Text.Json;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Providers.Fields;

/// <summary>
/// The field paths a request carries, named as <see cref="FieldRow.Path"/> names them: headers as <c>header:Name</c>,
/// query and form parameters by name, JSON members joined by dots with arrays as <c>[]</c>, and a parameter whose value
/// is JSON text (MyOperator's <c>myoperator</c> form field) read into. What the run's configuration added (custom
/// headers, Basic credentials, query mappings, the target's own query) is the user's, not the profile's, and is left out.
/// </summary>
internal static class FieldPaths
{
    /// <param name="topLevelPrefix">Put before each top-level name: <c>$</c> where the names are a template's variables.</param>
    public static IReadOnlySet<string> Of(WebhookRequest request, WebhookConfig config, string topLevelPrefix = "")
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var userHeaders = config
            .Headers.Select(header => header.Name)
            .Append(config.Basic is null ? "" : "Authorization")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (
            var (name, _) in request.Headers.Where(header =>
                !userHeaders.Contains(header.Key) && !request.SecretHeaders.Contains(header.Key)
            )
        )
            paths.Add("header:" + name);

        var targetQuery = Pairs(config.Target.Query).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var mapped = config.Query.Select(mapping => mapping.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in Pairs(request.Url.Query).Where(pair => !targetQuery.Contains(pair.Key) && !mapped.Contains(pair.Key)))
            Parameter(paths, topLevelPrefix + name, value);

        if (!request.HasBody || request.Body.IsEmpty)
            return paths;
        var body = Encoding.UTF8.GetString(request.Body.Span);
        if (request.ContentType!.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            using var document = JsonDocument.Parse(body);
            Members(paths, document.RootElement, topLevelPrefix);
        }
        else
        {
            foreach (var (name, value) in Pairs(body))
                Parameter(paths, topLevelPrefix + name, value);
        }

        return paths;
    }

    private static void Parameter(SortedSet<string> paths, string name, string value)
    {
        paths.Add(name);
        if (value.Length < 2 || value[0] is not ('{' or '['))
            return;
        try
        {
            using var document = JsonDocument.Parse(value);
            Walk(paths, document.RootElement, name);
        }
        catch (JsonException)
        {
            // Text that only looks like JSON is a plain value.
        }
    }

    /// <summary>The members of the root object, each top-level name after <paramref name="topLevelPrefix"/>.</summary>
    private static void Members(SortedSet<string> paths, JsonElement root, string topLevelPrefix)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return;
        foreach (var property in root.EnumerateObject())
        {
            var path = topLevelPrefix + property.Name;
            paths.Add(path);
            Walk(paths, property.Value, path);
        }
    }

    private static void Walk(SortedSet<string> paths, JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    paths.Add(path + "." + property.Name);
                    Walk(paths, property.Value, path + "." + property.Name);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    paths.Add(path + "[]");
                    Walk(paths, item, path + "[]");
                }

                break;
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string text) =>
        text.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                return equals < 0
                    ? KeyValuePair.Create(Uri.UnescapeDataString(pair.Replace('+', ' ')), "")
                    : KeyValuePair.Create(
                        Uri.UnescapeDataString(pair[..equals].Replace('+', ' ')),
                        Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '))
                    );
            });
}
