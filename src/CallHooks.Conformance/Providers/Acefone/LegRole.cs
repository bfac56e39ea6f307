namespace CallHooks.Conformance.Providers.Acefone;

/// <summary>Which leg of the call a trigger reports on; its <c>$uuid</c> is that leg's id.</summary>
internal enum LegRole
{
    /// <summary>The leg the call started with: the customer's on inbound and dialer calls, the agent's on click to call.</summary>
    First,

    /// <summary>The answering (or first dialed) agent's leg.</summary>
    Agent,

    /// <summary>The customer's leg.</summary>
    Customer,
}
