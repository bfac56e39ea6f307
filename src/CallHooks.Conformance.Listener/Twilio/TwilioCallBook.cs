namespace CallHooks.Conformance.Listener.Twilio;

/// <summary>
/// What must hold across the callbacks of one CallSid: the account, numbers and direction never change, and one
/// SequenceNumber names one callback. Callbacks travel in parallel and Twilio retries once, so an earlier event
/// arriving after a later one (even after the final status) is accepted as late, never refused; an exact
/// re-delivery is a duplicate, not a new event.
/// </summary>
internal sealed class TwilioCallBook(CallCapacity capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> calls = new(StringComparer.Ordinal);

    /// <summary>Accepts the callback, counts it as a duplicate, or returns a 409 saying what went wrong.</summary>
    public (bool Duplicate, Rejection? Rejection) Record(StatusCallback callback)
    {
        lock (gate)
        {
            if (!calls.TryGetValue(callback.CallSid, out var entry))
            {
                if (!capacity.TryTake())
                    return (false, capacity.Full);
                calls.Add(callback.CallSid, new Entry(callback));
                return (false, null);
            }

            if (entry.Fingerprints.Contains(callback.Fingerprint))
                return (true, null);
            if (Conflict(entry, callback) is { } conflict)
                return (false, new Rejection(409, $"CallSid {callback.CallSid}: {conflict}"));
            entry.Accept(callback, late: entry.Last.IsFinal || callback.SequenceNumber < entry.Last.SequenceNumber);
            return (false, null);
        }
    }

    private static string? Conflict(Entry entry, StatusCallback next)
    {
        var first = entry.First;
        var last = entry.Last;
        (string Field, string Was, string Now)[] fixedFields =
        [
            ("AccountSid", first.AccountSid, next.AccountSid),
            ("From", first.From, next.From),
            ("To", first.To, next.To),
            ("Direction", first.Direction, next.Direction),
        ];
        if (fixedFields.FirstOrDefault(field => field.Was != field.Now) is { Field: not null } changed)
            return $"{changed.Field} changed from {changed.Was} to {changed.Now}";
        if (entry.Sequences.Contains(next.SequenceNumber))
            return $"SequenceNumber {next.SequenceNumber} was already used by a different callback";
        if (last.IsFinal && next.IsFinal)
            return $"a second final status {next.CallStatus} after {last.CallStatus}";
        if (next.SequenceNumber > last.SequenceNumber && next.Timestamp < last.Timestamp)
            return $"Timestamp {next.Timestamp:u} is earlier than the previous callback's {last.Timestamp:u}";
        return null;
    }

    private sealed class Entry
    {
        public Entry(StatusCallback first)
        {
            First = first;
            Last = first;
            Fingerprints.Add(first.Fingerprint);
            Sequences.Add(first.SequenceNumber);
        }

        public StatusCallback First { get; }

        public StatusCallback Last { get; private set; }

        public HashSet<string> Fingerprints { get; } = new(StringComparer.Ordinal);

        public HashSet<long> Sequences { get; } = [];

        /// <summary>A late callback is kept (fingerprint, sequence) but never moves the call backwards.</summary>
        public void Accept(StatusCallback callback, bool late)
        {
            if (!late)
                Last = callback;
            Fingerprints.Add(callback.Fingerprint);
            Sequences.Add(callback.SequenceNumber);
        }
    }
}
