using System.Text.Json;
using CallHooks.Conformance.Input;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Providers.StandardWebhooks;
using CallHooks.Conformance.Scenarios.Schema;

namespace CallHooks.Conformance.Panels;

/// <summary>
/// Turns a schema-valid panel document into webhooks, checking what a schema cannot: that each provider has the
/// events named, accepts the method, encoding and options, that URLs are URLs, and that every <c>env:</c> secret is
/// set. Secrets written literally are accepted with a warning: the file is meant to be committed.
/// </summary>
internal sealed class PanelReader
{
    /// <summary>Subscribes a webhook to every event its provider sends.</summary>
    public const string AllEvents = "*";

    private const string EnvPrefix = "env:";
    private const int MaxTemplateBytes = 64 * 1024;

    private readonly string path;
    private readonly JsonPositionMap positions;
    private readonly Func<string, string?> environment;
    private readonly List<LocatedError> errors = [];
    private readonly List<LocatedError> warnings = [];

    private PanelReader(string path, JsonPositionMap positions, Func<string, string?> environment)
    {
        this.path = path;
        this.positions = positions;
        this.environment = environment;
    }

    public static PanelLoad Read(string path, JsonElement root, JsonPositionMap positions, Func<string, string?> environment)
    {
        var reader = new PanelReader(path, positions, environment);
        var webhooks = root.GetProperty("webhooks")
            .EnumerateArray()
            .Select((webhook, index) => reader.ReadWebhook(webhook, $"/webhooks/{index}"))
            .ToList();
        // One route serves one provider's reader: a CRM cannot tell a MyOperator body from a voipappz one by path.
        foreach (
            var shared in webhooks
                .Select((webhook, index) => (webhook, index))
                .Where(entry => entry.webhook.Path is not null)
                .GroupBy(entry => entry.webhook.Path!.Split('?')[0].TrimEnd('/'), StringComparer.OrdinalIgnoreCase)
                .Where(group => group.Select(entry => entry.webhook.Provider).Distinct(StringComparer.Ordinal).Count() > 1)
        )
            reader.Error(
                $"/webhooks/{shared.ElementAt(1).index}/url",
                $"path {shared.Key} is also {shared.First().webhook.Name}'s, a {shared.First().webhook.Provider} webhook; one path receives one provider's webhooks"
            );
        if (webhooks.Count > 0 && webhooks.All(webhook => !webhook.Enabled))
            reader.Error("/webhooks", "every webhook is disabled: nothing would be sent; enable at least one");
        foreach (
            var twice in webhooks
                .Select((webhook, index) => (webhook.Name, index))
                .GroupBy(entry => entry.Name)
                .Where(group => group.Count() > 1)
        )
            reader.Error(
                $"/webhooks/{twice.ElementAt(1).index}/name",
                $"webhook name '{twice.Key}' is used more than once; reports group results by name"
            );
        return new PanelLoad(reader.errors.Count == 0 ? webhooks : null, reader.errors, reader.warnings);
    }

    private PanelWebhook ReadWebhook(JsonElement webhook, string at)
    {
        var name = webhook.GetProperty("name").GetString()!;
        var providerName = webhook.GetProperty("provider").GetString()!;
        var profile = ProviderCatalog.Find(providerName);
        if (profile is null)
            Error(
                at + "/provider",
                $"unknown provider '{providerName}'; known: {string.Join(", ", ProviderCatalog.All.Select(p => p.Name))}"
            );

        var events = profile is null ? null : ReadEvents(webhook.GetProperty("events"), at + "/events", profile);
        var (target, relative) = ReadUrl(webhook.GetProperty("url").GetString()!, at + "/url");
        var method = Text(webhook, "method");
        var encoding = Text(webhook, "encoding");
        if (profile is not null && method is not null && !profile.Methods.Contains(method))
            Error(at + "/method", $"{profile.Name} sends {string.Join(" or ", profile.Methods)}, not {method}");
        if (profile is not null && encoding is not null && !profile.Encodings.Contains(encoding))
            Error(at + "/encoding", $"{profile.Name} supports {string.Join(" or ", profile.Encodings)}, not {encoding}");
        if (method == "GET" && encoding is not null)
            Error(at + "/encoding", $"GET webhooks carry no body; encoding applies to POST only");

        var secret = webhook.TryGetProperty("secret", out var secretElement) ? Secret(secretElement, at + "/secret") : null;
        var sign = Text(webhook, "sign");
        if (sign is not null && secret is null)
            Error(at + "/sign", $"{sign} needs \"secret\": \"env:NAME\" holding a whsec_ key");
        else if (sign is not null && StandardWebhooksSecret.Problem(secret!) is { } badKey)
            Error(at + "/secret", badKey.Replace("--secret", "secret", StringComparison.Ordinal));
        if (profile is not null && secret is not null && sign is null && !profile.UsesSecret)
            Error(
                at + "/secret",
                $"{profile.Name} does not sign webhooks; send the secret as a custom header (\"headers\") or add \"sign\": \"standard-webhooks\""
            );

        var (template, templatePath) = ReadTemplate(webhook, at + "/template");
        var options = ReadOptions(webhook, at + "/options", profile);
        var config = new WebhookConfig
        {
            Target = target,
            Method = method,
            Encoding = encoding,
            Headers = ReadHeaders(webhook, at + "/headers"),
            Basic = ReadBasic(webhook, at + "/basic"),
            Query = ReadQuery(webhook, at + "/query"),
            Secret = secret,
            Sign = sign,
            Template = template,
            TemplatePath = templatePath,
            Options = options,
        };
        foreach (var problem in profile?.Validate(config) ?? [])
            Error(ProblemAt(problem, at), problem.StartsWith("--option ", StringComparison.Ordinal) ? "option " + problem[9..] : problem);

        var (line, column) = positions.Locate(at);
        return new PanelWebhook
        {
            Name = name,
            Provider = providerName,
            Events = events,
            Config = config,
            Path = relative,
            Enabled = !webhook.TryGetProperty("enabled", out var enabled) || enabled.GetBoolean(),
            DeclaredAt = $"{path}:{line}:{column}",
        };
    }

    /// <summary>Event ids, the provider's groups (MyOperator's <c>in-call</c>), or <c>*</c>; null means every event.</summary>
    private HashSet<string>? ReadEvents(JsonElement events, string at, IProviderProfile profile)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in events.EnumerateArray())
        {
            var id = element.GetString()!;
            if (id == AllEvents)
                return null;
            if (profile.EventGroups.TryGetValue(id, out var group))
                ids.UnionWith(group);
            else if (profile.Events.Any(known => known.Id == id))
                ids.Add(id);
            else
            {
                var groups = profile.EventGroups.Count == 0 ? "" : $"; groups: {string.Join(", ", profile.EventGroups.Keys)}";
                Error(
                    $"{at}/{index}",
                    $"'{id}' is not a {profile.Name} event; it has: {string.Join(", ", profile.Events.Select(e => e.Id))}{groups}; or * for all"
                );
            }

            index++;
        }

        return ids;
    }

    /// <summary>An absolute http(s) URL, or a path resolved when the run starts.</summary>
    private (Uri Target, string? Relative) ReadUrl(string url, string at)
    {
        if (url.StartsWith("//", StringComparison.Ordinal))
            Error(at, $"'{url}' names a host without a scheme; write an absolute URL (https://...) or a path with one leading /");
        else if (url.StartsWith('/'))
            return (new Uri(new Uri("http://127.0.0.1/"), url), url);
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            Error(at, $"'{url}' is neither an http(s) URL nor a path starting with /");
        else if (uri.UserInfo.Length > 0)
            Error(at, "credentials in the URL are not sent by providers; use \"basic\": \"env:NAME\"");
        else
            return (uri, null);
        return (new Uri("http://127.0.0.1/"), null);
    }

    private List<HeaderSpec> ReadHeaders(JsonElement webhook, string at)
    {
        var headers = new List<HeaderSpec>();
        if (!webhook.TryGetProperty("headers", out var element))
            return headers;
        foreach (var header in element.EnumerateObject())
        {
            var value = Secret(header.Value, JsonPointer.Append(at, header.Name));
            if (HeaderRules.NameProblem(header.Name) is { } badName)
                Property(JsonPointer.Append(at, header.Name), badName);
            else if (value is not null && HeaderRules.Problem(header.Name, value) is { } problem)
                Error(JsonPointer.Append(at, header.Name), problem);
            else if (value is not null)
                headers.Add(new HeaderSpec(header.Name, value));
        }

        return headers;
    }

    private BasicCredentials? ReadBasic(JsonElement webhook, string at)
    {
        if (!webhook.TryGetProperty("basic", out var element) || Secret(element, at) is not { } text)
            return null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
            return new BasicCredentials(text[..colon], text[(colon + 1)..]);
        Error(at, "the value must be user:password (a user name, a colon, then the password)");
        return null;
    }

    private List<QueryMapping> ReadQuery(JsonElement webhook, string at)
    {
        var query = new List<QueryMapping>();
        if (!webhook.TryGetProperty("query", out var element))
            return query;
        foreach (var mapping in element.EnumerateObject())
        {
            if (mapping.Name.Length == 0 || !mapping.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                Property(
                    JsonPointer.Append(at, mapping.Name),
                    $"query parameter '{mapping.Name}': letters, digits, '_', '-' and '.' only (the panel does not allow URL-encoded names)"
                );
            else
                query.Add(new QueryMapping(mapping.Name, mapping.Value.GetString()!));
        }

        return query;
    }

    private Dictionary<string, string> ReadOptions(JsonElement webhook, string at, IProviderProfile? profile)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!webhook.TryGetProperty("options", out var element))
            return options;
        foreach (var option in element.EnumerateObject())
        {
            var isSecret = profile?.SecretOptions.Contains(option.Name) == true;
            var value = isSecret ? Secret(option.Value, JsonPointer.Append(at, option.Name)) : option.Value.GetString();
            if (value is not null)
                options[option.Name] = value;
        }

        return options;
    }

    /// <summary>The template's text, read relative to the panel file, within the size a template can have.</summary>
    private (string? Text, string? Path) ReadTemplate(JsonElement webhook, string at)
    {
        if (Text(webhook, "template") is not { } relative)
            return (null, null);
        var full = System.IO.Path.GetFullPath(relative, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".");
        var (bytes, problem) = BoundedFile.Read(full, MaxTemplateBytes, "a template");
        if (bytes is not null)
            return (System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), full);
        Error(at, $"{relative}: {problem}");
        return (null, null);
    }

    /// <summary>A secret's value: <c>env:NAME</c> read from the environment (an error when unset), a literal with a warning.</summary>
    private string? Secret(JsonElement element, string at)
    {
        var text = element.GetString()!;
        if (!text.StartsWith(EnvPrefix, StringComparison.Ordinal))
        {
            var (line, column) = positions.Locate(at);
            warnings.Add(
                new LocatedError(
                    path,
                    line,
                    column,
                    $"a secret is written literally in the panel file{CheckedJson.At(at)}; write \"env:NAME\" and set NAME in the environment (a CI secret), so the file can be committed"
                )
            );
            return text;
        }

        var variable = text[EnvPrefix.Length..];
        if (variable.Length == 0)
        {
            Error(at, "env: names no variable; write env:NAME");
            return null;
        }

        if (environment(variable) is { Length: > 0 } value)
            return value;
        Error(at, $"env:{variable}: the environment variable {variable} is not set");
        return null;
    }

    private static string? Text(JsonElement webhook, string name) =>
        webhook.TryGetProperty(name, out var element) ? element.GetString() : null;

    /// <summary>A profile's problem names its option the command line's way; it is shown where the panel file sets it.</summary>
    private static string ProblemAt(string problem, string at) =>
        problem.StartsWith("--option ", StringComparison.Ordinal) ? at + "/options"
        : problem.StartsWith("--template", StringComparison.Ordinal) ? at + "/template"
        : at;

    private void Error(string at, string message)
    {
        var (line, column) = positions.Locate(at);
        errors.Add(new LocatedError(path, line, column, message + CheckedJson.At(at)));
    }

    private void Property(string at, string message)
    {
        var (line, column) = positions.LocateProperty(at);
        errors.Add(new LocatedError(path, line, column, message + CheckedJson.At(at)));
    }
}
