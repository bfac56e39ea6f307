namespace CallHooks.Conformance.Calls;

/// <summary>How a call came about; providers map this to their own direction codes.</summary>
internal enum CallType
{
    /// <summary>A customer dials the company's service number.</summary>
    Incoming,

    /// <summary>An outbound dialer (OBD) or API call placed by the platform to a customer.</summary>
    Obd,

    /// <summary>An agent clicks to call: the platform rings the agent, then the customer.</summary>
    ClickToCall,
}
