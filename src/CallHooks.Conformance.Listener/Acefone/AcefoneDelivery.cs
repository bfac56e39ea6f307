namespace CallHooks.Conformance.Listener.Acefone;

/// <summary>What one checked delivery says about its call; null where the template did not carry the variable.</summary>
internal sealed record AcefoneDelivery(
    string CallId,
    string? Uuid,
    string? StartStamp,
    string? Direction,
    string? CallerIdNumber,
    string? CallToNumber,
    string Fingerprint
);
