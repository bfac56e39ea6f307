namespace CallHooks.Conformance.Listener.MyOperatorAfterCall;

/// <summary>The parts of a checked After-Call log that matter across deliveries. Built only by <see cref="AfterCallChecks"/>.</summary>
/// <param name="Id">_ai, the log id (the In-Call log's <c>id</c>).</param>
/// <param name="Uid">The uid from <c>_pm</c> (ky=ui).</param>
/// <param name="CallerE164">_cl.</param>
/// <param name="Start">_st, epoch seconds.</param>
/// <param name="Status">_su.</param>
/// <param name="Fingerprint">The log re-written compactly: an identical re-delivery is a retry.</param>
internal sealed record AfterCallSummary(string Id, string Uid, string CallerE164, long Start, string Status, string Fingerprint);
