using System.Collections.Concurrent;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running.Load;

namespace CallHooks.Conformance.Tests.Running.Load;

/// <summary>Keeps every delivery and call a load run reports.</summary>
internal sealed class RecordingSink : ILoadSink
{
    public ConcurrentQueue<LoadDelivery> Deliveries { get; } = new();

    public ConcurrentQueue<(long Index, ScenarioResult Call)> Calls { get; } = new();

    public void OnDelivery(LoadDelivery delivery) => Deliveries.Enqueue(delivery);

    public void OnCall(long callIndex, ScenarioResult call) => Calls.Enqueue((callIndex, call));
}
