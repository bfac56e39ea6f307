namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>How far a call has come when a trigger fires; a later phase knows everything an earlier one does.</summary>
internal enum CallPhase
{
    Received,
    Ivr,
    Dtmf,
    Dialing,
    Answered,
    Ended,
}
