namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>
/// One call's mutable state inside <see cref="CallBook"/>, guarded by the book's lock; the outside world only
/// sees the <see cref="CallRecord"/> snapshots it makes.
/// </summary>
internal sealed class CallEntry
{
    public const string FinishedState = "2";

    public CallEntry(InCallLog first, DateTimeOffset now)
    {
        First = first;
        Latest = first;
        FirstReceived = now;
        LastReceived = now;
    }

    public InCallLog First { get; }

    /// <summary>The delivery that shows where the call stands: the latest one, or the finish once there is one.</summary>
    public InCallLog Latest { get; private set; }

    public bool IsFinished => Latest.CallState == FinishedState;

    public HashSet<string> Fingerprints { get; } = new(StringComparer.Ordinal);

    private List<string> States { get; } = [];

    private int Deliveries { get; set; }

    private int Duplicates { get; set; }

    private DateTimeOffset FirstReceived { get; }

    private DateTimeOffset LastReceived { get; set; }

    /// <summary>A new state before the finish (or the finish itself): it becomes where the call stands.</summary>
    public DeliveryKind Accept(InCallLog log, DateTimeOffset now)
    {
        Latest = log;
        Count(log, now);
        return IsFinished ? DeliveryKind.Finished : DeliveryKind.Progress;
    }

    /// <summary>
    /// A new delivery after the finish. Providers retry late and networks reorder, so it is kept in the history,
    /// but the call stays finished with its final status.
    /// </summary>
    public DeliveryKind AcceptLate(InCallLog log, DateTimeOffset now)
    {
        Count(log, now);
        return DeliveryKind.Late;
    }

    public DeliveryKind CountDuplicate(DateTimeOffset now)
    {
        Deliveries++;
        Duplicates++;
        LastReceived = now;
        return DeliveryKind.Duplicate;
    }

    public CallRecord ToRecord() =>
        new(
            First.Uid,
            First.Id,
            Latest.Clid,
            First.ClidRaw,
            First.Event,
            Latest.CallState,
            Latest.Status,
            States.ToArray(),
            Deliveries,
            Duplicates,
            FirstReceived,
            LastReceived
        );

    private void Count(InCallLog log, DateTimeOffset now)
    {
        States.Add(log.CallState);
        Fingerprints.Add(log.Fingerprint);
        Deliveries++;
        LastReceived = now;
    }
}
