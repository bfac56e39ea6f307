using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// Checks a user template before anything is sent, each problem a sentence naming <c>--template</c>. The
/// template's shape must match the encoding: a JSON object for POST JSON, <c>key=$variable</c> pairs joined by
/// <c>&amp;</c> for POST form and GET. Unknown <c>$words</c> are allowed (they go out as written, as Acefone sends them).
/// </summary>
internal static class TemplateRules
{
    public static IEnumerable<string> Problems(string template, string encoding)
    {
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

        if (!TemplateRenderer.Names(text).Any(name => VariableNames.All.Contains(name)))
            yield return $"--template: uses none of acefone's variables (${string.Join(", $", VariableNames.All.Take(4))}, ...), so every request would carry only literal text";
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
