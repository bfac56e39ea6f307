using System.Globalization;
using System.Text.RegularExpressions;

namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>The value formats the v2 documents name: ISO-8601 instants and E.164 numbers.</summary>
internal static partial class V2Formats
{
    public const string IsoHint = "must be an ISO-8601 instant with a zone, e.g. 2026-01-15T09:30:00.000Z";
    public const string E164Hint = "must be E.164: '+', the country code, then the number, e.g. +919876543210";

    /// <summary>The documented call events; a disposition is named <c>call.disposition</c> on the payload page and <c>disposition</c> in integrators' notes.</summary>
    public static readonly string[] EventTypes =
    [
        "call.initiated",
        "call.ivr_started",
        "call.dial_begin",
        "call.answered",
        "call.end",
        "call.summary",
        "call.disposition",
        "disposition",
    ];

    public static readonly string[] Statuses = ["bridged", "missed", "voicemail"];

    /// <summary>The category values of the vendor's call.summary reference.</summary>
    public static readonly string[] Categories = ["incoming", "obd", "oneway", "callback", "webcall", "otp"];

    public static readonly string[] LegTypes = ["customer", "agent"];

    public static readonly string[] LegResults = ["connected", "answered", "not_answered"];

    /// <summary>
    /// Every spelling seen: account bodies and the call-log API write NOANSWER, the documentation table NO ANSWER; an
    /// incoming customer leg, never dialed, has an empty dial status.
    /// </summary>
    public static readonly string[] DialStatuses = ["ANSWER", "NOANSWER", "NO ANSWER", "BUSY", "NO CARRIER", "CANCEL", ""];

    public static bool IsDisposition(string? eventType) => eventType is "call.disposition" or "disposition";

    /// <summary>A date, a 'T', a time with optional fraction, and a zone (Z or ±hh:mm): an instant, not a local time.</summary>
    public static bool IsInstant(string text) =>
        IsoPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    public static bool IsE164(string text) => E164Pattern().IsMatch(text);

    public static string? OneOf(string value, string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? null
            : $"must be one of {string.Join(", ", allowed.Select(a => "\"" + a + "\""))}";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164Pattern();
}
