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
        var plays = plan.Plays();
        var results = new ScenarioResult?[plays.Count];
        // Per scenario, one rule context per webhook that received its events.
        var contexts = new IReadOnlyList<RuleContext>?[plays.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, plan.Parallelism) };

        // Two signals: "stop sending" is the caller's token; "abort what is in flight" follows it after the grace period.
        using var signals = new InterruptSignals(plan.InterruptGrace, time, cancellationToken, plan.AbortNow);
        try
        {
            await Parallel
                .ForEachAsync(Enumerable.Range(0, plays.Count), options, async (index, _) =>
                {
                    if (cancellationToken.IsCancellationRequested)
                        return;
                    var (scenario, played, configuration) = plays[index];
                    var profile = ProviderCatalog.Find(scenario.Provider)
                        ?? throw new InvalidOperationException($"scenario '{scenario.Name}' names unknown provider '{scenario.Provider}'");
                    var result = await runner
                        .RunAsync(scenario, profile, played, cancellationToken, signals.AbortInFlight)
                        .ConfigureAwait(false);
                    result = result with { Configuration = configuration?.Values };
                    var views = WebhookViews.Of(scenario, result, played.WebhooksFor(scenario.Provider));
                    var judged = views
                        .Select(
                            (view, k) =>
                                new RuleContext(
                                    scenario,
                                    profile,
                                    view.Webhook.Config,
                                    played,
                                    view.View,
                                    dispatcher,
                                    time,
                                    OptionsFor(played.Rules, view.Webhook)
                                )
                                {
                                    // What the call caused in the CRM is judged once per call, with its first webhook.
                                    JudgesCall = k == 0,
                                }
                        )
                        .ToList();
                    // Once told to stop, no rule sends its probes; the call's completed deliveries are kept either way.
                    results[index] = result;
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        for (var k = 0; k < judged.Count; k++)
                        {
                            var webhook = views[k].Webhook.Name;
                            var rules = await CheckRulesAsync(judged[k], cancellationToken).ConfigureAwait(false);
                            judged[k] = judged[k] with { Result = judged[k].Result with { Rules = rules } };
                            result = result with { Rules = [.. result.Rules, .. rules.Select(rule => rule with { Webhook = webhook })] };
                        }
                    }

                    results[index] = result;
                    contexts[index] = judged;
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

    /// <summary>
    /// The rule options for one webhook: records kept from POST bodies only (the embedded listener's) are not there to
    /// read for a GET webhook, so its record rules do not apply.
    /// </summary>
    private static RuleOptions OptionsFor(RuleOptions rules, Panels.PanelWebhook webhook) =>
        webhook.Config.Method == "GET" && rules.RecordsOfPostsOnly ? rules with { VerifyUrl = null, VerifyFields = [] } : rules;

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
    private static async Task CheckAtRunEndAsync(
        ScenarioResult?[] results,
        IReadOnlyList<RuleContext>?[] contexts,
        CancellationToken cancellationToken
    )
    {
        var played = Enumerable
            .Range(0, results.Length)
            .Where(i => results[i] is not null && contexts[i] is not null)
            .SelectMany(i => contexts[i]!.Where(context => context.SentSteps.Count > 0).Select(context => (Scenario: i, Context: context)))
            .ToList();
        var atEnd = await RuleRunner
            .CheckAtRunEndAsync(played.Select(entry => entry.Context).ToList(), cancellationToken)
            .ConfigureAwait(false);
        for (var k = 0; k < played.Count; k++)
        {
            var (i, context) = played[k];
            var webhook = context.Result.Deliveries.Count > 0 ? context.Result.Deliveries[0].Webhook : null;
            results[i] = results[i]! with { Rules = [.. results[i]!.Rules, .. atEnd[k].Select(rule => rule with { Webhook = webhook })] };
        }
    }
}
