namespace CallHooks.Conformance.Listener;

/// <summary>
/// The listener's memory of every call, keyed by uid (and id, to catch a log id moving to another uid).
/// It enforces what must hold across deliveries of one call; one lock keeps concurrent deliveries consistent.
/// </summary>
internal sealed class CallBook(TimeProvider clock)
{
    private const string Finished = "2";

    private readonly Lock gate = new();
    private readonly Dictionary<string, CallEntry> byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> uidById = new(StringComparer.Ordinal);

    /// <summary>Accepts the delivery, counts it as a duplicate, or returns a 409 saying what changed.</summary>
    public (bool Duplicate, Rejection? Rejection) Record(InCallLog log)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            byUid.TryGetValue(log.Uid, out var call);
            if (call is not null && Changed(call, log) is { } change)
                return (false, new Rejection(409, change));
            if (uidById.TryGetValue(log.Id, out var knownUid) && knownUid != log.Uid)
                return (false, new Rejection(409, $"id {log.Id} changed uid from {knownUid} to {log.Uid}"));

            if (call is null)
            {
                call = new CallEntry(log, now);
                byUid.Add(log.Uid, call);
                uidById.Add(log.Id, log.Uid);
            }
            else if (call.Fingerprints.Contains(log.Fingerprint))
            {
                // Providers retry on a slow or failed reply; the same bytes again are not a new state.
                call.Deliveries++;
                call.Duplicates++;
                call.LastReceived = now;
                return (true, null);
            }
            else if (call.States.Contains(Finished))
            {
                return (false, new Rejection(409, $"uid {log.Uid} already finished (call_state \"2\"); call_state \"{log.CallState}\" may not follow"));
            }

            call.Accept(log, now);
            return (false, null);
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

    private sealed class CallEntry
    {
        public CallEntry(InCallLog first, DateTimeOffset now)
        {
            First = first;
            Latest = first;
            FirstReceived = now;
            LastReceived = now;
        }

        public InCallLog First { get; }

        public InCallLog Latest { get; private set; }

        public List<string> States { get; } = [];

        public HashSet<string> Fingerprints { get; } = new(StringComparer.Ordinal);

        public int Deliveries { get; set; }

        public int Duplicates { get; set; }

        public DateTimeOffset FirstReceived { get; }

        public DateTimeOffset LastReceived { get; set; }

        public void Accept(InCallLog log, DateTimeOffset now)
        {
            Latest = log;
            States.Add(log.CallState);
            Fingerprints.Add(log.Fingerprint);
            Deliveries++;
            LastReceived = now;
        }

        public CallRecord ToRecord() => new(
            First.Uid, First.Id, Latest.Clid, First.ClidRaw, First.Event, Latest.CallState, Latest.Status,
            States.ToArray(), Deliveries, Duplicates, FirstReceived, LastReceived);
    }
}
