namespace CallHooks.Conformance.Providers;

/// <summary>
/// One slot a profile may fill for the call being played: a load run builds tens of thousands of requests a second,
/// and most of a payload is the same for every event of a call. A call's steps are built one after another, never at
/// once, so the slot needs no locking. Whoever reads it must check that the value was made for the call in hand: a
/// context copied <c>with</c> another call keeps its memo.
/// </summary>
internal sealed class CallMemo
{
    public object? Value { get; set; }
}
