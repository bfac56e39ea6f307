namespace CallHooks.Conformance.Calls;

/// <summary>How a call ended, independent of any provider's status codes.</summary>
internal enum CallOutcome
{
    /// <summary>An agent and the customer talked for a non-zero duration.</summary>
    Connected,

    /// <summary>Nobody on the company's side picked up.</summary>
    Missed,

    /// <summary>The call landed on voicemail.</summary>
    Voicemail,

    /// <summary>The customer did not answer an outbound call.</summary>
    NoAnswer,

    /// <summary>The customer rejected an outbound call.</summary>
    Rejected,
}
