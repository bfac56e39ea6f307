using System.Globalization;
using System.Text.Json;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Rules.Records;

/// <summary>
/// Compares the fields a user named (<c>--verify-field</c>) in a record with the generated call: the caller's number
/// (any shape: national, E.164, digits), the outcome (any common spelling: MyOperator's 1/2/3, bridged, completed,
/// no-answer, ...), the answering agent (name, number or e-mail), the duration (talk or total seconds, or HH:MM:SS).
/// Each problem names the field, its path, what the record holds and what the call says.
/// </summary>
internal static class RecordExpectations
{
    private static readonly HashSet<string> Answered = new(StringComparer.OrdinalIgnoreCase)
    {
        "1",
        "connected",
        "answered",
        "answer",
        "completed",
        "bridged",
        "success",
        "successful",
    };

    private static readonly HashSet<string> NotAnswered = new(StringComparer.OrdinalIgnoreCase)
    {
        "2",
        "missed",
        "no-answer",
        "no_answer",
        "noanswer",
        "not_answered",
        "unanswered",
        "busy",
        "rejected",
        "failed",
        "canceled",
        "cancelled",
        "declined",
    };

    private static readonly HashSet<string> Voicemail = new(StringComparer.OrdinalIgnoreCase) { "3", "voicemail", "voice_mail" };

    /// <summary>Every named field of <paramref name="record"/> that does not say what <paramref name="call"/> says.</summary>
    public static IEnumerable<string> Problems(JsonElement record, Call call, IReadOnlyList<RecordField> fields)
    {
        foreach (var field in fields)
        {
            if (Problem(record, call, field) is { } problem)
                yield return problem;
        }
    }

    public static string? Problem(JsonElement record, Call call, RecordField field)
    {
        var (path, _) = JsonPathLite.Parse(field.Path);
        if (path!.Find(record) is not { } element)
            return $"the record has no {field}; the call's {Expected(call, field)}";
        var text = Text(element);
        var ok = field.Name switch
        {
            "caller" => SameNumber(text, call.Customer),
            "status" => StatusMatches(text, call.Outcome),
            "agent" => call.Outcome is not CallOutcome.Connected || AgentMatches(text, call.Agents[0]),
            _ => DurationMatches(text, call),
        };
        return ok ? null : $"the record's {field} is {Quote(text)}, but the call's {Expected(call, field)}";
    }

    /// <summary>The values of the named fields, to see whether a retry changed what was stored.</summary>
    public static IReadOnlyDictionary<string, string> Values(JsonElement record, IReadOnlyList<RecordField> fields) =>
        fields.ToDictionary(
            field => field.ToString(),
            field => JsonPathLite.Parse(field.Path).Path!.Find(record)?.GetRawText() ?? "(missing)",
            StringComparer.Ordinal
        );

    /// <summary>True when the record's caller field (or, without one, its text) names <paramref name="number"/>.</summary>
    public static bool NamesNumber(JsonElement record, PhoneNumber number, IReadOnlyList<RecordField> fields) =>
        fields.FirstOrDefault(field => field.Name == "caller") is { } caller
            ? JsonPathLite.Parse(caller.Path).Path!.Find(record) is { } element && SameNumber(Text(element), number)
            : record.GetRawText().Contains(number.National, StringComparison.Ordinal);

    public static bool SameNumber(string text, PhoneNumber number)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 10 && digits[^10..] == number.National;
    }

    private static string Expected(Call call, RecordField field) =>
        field.Name switch
        {
            "caller" => $"caller is {call.Customer.E164}",
            "status" => $"outcome is {Outcome(call.Outcome)}",
            "agent" => $"agent is {call.Agents[0].Name} ({call.Agents[0].Number.E164})",
            _ => $"duration is {call.TalkSeconds} s of talk, {(int)(call.EndedAt - call.StartedAt).TotalSeconds} s in all",
        };

    private static string Outcome(CallOutcome outcome) =>
        outcome switch
        {
            CallOutcome.Connected => "answered (e.g. 1, connected, answered, completed, bridged)",
            CallOutcome.Voicemail => "voicemail (e.g. 3, voicemail)",
            _ => "not answered (e.g. 2, missed, no-answer, busy)",
        };

    private static bool StatusMatches(string text, CallOutcome outcome) =>
        outcome switch
        {
            CallOutcome.Connected => Answered.Contains(text.Trim()),
            CallOutcome.Voicemail => Voicemail.Contains(text.Trim()),
            _ => NotAnswered.Contains(text.Trim()),
        };

    private static bool AgentMatches(string text, Agent agent) =>
        text.Trim().Equals(agent.Name, StringComparison.OrdinalIgnoreCase)
        || text.Trim().Equals(agent.Email, StringComparison.OrdinalIgnoreCase)
        || SameNumber(text, agent.Number);

    private static bool DurationMatches(string text, Call call)
    {
        long? seconds =
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) ? whole
            : TimeSpan.TryParseExact(text, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var clock) ? (long)clock.TotalSeconds
            : decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction)
                ? (long)Math.Round(fraction)
            : null;
        var total = (long)(call.EndedAt - call.StartedAt).TotalSeconds;
        return seconds is { } value && (Math.Abs(value - call.TalkSeconds) <= 1 || Math.Abs(value - total) <= 1);
    }

    private static string Text(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Null => "",
            _ => element.GetRawText(),
        };

    private static string Quote(string text) => text.Length == 0 ? "empty" : "\"" + (text.Length <= 80 ? text : text[..80] + "…") + "\"";
}
