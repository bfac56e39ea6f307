namespace CallHooks.Conformance.Rules.Probes;

/// <summary>The orders <see cref="SequenceProbe"/> sends a call's events in, as providers' retries and parallel deliveries produce them.</summary>
internal enum SequenceOrder
{
    /// <summary>Every event, then at once its duplicate (DUP-001).</summary>
    EachTwice,

    /// <summary>In order, but the final event before the one before it (ORDER-001).</summary>
    LastTwoSwapped,

    /// <summary>In order, then the first event again after the end (ORDER-002).</summary>
    LateRetry,
}
