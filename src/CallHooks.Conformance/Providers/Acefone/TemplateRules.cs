using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// Checks a user template before anything is sent, each problem a sentence naming <c>--template</c>. The
/// template's shape must match the encoding: a JSON object for POST JSON, <c>key=$variable</c> pairs joined by
/// <c>&amp;</c> for POST form and GET. Every <c>$name</c> must be a variable the profile fills in: a misspelt one would
/// go out as its literal text on every request, so it is refused where it stands (file:line:column) with the known
/// names closest to it.
/// </summary>
internal static class TemplateRules
{
    public static IEnumerable<string> Problems(string template, string encoding, string source)
    {
        foreach (var (name, offset) in TemplateRenderer.Variables(template).Where(variable => !VariableNames.IsKnown(variable.Name)))
            yield return UnknownVariable(template, name, offset, source);

        var text = Trim(template);
        if (text.Length == 0)
        {
            yield return "--template: the file is empty; write a JSON object such as {\"caller\":\"$caller_id_number\"} or key=$variable pairs such as caller=$caller_id_number";
            yield break;
        }

        var isJson = text.StartsWith('{');
        if (encoding == "json" && !isJson)
            yield return "--template: POST JSON needs a JSON object template such as {\"caller\":\"$caller_id_number\"}; for key=$variable pairs use --encoding form or --method GET";
        else if (encoding == "form" && isJson)
            yield return "--template: a JSON template needs --encoding json (POST); for form bodies and GET query strings write key=$variable pairs joined by &";
        else if (isJson && JsonProblem(text) is { } jsonProblem)
            yield return jsonProblem;
        else if (!isJson && FormProblem(text) is { } formProblem)
            yield return formProblem;

        if (!TemplateRenderer.Variables(text).Any(variable => VariableNames.IsKnown(variable.Name)))
            yield return $"--template: uses none of acefone's variables (${string.Join(", $", VariableNames.All.Take(4))}, ...), so every request would carry only literal text";
    }

    private static string UnknownVariable(string template, string name, int offset, string source)
    {
        var before = template.AsSpan(0, offset);
        var line = 1 + before.Count('\n');
        var column = offset - before.LastIndexOf('\n');
        var closest = NearestNames.Closest(name, VariableNames.All);
        var hint = closest.Count > 0 ? $"; did you mean {string.Join(", ", closest.Select(known => "$" + known))}?" : "";
        return $"{source}:{line}:{column}: ${name} is not a variable acefone fills in{hint} (callhooks list --fields acefone lists them all)";
    }

    /// <summary>The panel's text box holds no trailing newline; files usually end with one.</summary>
    public static string Trim(string template) => template.Trim();

    private static string? JsonProblem(string template)
    {
        // Fill every variable with a placeholder of its kind, then parse: this finds broken JSON whatever the values.
        var sample = new JsonObject();
        foreach (var name in VariableNames.All)
            sample[name] = VariableNames.Structured.Contains(name) ? new JsonObject() : "x";
        try
        {
            using var document = JsonDocument.Parse(TemplateRenderer.Json(template, sample));
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : "--template: the JSON template must be one object";
        }
        catch (JsonException e)
        {
            return "--template: not valid JSON once its $variables are filled in: " + e.Message;
        }
    }

    private static string? FormProblem(string template)
    {
        if (template.Any(char.IsWhiteSpace))
            return "--template: a form template is one line without spaces (key=$variable pairs joined by &); percent-encode literal spaces as %20";
        var bad = template.Split('&').FirstOrDefault(pair => pair.IndexOf('=', StringComparison.Ordinal) <= 0);
        return bad is null ? null : $"--template: '{bad}' is not a key=value pair; a form template is key=$variable pairs joined by &";
    }
}
