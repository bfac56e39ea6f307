namespace CallHooks.Conformance.Delivery.Http1;

/// <summary>Where <see cref="Http1Connection.TakeBody"/> stopped.</summary>
internal enum BodyStep
{
    /// <summary>The body ended as its framing says.</summary>
    Complete,

    /// <summary>
    /// The sink holds the limit, or the chunked framing around fewer bytes took <see cref="Http1Connection.MaxBodyWireBytes"/>;
    /// the rest is left unread (the connection cannot be reused).
    /// </summary>
    LimitReached,

    /// <summary>The buffer ran out: read more from the listener.</summary>
    NeedMore,
}
