namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>
/// The listener's memory of every call, keyed by uid (and id, to catch a log id moving to another uid).
/// It enforces what must hold across deliveries of one call; one lock keeps concurrent deliveries consistent.
/// Order is not one of those things: providers retry late and deliveries overtake each other, so a state that
/// arrives after the finish is accepted and kept, and only a genuine contradiction gets a 409.
/// </summary>
internal sealed class CallBook(TimeProvider clock, CallCapacity capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, CallEntry> byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> uidById = new(StringComparer.Ordinal);

    /// <summary>Accepts the delivery and says what it meant for the call, or returns a 409 saying what contradicts.</summary>
    public (DeliveryKind Kind, Rejection? Rejection) Record(InCallLog log)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            byUid.TryGetValue(log.Uid, out var call);
            if (call is not null && Changed(call, log) is { } change)
                return (default, new Rejection(409, change));
            if (uidById.TryGetValue(log.Id, out var knownUid) && knownUid != log.Uid)
                return (default, new Rejection(409, $"id {log.Id} changed uid from {knownUid} to {log.Uid}"));

            if (call is null)
            {
                if (!capacity.TryTake())
                    return (default, capacity.Full);
                call = new CallEntry(log, now);
                byUid.Add(log.Uid, call);
                uidById.Add(log.Id, log.Uid);
                return (call.Accept(log, now), null);
            }

            // Providers retry on a slow or failed reply; the same log again is not a new state.
            if (call.Fingerprints.Contains(log.Fingerprint))
                return (call.CountDuplicate(now), null);
            if (!call.IsFinished)
                return (call.Accept(log, now), null);
            if (log.CallState == CallEntry.FinishedState && log.Status != call.Latest.Status)
                return (
                    default,
                    new Rejection(
                        409,
                        $"uid {log.Uid} already finished with status {Show(call.Latest.Status)}; a second finish with status {Show(log.Status)} contradicts it"
                    )
                );
            return (call.AcceptLate(log, now), null);
        }
    }

    public CallRecord? Find(string uid)
    {
        lock (gate)
            return byUid.TryGetValue(uid, out var call) ? call.ToRecord() : null;
    }

    public IReadOnlyCollection<CallRecord> Snapshot()
    {
        lock (gate)
            return byUid.Values.Select(call => call.ToRecord()).ToArray();
    }

    /// <summary>Fields fixed for a whole call: a change means two calls were mixed up, or the sender rebuilt the log wrongly.</summary>
    private static string? Changed(CallEntry call, InCallLog log)
    {
        var first = call.First;
        (string Field, string Was, string Now)[] fixedFields =
        [
            ("id", first.Id, log.Id),
            ("created", first.Created, log.Created),
            ("clid_raw", first.ClidRaw, log.ClidRaw),
            ("event", first.Event, log.Event),
        ];
        return fixedFields
            .Where(f => f.Was != f.Now)
            .Select(f => $"uid {log.Uid} changed {f.Field} from {f.Was} to {f.Now}")
            .FirstOrDefault();
    }

    private static string Show(string? status) => status is null ? "null" : $"\"{status}\"";
}
