namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>One record a buggy integration keeps: the call it was created for, and the facts it stored.</summary>
internal sealed record StoredRecord(string Uid, string Caller, string? Status, string CallState, string? Raw)
{
    public static StoredRecord Of(InCallLog log) => new(log.Uid, "+" + log.ClidRaw, log.Status, log.CallState, null);

    /// <summary>The record with another delivery's facts written over its own, whichever call that delivery was for.</summary>
    public StoredRecord UpdatedFrom(InCallLog log) =>
        this with
        {
            Caller = "+" + log.ClidRaw,
            Status = log.Status ?? Status,
            CallState = log.CallState,
        };
}
