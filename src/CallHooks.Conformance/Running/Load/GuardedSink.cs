using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// A sink that cannot end the run: the first exception it throws is kept (<see cref="Error"/>) and it receives nothing
/// more, while the run goes on counting every delivery and writes its reports. Serilog guards its sinks the same way.
/// </summary>
internal sealed class GuardedSink(ILoadSink inner) : ILoadSink
{
    private string? error;

    public string? Error => Volatile.Read(ref error);

    public void OnDelivery(LoadDelivery delivery) => Guard(() => inner.OnDelivery(delivery));

    public void OnCall(long callIndex, ScenarioResult call) => Guard(() => inner.OnCall(callIndex, call));

    private void Guard(Action deliver)
    {
        if (Error is not null)
            return;
        try
        {
            deliver();
        }
        catch (Exception exception)
        {
            Interlocked.CompareExchange(ref error, $"{exception.GetType().Name}: {exception.Message}", null);
        }
    }
}
