namespace CallHooks.Conformance.Providers.MyOperatorInCall;

/// <summary>
/// MyOperator's pages disagree on <c>clid</c>: the sample payload prints the national number, the field
/// table prints E.164. National (the sample, what real traffic shows) is the default.
/// </summary>
internal enum ClidStyle
{
    National,
    E164,
}
