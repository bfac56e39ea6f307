using System.Globalization;

namespace CallHooks.Conformance.Providers.Voipappz;

/// <summary>
/// The voipappz behaviours the seed leaves open, as <c>--option name=value</c>, each defaulting to what the
/// documentation says (or, where it says nothing, to what a valid payload needs). Parsed once per request from
/// the validated configuration; <see cref="Validate"/> has already reported anything unusable.
/// </summary>
internal sealed record VoipappzOptions
{
    public const string Subscribed = "subscribed";
    public const string Enabled = "enabled";
    public const string Zone = "zone";
    public const string Billing = "billing";
    public const string Destination = "destination";
    public const string Get = "get";

    public const string Usage =
        "subscribed=EVENT,... (default: all), enabled=EVENT,... (default: all), zone=utc|+HH:MM (default +05:30), "
        + "billing=seconds|sample (default seconds), destination=string|number|raw (default string), get=query|body (default query)";

    /// <summary>Events whose webhook object is subscribed to the environment; null means all.</summary>
    public IReadOnlySet<string>? SubscribedEvents { get; init; }

    /// <summary>Events whose webhook object is enabled; null means all.</summary>
    public IReadOnlySet<string>? EnabledEvents { get; init; }

    /// <summary>
    /// The environment's clock for <c>start_at</c>/<c>answer_at</c>. The sample's start_at (23:04:40) is its
    /// created_at (21:04:40+00:00) in the environment's local time (+02:00), so these are local wall-clock
    /// times; our calls are Indian, so IST is the default.
    /// </summary>
    public TimeSpan LocalOffset { get; init; } = new(5, 30, 0);

    /// <summary>
    /// The seed documents billing_duration as "Billing Duration Sec" but its sample holds 1733173541, the call's
    /// end as an epoch, and billing_duration_time "00:05:41", that epoch's minutes and seconds. <c>seconds</c>
    /// (default) sends what the comment documents; <c>sample</c> reproduces the sample's quirk.
    /// </summary>
    public bool BillingAsSample { get; init; }

    /// <summary>
    /// The sample writes destination as <c>039000000</c>: an unquoted number with a leading zero, which is not
    /// JSON. <c>string</c> (default) quotes it, keeping the trunk zero; <c>number</c> sends a valid number without
    /// the zero; <c>raw</c> sends the sample's bytes, which any strict JSON parser (the reference listener too) rejects.
    /// </summary>
    public string DestinationStyle { get; init; } = "string";

    /// <summary>
    /// The panel pairs a method (GET or POST) with a JSON body template and says nothing more about GET. <c>query</c>
    /// (default) puts the same fields on the query string, the only place a GET reliably carries data;
    /// <c>body</c> sends the JSON body on the GET, the literal reading of the panel.
    /// </summary>
    public bool GetWithBody { get; init; }

    public static IReadOnlyList<string> Validate(WebhookConfig config)
    {
        var problems = new List<string>();
        foreach (var (name, value) in config.Options)
        {
            var problem = name switch
            {
                Subscribed or Enabled => EventList(value)
                    .Where(id => !VoipappzEvents.IsKnown(id))
                    .Select(id => $"'{id}' is not a voipappz event ({string.Join(", ", VoipappzEvents.All.Select(e => e.Id))})")
                    .FirstOrDefault(),
                Zone => TryOffset(value, out _) ? null : "use utc or an offset like +05:30 or -04:00",
                Billing or Destination or Get => null,
                _ => $"voipappz has no such option (it has: {Usage})",
            };
            if (problem is not null)
                problems.Add($"--option {name}={value}: {problem}");
        }

        problems.AddRange(Readings.ReadingOptions.Problems(VoipappzReadings.All, config.Options));
        return problems;
    }

    public static VoipappzOptions From(WebhookConfig config)
    {
        var options = config.Options;
        TryOffset(options.GetValueOrDefault(Zone, "+05:30"), out var offset);
        return new VoipappzOptions
        {
            SubscribedEvents = options.TryGetValue(Subscribed, out var subscribed)
                ? EventList(subscribed).ToHashSet(StringComparer.Ordinal)
                : null,
            EnabledEvents = options.TryGetValue(Enabled, out var enabled) ? EventList(enabled).ToHashSet(StringComparer.Ordinal) : null,
            LocalOffset = offset,
            BillingAsSample = VoipappzReadings.Billing.Is(options, "sample"),
            DestinationStyle = VoipappzReadings.Destination.Selected(options),
            GetWithBody = VoipappzReadings.Get.Is(options, "body"),
        };
    }

    /// <summary>A comma-separated list; an empty value means no event at all.</summary>
    private static IEnumerable<string> EventList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryOffset(string value, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (value.Equals("utc", StringComparison.OrdinalIgnoreCase))
            return true;
        if (value.Length != 6 || value[0] is not ('+' or '-') || value[3] != ':')
            return false;
        if (
            !int.TryParse(value.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(value.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 14
            || minutes is not (0 or 15 or 30 or 45)
        )
            return false;
        offset = new TimeSpan(hours, minutes, 0) * (value[0] == '-' ? -1 : 1);
        return true;
    }
}
