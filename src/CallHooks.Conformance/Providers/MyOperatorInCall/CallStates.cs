namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>MyOperator's documented <c>call_state</c> values (In-Call webhook, "Call state").</summary>
internal static class CallStates
{
    public const string IncomingOnServer = "1";
    public const string Finished = "2";
    public const string ClickToCallInitiated = "3";
    public const string FirstPartyNoAnswer = "4";
    public const string DialingUsers = "5";
    public const string UserAnswered = "6";
    public const string ClientRejected = "7";
    public const string NoUserPicked = "9";

    public static readonly IReadOnlyList<ProviderEvent> All =
    [
        new(IncomingOnServer, "incoming call on server (OBD + incoming)"),
        new(Finished, "call finished (OBD + incoming)"),
        new(ClickToCallInitiated, "call initiated by user to customer (click to call)"),
        new(FirstPartyNoAnswer, "first party no answer (OBD)"),
        new(DialingUsers, "dialing users (OBD + incoming)"),
        new(UserAnswered, "user answered (OBD + incoming)"),
        new(ClientRejected, "client rejected the call (click to call)"),
        new(NoUserPicked, "no user picked the call (click to call)"),
    ];
}
