using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Rules;

namespace CallHooks.Conformance.Running;

/// <summary>
/// Runs every scenario of a plan, several calls at a time, and returns their results in plan order.
/// A failing listener never stops the run. Cancellation stops sending at once, lets deliveries in flight
/// finish within <see cref="RunPlan.InterruptGrace"/>, and keeps everything that completed.
/// </summary>
internal sealed class ConformanceRun(WebhookDispatcher dispatcher, TimeProvider time)
{
    public async Task<IReadOnlyList<ScenarioResult>> ExecuteAsync(
        RunPlan plan,
        Action<ScenarioResult>? onScenarioDone,
        CancellationToken cancellationToken
    )
    {
        var runner = new ScenarioRunner(dispatcher, time);
        var results = new ScenarioResult?[plan.Scenarios.Count];
        var contexts = new RuleContext?[plan.Scenarios.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, plan.Parallelism) };

        // Two signals: "stop sending" is the caller's token; "abort what is in flight" follows it after the grace period.
        using var signals = new InterruptSignals(plan.InterruptGrace, time, cancellationToken, plan.AbortNow);
        try
        {
            await Parallel
                .ForEachAsync(Enumerable.Range(0, plan.Scenarios.Count), options, async (index, _) =>
                {
                    if (cancellationToken.IsCancellationRequested)
                        return;
                    var scenario = plan.Scenarios[index];
                    var profile = ProviderCatalog.Find(scenario.Provider)
                        ?? throw new InvalidOperationException($"scenario '{scenario.Name}' names unknown provider '{scenario.Provider}'");
                    var result = await runner
                        .RunAsync(scenario, profile, plan, cancellationToken, signals.AbortInFlight)
                        .ConfigureAwait(false);
                    var context = new RuleContext(
                        scenario,
                        profile,
                        plan.ConfigFor(scenario.Provider),
                        plan,
                        result,
                        dispatcher,
                        time,
                        plan.Rules
                    );
                    // Once told to stop, no rule sends its probes; the call's completed deliveries are kept either way.
                    results[index] = result;
                    if (!cancellationToken.IsCancellationRequested)
                        result = result with { Rules = await CheckRulesAsync(context, cancellationToken).ConfigureAwait(false) };
                    results[index] = result;
                    contexts[index] = context with { Result = result };
                    onScenarioDone?.Invoke(result);
                })
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted: what completed is kept below.
        }

        if (!cancellationToken.IsCancellationRequested)
            await CheckAtRunEndAsync(results, contexts, cancellationToken).ConfigureAwait(false);
        return HeadOfLineBlocking.Annotate(results.OfType<ScenarioResult>().ToList(), time);
    }

    /// <summary>The scenario's rules; none when the run is interrupted while they are being checked (their probes were cut short).</summary>
    private static async Task<IReadOnlyList<RuleResult>> CheckRulesAsync(RuleContext context, CancellationToken cancellationToken)
    {
        try
        {
            var rules = await RuleRunner.CheckAsync(context, cancellationToken).ConfigureAwait(false);
            return cancellationToken.IsCancellationRequested ? [] : rules;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return [];
        }
    }

    /// <summary>Rules only the whole run can show (one call's webhook corrupting another call's record), once every scenario ran.</summary>
    private static async Task CheckAtRunEndAsync(ScenarioResult?[] results, RuleContext?[] contexts, CancellationToken cancellationToken)
    {
        var played = Enumerable
            .Range(0, results.Length)
            .Where(i => results[i] is not null && contexts[i] is { SentSteps.Count: > 0 })
            .ToList();
        var atEnd = await RuleRunner.CheckAtRunEndAsync(played.Select(i => contexts[i]!).ToList(), cancellationToken).ConfigureAwait(false);
        for (var k = 0; k < played.Count; k++)
            results[played[k]] = results[played[k]]! with { Rules = [.. results[played[k]]!.Rules, .. atEnd[k]] };
    }
}
