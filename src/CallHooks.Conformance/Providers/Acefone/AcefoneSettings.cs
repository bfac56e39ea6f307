namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>
/// The panel settings the harness exposes as <c>--option</c>: the webhook's time zone (IST by default, as
/// Acefone India and Smartflo accounts are) and the direction word an OBD call carries.
/// </summary>
internal sealed record AcefoneSettings(string ZoneName, TimeSpan ZoneOffset, string ObdDirection)
{
    public const string TimeZoneOption = "timezone";
    public const string ObdDirectionOption = "obd-direction";

    /// <summary>India Standard Time, UTC+05:30, no daylight saving.</summary>
    public static readonly TimeSpan IstOffset = new(5, 30, 0);

    public static readonly AcefoneSettings Default = new("IST", IstOffset, "dialer (outbound)");

    /// <summary>Reads the options; unknown or bad values fall back to the defaults (Validate has reported them).</summary>
    public static AcefoneSettings From(IReadOnlyDictionary<string, string> options)
    {
        var zone = options.GetValueOrDefault(TimeZoneOption)?.ToUpperInvariant() == "UTC" ? ("UTC", TimeSpan.Zero) : ("IST", IstOffset);
        var obd = options.GetValueOrDefault(ObdDirectionOption) == "outbound" ? "outbound" : Default.ObdDirection;
        return new AcefoneSettings(zone.Item1, zone.Item2, obd);
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
            else if (name == ObdDirectionOption)
            {
                if (value is not ("dialer" or "outbound"))
                    yield return $"--option {ObdDirectionOption}={value}: use dialer (direction \"dialer (outbound)\", the default) or outbound";
            }
            else
            {
                yield return $"--option {name}: acefone has no such option (it has: {TimeZoneOption}=IST|UTC, {ObdDirectionOption}=dialer|outbound)";
            }
        }
    }

    /// <summary><c>YYYY-MM-DD HH:MM:SS</c> in the webhook's zone, as Acefone prints every stamp.</summary>
    public string Stamp(DateTimeOffset instant) =>
        instant.ToOffset(ZoneOffset).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
