namespace CallHooks.Conformance.Listener.Twilio;

/// <summary>One checked status callback: only <see cref="TwilioFieldChecks"/> builds it, so every value has passed its check.</summary>
/// <param name="Fingerprint">Every parameter, sorted: two deliveries with the same fingerprint are one retried callback.</param>
internal sealed record StatusCallback(
    string CallSid,
    string AccountSid,
    string From,
    string To,
    string Direction,
    string CallStatus,
    int SequenceNumber,
    DateTimeOffset Timestamp,
    int? CallDuration,
    string Fingerprint
)
{
    public bool IsFinal => TwilioFieldChecks.FinalStatuses.Contains(CallStatus);
}
