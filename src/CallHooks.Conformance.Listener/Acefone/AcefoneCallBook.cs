namespace CallHooks.Conformance.Listener.Acefone;

/// <summary>
/// The listener's memory of Acefone calls, keyed by call_id. Within a call the start, direction and numbers never
/// change; a uuid (one leg) never moves to another call; and a call seen again (same start_stamp and numbers) under
/// another call_id means the call_id changed within the call. Exact re-deliveries are retries. One lock for all.
/// </summary>
internal sealed class AcefoneCallBook(CallCapacity capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> callByUuid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> callByIdentity = new(StringComparer.Ordinal);

    /// <summary>Records the delivery, or returns a 409 saying what changed; Legs counts the call's distinct uuids.</summary>
    public (bool Duplicate, int Legs, Rejection? Rejection) Record(AcefoneDelivery delivery)
    {
        lock (gate)
        {
            if (delivery.Uuid is { } uuid && callByUuid.TryGetValue(uuid, out var owner) && owner != delivery.CallId)
                return Conflict($"uuid {uuid} already belongs to call_id {owner}; a leg never moves to another call");
            var identity = Identity(delivery);
            if (identity is not null && callByIdentity.TryGetValue(identity, out var earlier) && earlier != delivery.CallId)
                return Conflict(
                    $"call_id changed within one call: earlier deliveries with start_stamp {delivery.StartStamp}, caller_id_number {delivery.CallerIdNumber} and call_to_number {delivery.CallToNumber} carried call_id {earlier}, this one {delivery.CallId}"
                );

            if (!calls.TryGetValue(delivery.CallId, out var entry))
            {
                if (!capacity.TryTake())
                    return (false, 0, capacity.Full);
                entry = new Entry(delivery);
                calls[delivery.CallId] = entry;
            }
            else
            {
                // Live bodies spell one direction click_to_call while the call is live and clicktocall on its hangup, and one
                // number as +91... on one trigger and ten digits on another: only a different direction or number is a change.
                var changed = Changed("start_stamp", entry.First.StartStamp, delivery.StartStamp)
                    ?? Changed("direction", entry.First.Direction, delivery.Direction, Direction)
                    ?? Changed("caller_id_number", entry.First.CallerIdNumber, delivery.CallerIdNumber, Last10)
                    ?? Changed("call_to_number", entry.First.CallToNumber, delivery.CallToNumber, Last10);
                if (changed is not null)
                    return Conflict($"{changed} within call_id {delivery.CallId}");
            }

            var duplicate = !entry.Fingerprints.Add(delivery.Fingerprint);
            if (delivery.Uuid is not null)
            {
                entry.Uuids.Add(delivery.Uuid);
                callByUuid[delivery.Uuid] = delivery.CallId;
            }

            if (identity is not null)
                callByIdentity[identity] = delivery.CallId;
            return (duplicate, entry.Uuids.Count, null);
        }
    }

    private static string? Identity(AcefoneDelivery d) =>
        d.StartStamp is null || d.CallerIdNumber is null || d.CallToNumber is null
            ? null
            : d.StartStamp + "|" + Last10(d.CallerIdNumber) + "|" + Last10(d.CallToNumber);

    private static string? Changed(string field, string? before, string? now, Func<string, string>? same = null) =>
        before is not null && now is not null && (same ?? (text => text))(before) != (same ?? (text => text))(now)
            ? $"{field} changed from {JsonText.Quote(before)} to {JsonText.Quote(now)}"
            : null;

    private static string Direction(string direction) => direction.Replace("_", "", StringComparison.Ordinal);

    private static string Last10(string number) => number.Length <= 10 ? number : number[^10..];

    private static (bool, int, Rejection?) Conflict(string error) => (false, 0, new Rejection(409, error));

    private sealed class Entry(AcefoneDelivery first)
    {
        public AcefoneDelivery First { get; } = first;

        public HashSet<string> Fingerprints { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Uuids { get; } = new(StringComparer.Ordinal);
    }
}
