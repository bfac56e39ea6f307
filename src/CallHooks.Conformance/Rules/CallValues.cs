using System.Text.Json;
using CallHooks.Conformance.Calls;
using CallHooks.Conformance.Rules.Records;

namespace CallHooks.Conformance.Rules;

/// <summary>
/// Values a scenario expects in the listener's output (a CRM request's body, a record), each a JSON path and a template
/// written against the call (<c>{call.agent.e164}</c>): what differs, in words that show the path, the value found and
/// the value expected.
/// </summary>
internal static class CallValues
{
    /// <summary>Each expected value <paramref name="root"/> does not hold, as "$.agent is "" (expected "+91...")".</summary>
    public static List<string> Differences(
        JsonElement root,
        IReadOnlyList<(JsonPathLite Path, string PathText, string Template)> fields,
        Call call,
        string callId
    )
    {
        var differences = new List<string>();
        foreach (var (path, text, template) in fields)
        {
            var expected = CallPlaceholders.Render(template, call, callId);
            var actual = path.Find(root) is { } element ? Text(element) : null;
            if (actual != expected)
                differences.Add(
                    actual is null ? $"{text} is missing (expected \"{expected}\")" : $"{text} is \"{actual}\" (expected \"{expected}\")"
                );
        }

        return differences;
    }

    private static string Text(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Null => "null",
            _ => element.GetRawText(),
        };
}
