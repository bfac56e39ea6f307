using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// Resends recorded requests to a listener byte for byte (method, path and query, headers, body), in the recorded order
/// with the recorded pauses scaled by <c>--pace</c>, and judges every answer as a run does: a 2xx within the budget of
/// the provider the request was recognized as (5 s when none). One scenario result per recorded call.
/// </summary>
internal sealed class RecordingReplay(WebhookDispatcher dispatcher, TimeProvider time, Uri target, double pace)
{
    private static readonly TimeSpan UnknownBudget = TimeSpan.FromSeconds(5);

    /// <summary>Headers the transport writes itself from the request (<see cref="WebhookRequest"/> renders them).</summary>
    private static readonly HashSet<string> TransportWrites = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host",
        "Content-Length",
        "Content-Type",
        "Transfer-Encoding",
        "Connection",
    };

    /// <summary>A group of exchanges replayed as one scenario: a recognized call, or the rest of one file.</summary>
    /// <param name="Events">The event of each exchange, as recognized (<c>exchange 3</c> when not).</param>
    public sealed record Group(
        string Provider,
        string Name,
        string CallId,
        IReadOnlyList<RecordedExchange> Exchanges,
        IReadOnlyList<string> Events,
        TimeSpan Budget
    );

    public async Task<IReadOnlyList<ScenarioResult>> PlayAsync(IReadOnlyList<Group> groups, CancellationToken cancellationToken)
    {
        // All exchanges in recorded order across calls, as the provider sent them; each pause from the one before.
        var order = groups
            .SelectMany(group => group.Exchanges.Select(exchange => (Group: group, Exchange: exchange)))
            .OrderBy(item => item.Exchange.At)
            .ToList();
        var deliveries = groups.ToDictionary(group => group, _ => new List<DeliveryResult>());
        var started = groups.ToDictionary(group => group, _ => (DateTimeOffset?)null);
        DateTimeOffset? previous = null;
        foreach (var (group, exchange) in order)
        {
            if (previous is { } before && pace > 0 && exchange.At > before)
                await Task.Delay((exchange.At - before) * pace, time, cancellationToken).ConfigureAwait(false);
            previous = exchange.At;
            started[group] ??= time.GetUtcNow();
            var request = Request(exchange);
            var observation = await dispatcher.SendAsync(request, group.Budget, cancellationToken).ConfigureAwait(false);
            var expect = new ExpectationSpec { Status = StatusExpectation.Success, Within = group.Budget };
            deliveries[group]
                .Add(
                    new DeliveryResult
                    {
                        Event = group.Events[deliveries[group].Count],
                        Index = deliveries[group].Count,
                        EventTime = exchange.At,
                        Request = ScenarioRunner.Record(request),
                        Observation = observation,
                        Expected = ExpectationEvaluator.Describe(expect),
                        Failures = ExpectationEvaluator.Evaluate(expect, observation),
                    }
                );
        }

        return
        [
            .. groups.Select(group => new ScenarioResult
            {
                Provider = group.Provider,
                Name = group.Name,
                Description = $"{group.Exchanges.Count} recorded request(s) of call {group.CallId}, replayed byte for byte",
                CallId = group.CallId,
                Customer = "",
                Seed = 0,
                Deliveries = deliveries[group],
                DurationMs = deliveries[group].Count == 0 ? 0 : (time.GetUtcNow() - started[group]!.Value).TotalMilliseconds,
            }),
        ];
    }

    /// <summary>The recorded request addressed to the target: its path prefix, then the recorded path and query.</summary>
    public WebhookRequest Request(RecordedExchange exchange)
    {
        var prefix = target.AbsolutePath.TrimEnd('/');
        var url = new Uri(target, prefix + (exchange.Target.StartsWith('/') ? exchange.Target : "/" + exchange.Target));
        return new WebhookRequest
        {
            Method = exchange.Method,
            Url = url,
            Headers =
            [
                .. exchange
                    .Headers.Where(header => !TransportWrites.Contains(header.Name))
                    .Select(header => KeyValuePair.Create(header.Name, header.Value)),
            ],
            ContentType =
                exchange.Body.Length > 0 || exchange.Header("Content-Type") is not null
                    ? exchange.Header("Content-Type") ?? "application/octet-stream"
                    : null,
            Body = exchange.Body,
            SecretHeaders = new HashSet<string>(["Authorization"], StringComparer.OrdinalIgnoreCase),
        };
    }
}
