namespace CallHooks.Conformance.Listener.MyOperatorV2;

/// <summary>What the listener keeps of one checked v2 event: the fields that tie it to its session and order it.</summary>
/// <param name="Sequence">The event_sequence; null on disposition events, which carry none.</param>
/// <param name="Fingerprint">The envelope without its send-time <c>timestamp</c>, compacted: a retry repeats it exactly.</param>
internal sealed record V2Delivery(
    string EventId,
    string EventType,
    long? Sequence,
    string SessionId,
    string CompanyId,
    string Direction,
    string Customer,
    string Fingerprint
);
