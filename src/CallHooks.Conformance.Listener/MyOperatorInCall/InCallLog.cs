namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>
/// The fields of one checked In-Call log that matter across deliveries. Built only by <see cref="InCallChecks"/>,
/// so every value here has already passed its field check.
/// </summary>
/// <param name="Fingerprint">The log re-written compactly: two deliveries with the same fingerprint are one retried delivery.</param>
internal sealed record InCallLog(
    string Id,
    string Uid,
    string ClidRaw,
    string Clid,
    string CallState,
    string Event,
    string? Status,
    string Created,
    string Fingerprint
);
