using System.Globalization;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Calls;

/// <summary>
/// The values of a generated call that an expectation may name, as <c>{call.caller.national}</c>: what a listener's
/// CRM request or record should carry for the call the harness played. A scenario file names them; the values come
/// from the call its seed generates, so the expectation holds for every seed.
/// </summary>
internal static partial class CallPlaceholders
{
    /// <summary>Every placeholder and what it stands for, as <c>callhooks</c> documents them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Meanings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["call.id"] = "the provider's id of the call (MyOperator's uid, Twilio's CallSid, ...)",
        ["call.caller.e164"] = "the customer's number, +91...",
        ["call.caller.digits"] = "the customer's number without the plus, 91...",
        ["call.caller.national"] = "the customer's ten national digits",
        ["call.service.e164"] = "the company's number the call came in on or went out from, +91...",
        ["call.service.national"] = "the company's number, ten national digits",
        ["call.agent.e164"] = "the agent who took the call, +91...; empty when no agent answered",
        ["call.agent.national"] = "the agent's ten national digits; empty when no agent answered",
        ["call.agent.name"] = "the agent's name; empty when no agent answered",
        ["call.agent.email"] = "the agent's e-mail; empty when no agent answered",
        ["call.outcome"] = "connected, missed, voicemail, no-answer or rejected",
        ["call.type"] = "incoming, obd or click-to-call",
        ["call.ring_seconds"] = "seconds the call rang before it was answered or given up",
        ["call.talk_seconds"] = "seconds of conversation (0 when not connected)",
        ["call.duration_seconds"] = "ring and talk seconds together",
    };

    /// <summary>Why the template cannot be rendered (an unknown placeholder), or null.</summary>
    public static string? Problem(string template)
    {
        var unknown = Placeholder()
            .Matches(template)
            .Select(match => match.Groups[1].Value)
            .FirstOrDefault(name => !Meanings.ContainsKey(name));
        return unknown is null
            ? null
            : $"{{{unknown}}} is not a call placeholder; known: {string.Join(", ", Meanings.Keys.Select(k => "{" + k + "}"))}";
    }

    /// <summary>The template with every placeholder replaced by the call's value.</summary>
    public static string Render(string template, Call call, string callId) =>
        Placeholder().Replace(template, match => Value(match.Groups[1].Value, call, callId));

    private static string Value(string name, Call call, string callId)
    {
        var agent = call.Outcome is CallOutcome.Connected && call.Agents.Count > 0 ? call.Agents[0] : null;
        return name switch
        {
            "call.id" => callId,
            "call.caller.e164" => call.Customer.E164,
            "call.caller.digits" => call.Customer.Digits,
            "call.caller.national" => call.Customer.National,
            "call.service.e164" => call.ServiceNumber.E164,
            "call.service.national" => call.ServiceNumber.National,
            "call.agent.e164" => agent?.Number.E164 ?? "",
            "call.agent.national" => agent?.Number.National ?? "",
            "call.agent.name" => agent?.Name ?? "",
            "call.agent.email" => agent?.Email ?? "",
            "call.outcome" => CallTypeNames.Name(call.Outcome),
            "call.type" => CallTypeNames.Name(call.Type),
            "call.ring_seconds" => call.RingSeconds.ToString(CultureInfo.InvariantCulture),
            "call.talk_seconds" => call.TalkSeconds.ToString(CultureInfo.InvariantCulture),
            "call.duration_seconds" => (call.RingSeconds + call.TalkSeconds).ToString(CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"unknown placeholder {name}: Problem() should have refused it"),
        };
    }

    [GeneratedRegex(@"\{(call\.[a-z0-9_.]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
