using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Running.Load;

/// <summary>Receives each delivery and call of a load run as it completes, from many threads at once.</summary>
internal interface ILoadSink
{
    void OnDelivery(LoadDelivery delivery);

    void OnCall(long callIndex, ScenarioResult call);
}
