namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>
/// What the listener has seen of one call (keyed by MyOperator's <c>uid</c>), as an immutable snapshot.
/// </summary>
/// <param name="Uid">The call's uid, e.g. <c>n2.1596270949.2175190</c>.</param>
/// <param name="Id">The call log id (16 hex digits), fixed for the whole call.</param>
/// <param name="Clid">The caller as printed in the last accepted delivery (national or E.164).</param>
/// <param name="ClidRaw">The caller with country code, digits only.</param>
/// <param name="Event">"1" incoming, "2" outgoing.</param>
/// <param name="CallState">Where the call stands: the latest accepted call_state, and "2" for good once it finished.</param>
/// <param name="Status">The final status once the call finished (null until then); late deliveries do not change it.</param>
/// <param name="States">Every accepted call_state in arrival order; duplicates are not repeated here.</param>
/// <param name="Deliveries">Accepted requests for this call, duplicates included.</param>
/// <param name="Duplicates">Exact re-deliveries (provider retries) among <paramref name="Deliveries"/>.</param>
/// <param name="FirstReceivedUtc">When the first accepted delivery arrived.</param>
/// <param name="LastReceivedUtc">When the latest accepted delivery (or duplicate) arrived.</param>
public sealed record CallRecord(
    string Uid,
    string Id,
    string Clid,
    string ClidRaw,
    string Event,
    string CallState,
    string? Status,
    IReadOnlyList<string> States,
    int Deliveries,
    int Duplicates,
    DateTimeOffset FirstReceivedUtc,
    DateTimeOffset LastReceivedUtc
)
{
    /// <summary>The caller as E.164 (<c>+</c> and <see cref="ClidRaw"/>), whichever way <see cref="Clid"/> was printed.</summary>
    public string Caller => "+" + ClidRaw;
}
