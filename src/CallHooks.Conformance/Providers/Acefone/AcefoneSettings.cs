using CallHooks.Conformance.Providers.Readings;

namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// One webhook's panel settings and readings, resolved once per request: the time zone of its stamps (the panel's
/// filter; IST by default, as Acefone India and Smartflo accounts are) and the <see cref="AcefoneReadings"/>.
/// </summary>
internal sealed record AcefoneSettings(
    string ZoneName,
    TimeSpan ZoneOffset,
    string ObdDirection,
    bool UuidPerCall,
    bool CallIdWithNode,
    bool LiveNumbers,
    bool BillsecEmpty,
    bool ClickToCallRefIdUuid
)
{
    public const string TimeZoneOption = "timezone";

    /// <summary>India Standard Time, UTC+05:30, no daylight saving.</summary>
    public static readonly TimeSpan IstOffset = new(5, 30, 0);

    public static readonly AcefoneSettings Default = From(new Dictionary<string, string>());

    /// <summary>Reads the options; Validate has reported anything unusable, so unknown values fall back to the defaults.</summary>
    public static AcefoneSettings From(IReadOnlyDictionary<string, string> options)
    {
        var utc = options.GetValueOrDefault(TimeZoneOption)?.ToUpperInvariant() == "UTC";
        return new AcefoneSettings(
            utc ? "UTC" : "IST",
            utc ? TimeSpan.Zero : IstOffset,
            AcefoneReadings.ObdDirection.Is(options, "outbound") ? "outbound" : "dialer (outbound)",
            AcefoneReadings.Uuid.Is(options, "per-call"),
            AcefoneReadings.CallId.Is(options, "node-prefix"),
            AcefoneReadings.Numbers.Is(options, "live"),
            AcefoneReadings.Billsec.Is(options, "empty"),
            AcefoneReadings.ClickToCallRefId.Is(options, "uuid")
        );
    }

    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, string> options)
    {
        foreach (var (name, value) in options)
        {
            if (name == TimeZoneOption)
            {
                if (value.ToUpperInvariant() is not ("IST" or "UTC"))
                    yield return $"--option {TimeZoneOption}={value}: use IST (UTC+05:30, the default) or UTC";
            }
            else if (!ReadingOptions.Names(AcefoneReadings.All, name))
            {
                yield return $"--option {name}: acefone has no such option (it has: {TimeZoneOption}=IST|UTC, {ReadingOptions.Usage(AcefoneReadings.All)})";
            }
        }

        foreach (var problem in ReadingOptions.Problems(AcefoneReadings.All, options))
            yield return problem;
    }

    /// <summary><c>YYYY-MM-DD HH:MM:SS</c> in the webhook's zone, as Acefone prints every stamp.</summary>
    public string Stamp(DateTimeOffset instant) =>
        instant.ToOffset(ZoneOffset).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
