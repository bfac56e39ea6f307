using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Results;
using CallHooks.Conformance.Running.Load;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Running.Load;

/// <summary>
/// A load run's figures for each provider's event, each provider and the whole run, against histograms fed every
/// value directly: recording once per event and adding the groups up must give the same numbers.
/// </summary>
public sealed class LoadStatisticsTests
{
    private static readonly (string Provider, string Event)[] Kinds =
    [
        ("myoperator-incall", "1"),
        ("myoperator-incall", "2"),
        ("myoperator-incall", "3"),
        ("twilio", "initiated"),
        ("twilio", "completed"),
    ];

    [Test]
    public void Events_providers_and_the_run_each_get_the_figures_of_their_own_deliveries()
    {
        var statistics = new LoadStatistics(100, 10, new ManualTimeProvider(Fixtures.Now));
        var expected = new Dictionary<(string Provider, string? Event), (LatencyHistogram Scheduled, LatencyHistogram Sent, long Failed)>();
        for (var index = 0; index < 20_000; index++)
        {
            var (provider, eventId) = Kinds[(index * 7) % Kinds.Length];
            var sentMs = ((index * 7919) % 250_000) / 1000.0;
            var queuedMs = (index % 13) * 0.5;
            var reason = index % 17 == 0 ? "status 503" : null;
            statistics.OnDelivery(Delivery(provider, eventId, sentMs, queuedMs, reason));
            foreach (var key in new (string, string?)[] { (provider, eventId), (provider, null), ("", null) })
            {
                if (!expected.TryGetValue(key, out var figures))
                    expected[key] = figures = (new LatencyHistogram(), new LatencyHistogram(), 0);
                figures.Scheduled.RecordMilliseconds(queuedMs + sentMs);
                figures.Sent.RecordMilliseconds(sentMs);
                if (reason is not null)
                    expected[key] = figures with { Failed = figures.Failed + 1 };
            }
        }

        var summary = statistics.Summary();
        var groups = summary
            .ByEvent.Concat(summary.ByProvider)
            .Append(new LoadGroupSummary("", null, summary.Deliveries, summary.DeliveriesFailed, summary.Latency, summary.Sent));
        Assert.That(
            summary.ByEvent.Select(group => (group.Provider, group.Event)),
            Is.EqualTo(Kinds.Select(kind => (kind.Provider, (string?)kind.Event)).Order())
        );
        Assert.That(summary.ByProvider.Select(group => group.Provider), Is.EqualTo(new[] { "myoperator-incall", "twilio" }));
        foreach (var group in groups)
        {
            var (scheduled, sent, failed) = expected[(group.Provider, group.Event)];
            Assert.That((group.Deliveries, group.Failed), Is.EqualTo((scheduled.Count, failed)), $"{group.Provider} {group.Event}");
            Assert.That(group.Latency, Is.EqualTo(scheduled.Percentiles()), $"{group.Provider} {group.Event}");
            Assert.That(group.Sent, Is.EqualTo(sent.Percentiles()), $"{group.Provider} {group.Event}");
        }

        Assert.That(summary.Deliveries, Is.EqualTo(20_000));
    }

    private static LoadDelivery Delivery(string provider, string eventId, double sentMs, double queuedMs, string? reason) =>
        new(
            1,
            provider,
            "scenario",
            "call-1",
            new DeliveryResult
            {
                Event = eventId,
                Index = 0,
                EventTime = Fixtures.Now,
                Request = new RequestRecord("POST", "http://127.0.0.1/", [], null, ""),
                Observation = new Observation { SentAt = Fixtures.Now, LatencyMs = sentMs },
                Expected = "",
                Failures = reason is null ? [] : [reason],
            },
            queuedMs,
            reason
        );
}
