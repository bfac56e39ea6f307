namespace CallHooks.Conformance.Recordings;

/// <summary>One way a recorded request differs from what its profile generates for the same event.</summary>
/// <param name="Kind">method, content type, carrier, field, order, type, shape, header.</param>
/// <param name="Subject">The field or header concerned; empty for the request as a whole.</param>
internal sealed record FidelityDifference(
    string Origin,
    string Provider,
    string Event,
    string Kind,
    string Subject,
    string Recorded,
    string Generated
)
{
    public override string ToString() =>
        $"{Origin} ({Provider} event {Event}): {Kind}{(Subject.Length > 0 ? " " + Subject : "")}: recorded {Recorded}, profile sends {Generated}";
}
