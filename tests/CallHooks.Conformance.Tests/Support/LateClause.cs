namespace CallHooks.Conformance.Tests.Support;

/// <summary>
/// The clause a timeout's message ends with once callhooks has read on past the budget (the default late window):
/// either nothing came, or the whole answer came too late. Fault tests match their timeout messages with it.
/// </summary>
internal static class LateClause
{
    public const string Pattern =
        @"; (still no answer after \d+\.\d s, when callhooks stopped reading|answered 200 OK after \d+\.\d s, too late: the provider had given up)$";
}
