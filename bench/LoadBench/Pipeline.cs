using System.Diagnostics;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Reporting.Json;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Running.Load;
using CallHooks.Conformance.Scenarios;

namespace LoadBench;

/// <summary>
/// The harness's own cost per delivery, with the network taken out: a load run exactly as <c>callhooks run --calls</c>
/// plays it (generation, building, expectations, redaction, statistics, retained calls, the NDJSON log), but each
/// request is answered in memory with a canned 200. Measured in process CPU time, which a machine shared with other
/// jobs disturbs far less than wall-clock throughput; the first rounds include the JIT's warm-up.
/// </summary>
internal static class Pipeline
{
    private static readonly Observation Answer = new()
    {
        SentAt = DateTimeOffset.UnixEpoch,
        LatencyMs = 0.5,
        Response = new ObservedResponse(200, "OK", [KeyValuePair.Create("Content-Type", "text/plain")], "ok", 2, false, 0.4),
    };

    public static async Task<IReadOnlyList<PipelineRound>> RunAsync(string scenarioDirectory, long calls, int rounds, string logPath)
    {
        var library = ScenarioLibrary.LoadDirectory(scenarioDirectory);
        if (library.Errors.Count > 0)
            throw new InvalidOperationException(string.Join(Environment.NewLine, library.Errors));
        var plan = new LoadPlan
        {
            Run = new RunPlan
            {
                Scenarios = library.Scenarios,
                Config = new WebhookConfig { Target = new Uri("http://127.0.0.1:9/") },
                Seed = 42,
                CallStart = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero),
            },
            Schedule = new LoadSchedule(1_000_000, calls, null),
            Concurrency = 50,
            Pace = 0,
        };

        var results = new List<PipelineRound>();
        for (var round = 0; round < rounds; round++)
        {
            var run = new LoadRun((_, _, _) => Task.FromResult(Answer), TimeProvider.System);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = GC.CollectionCount(0);
            var started = Stopwatch.GetTimestamp();
            LoadRunResult outcome;
            using (var log = new DeliveryLogWriter(logPath))
                outcome = await run.ExecuteAsync(plan, log, CancellationToken.None);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds;
            var deliveries = outcome.Summary.Deliveries;
            results.Add(
                new PipelineRound(
                    deliveries,
                    used / deliveries,
                    (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)deliveries,
                    GC.CollectionCount(0) - collections,
                    deliveries / seconds
                )
            );
        }

        return results;
    }
}

/// <summary>One round of <see cref="Pipeline"/>: CPU and allocation per delivery, gen0 collections, and the rate reached.</summary>
internal sealed record PipelineRound(long Deliveries, double CpuMicroseconds, double AllocatedBytes, int Gen0Collections, double PerSecond);
