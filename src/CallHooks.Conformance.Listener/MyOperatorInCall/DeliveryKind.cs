namespace CallHooks.Conformance.Listener.MyOperatorInCall;

/// <summary>What one accepted delivery meant for its call, as <see cref="CallBook"/> saw it.</summary>
internal enum DeliveryKind
{
    /// <summary>A state the call had not reported yet, before it finished.</summary>
    Progress,

    /// <summary>The call's first <c>call_state "2"</c>: the moment to tell the CRM (pushed downstream once).</summary>
    Finished,

    /// <summary>A new delivery after the call finished: an earlier state that arrived out of order, or a changed retry.</summary>
    Late,

    /// <summary>The same call log again: a provider retry. Counted, changes nothing.</summary>
    Duplicate,
}
