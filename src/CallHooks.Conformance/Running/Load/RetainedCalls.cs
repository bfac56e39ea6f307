using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// The calls a load run keeps in full for results.json: the first failing calls up to a cap, and a uniform sample
/// of passing calls (reservoir sampling, seeded from the run seed so a replay keeps the same sample). Everything
/// else has been streamed to the delivery log, so memory stays bounded however long the run.
/// </summary>
internal sealed class RetainedCalls(int keepFailures, int keepSample, int seed) : ILoadSink
{
    private readonly Lock gate = new();
    private readonly List<(long Index, ScenarioResult Call)> failures = [];
    private readonly List<(long Index, ScenarioResult Call)> sample = [];
    private readonly Random random = new(seed);
    private long passedSeen;
    private long failuresSeen;

    /// <summary>Failing calls beyond the cap: counted, not kept.</summary>
    public long FailuresDropped => Math.Max(0, failuresSeen - failures.Count);

    public void OnDelivery(LoadDelivery delivery) { }

    public void OnCall(long callIndex, ScenarioResult call)
    {
        lock (gate)
        {
            if (!call.Passed)
            {
                failuresSeen++;
                if (failures.Count < keepFailures)
                    failures.Add((callIndex, call));
                return;
            }

            passedSeen++;
            if (sample.Count < keepSample)
                sample.Add((callIndex, call));
            else if (random.NextInt64(passedSeen) is var slot && slot < keepSample)
                sample[(int)slot] = (callIndex, call);
        }
    }

    /// <summary>Kept calls in call order: failures first matter most, but call order reads best next to the log.</summary>
    public IReadOnlyList<ScenarioResult> Calls()
    {
        lock (gate)
            return failures.Concat(sample).OrderBy(kept => kept.Index).Select(kept => kept.Call).ToList();
    }
}
