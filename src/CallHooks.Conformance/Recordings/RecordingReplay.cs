using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Expectations;
using CallHooks.Conformance.Providers;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Secrets;
using CallHooks.Conformance.Wire;

namespace CallHooks.Conformance.Recordings;

/// <summary>
/// Resends recorded requests to a listener (method, path and query, headers, body bytes), in the recorded order with
/// the recorded pauses scaled by <c>--pace</c>, and judges every answer as a run does: a 2xx within the budget of the
/// provider the request was recognized as (5 s when none). One scenario result per recorded call; an interruption
/// keeps what was sent and counts the rest as unsent.
/// </summary>
/// <param name="auth">The target, and the credentials given again for the replay (<c>--header</c>, <c>--basic</c>): they
/// replace the recorded headers of the same name and are secrets in every report, as a run's own are.</param>
internal sealed class RecordingReplay(WebhookDispatcher dispatcher, TimeProvider time, double pace, WebhookConfig auth)
{
    /// <summary>Headers the transport writes itself from the request (<see cref="WebhookRequest"/> renders them).</summary>
    private static readonly HashSet<string> TransportWrites = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host",
        "Content-Length",
        "Content-Type",
        "Transfer-Encoding",
        "Connection",
    };

    /// <summary>Recorded headers that carry credentials whenever they are present: masked in every report.</summary>
    private static readonly IReadOnlySet<string> RecordedSecretHeaders = new HashSet<string>(
        ["Authorization", "Proxy-Authorization", "Cookie"],
        StringComparer.OrdinalIgnoreCase
    );

    /// <summary>A group of exchanges replayed as one scenario: a recognized call, or the unrecognized rest.</summary>
    /// <param name="Events">The event of each exchange, as recognized (its origin when not).</param>
    public sealed record Group(
        string Provider,
        string Name,
        string CallId,
        IReadOnlyList<RecordedExchange> Exchanges,
        IReadOnlyList<string> Events,
        TimeSpan Budget
    );

    /// <summary>Why a recorded target cannot be replayed to the listener (it would name another host); null when it can.</summary>
    public static string? Unsendable(RecordedExchange exchange) =>
        exchange.Target.StartsWith('/') && !exchange.Target.StartsWith("//", StringComparison.Ordinal)
            ? null
            : $"{exchange.Origin}: its target \"{exchange.Target}\" is not a path (it must start with one /), so it would not go to --target";

    public async Task<IReadOnlyList<ScenarioResult>> PlayAsync(IReadOnlyList<Group> groups, CancellationToken cancellationToken)
    {
        // Every exchange in recorded order across calls, as the provider sent them; each pause from the one before.
        var order = groups
            .SelectMany(group =>
                group.Exchanges.Select((exchange, index) => (Group: group, Exchange: exchange, Event: group.Events[index]))
            )
            .OrderBy(item => item.Exchange.At)
            .ToList();
        var deliveries = groups.ToDictionary(group => group, _ => new List<DeliveryResult>());
        var started = groups.ToDictionary(group => group, _ => (DateTimeOffset?)null);
        DateTimeOffset? previous = null;
        try
        {
            foreach (var (group, exchange, eventName) in order)
            {
                if (previous is { } before && pace > 0 && exchange.At > before && !exchange.TimeUnknown)
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
                            Event = eventName,
                            Index = deliveries[group].Count,
                            EventTime = exchange.At,
                            Request = ScenarioRunner.Record(request),
                            // What the listener echoes of the credentials given again is masked, as a run masks its own.
                            Observation = ObservationRedaction.Apply(observation, request.SecretValues),
                            Expected = ExpectationEvaluator.Describe(expect),
                            Failures =
                            [
                                .. ExpectationEvaluator
                                    .Evaluate(expect, observation)
                                    .Select(failure => Redactor.Text(request.SecretValues, failure)),
                            ],
                        }
                    );
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted: what was sent stays in the results, and the rest is counted as unsent.
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
                Unsent = group.Exchanges.Count - deliveries[group].Count,
                DurationMs = started[group] is { } start ? (time.GetUtcNow() - start).TotalMilliseconds : 0,
            }),
        ];
    }

    /// <summary>
    /// The recorded request addressed to the target's host: its path prefix, then the recorded path and query; the
    /// credentials given again replace the recorded headers of the same name (<see cref="WebhookAuth"/>, as a run adds them).
    /// </summary>
    public WebhookRequest Request(RecordedExchange exchange)
    {
        var target = auth.Target;
        var prefix = target.GetComponents(UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        var url = new Uri(
            target.GetLeftPart(UriPartial.Authority) + (prefix.Length > 0 ? "/" + prefix : "") + exchange.Target,
            UriKind.Absolute
        );
        var given = new HashSet<string>(auth.Headers.Select(header => header.Name), StringComparer.OrdinalIgnoreCase);
        if (auth.Basic is not null)
            given.Add("Authorization");
        var recorded = new WebhookRequest
        {
            Method = exchange.Method,
            Url = url,
            Headers =
            [
                .. exchange
                    .Headers.Where(header => !TransportWrites.Contains(header.Name) && !given.Contains(header.Name))
                    .Select(header => KeyValuePair.Create(header.Name, header.Value)),
            ],
            ContentType =
                exchange.Body.Length > 0 || exchange.Header("Content-Type") is not null
                    ? exchange.Header("Content-Type") ?? "application/octet-stream"
                    : null,
            Body = exchange.Body,
            SecretHeaders = RecordedSecretHeaders,
        };
        return WebhookAuth.Apply(auth, recorded);
    }
}
