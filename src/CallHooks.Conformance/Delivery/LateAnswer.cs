using System.Globalization;

namespace CallHooks.Conformance.Delivery;

/// <summary>
/// What a listener did after a delivery's time budget ran out, while callhooks kept reading the connection
/// (<see cref="LateReading"/>). The delivery has failed either way: the provider had already given up. This tells a
/// slow handler (it answered 200 after 7 s) from a stuck one (nothing after 60 s) from one that failed late (500).
/// </summary>
/// <param name="StatusLine">The status that finally came, e.g. <c>500 Internal Server Error</c>; null when none did.</param>
/// <param name="AfterMs">When it came (or, with no status, when callhooks stopped reading), in milliseconds from sending.</param>
/// <param name="Complete">True when the whole response came; false when the body or the headers were still missing.</param>
/// <param name="Ending">How the connection ended instead, when it did (e.g. the listener reset it); null otherwise.</param>
internal sealed record LateAnswer(string? StatusLine, double AfterMs, bool Complete, string? Ending = null)
{
    /// <summary>The clause appended to the timeout's message, e.g. <c>answered 500 Internal Server Error after 9.2 s</c>.</summary>
    public string Describe() =>
        (StatusLine, Complete, Ending) switch
        {
            ({ } status, true, _) => $"answered {status} after {Seconds(AfterMs)}, too late: the provider had given up",
            (_, _, { } ending) => $"then {ending} after {Seconds(AfterMs)}",
            ({ } status, false, _) => $"{status} came after {Seconds(AfterMs)}, its body still incomplete when callhooks stopped reading",
            _ => $"still no answer after {Seconds(AfterMs)}, when callhooks stopped reading",
        };

    public static string Seconds(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.0} s");
}
