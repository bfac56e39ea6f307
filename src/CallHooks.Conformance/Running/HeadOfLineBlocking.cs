using System.Globalization;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Running;

/// <summary>
/// Finds deliveries that were slow only because the listener was still busy with an earlier one: a listener that
/// handles one request at a time (a blocked event loop, a single worker, a global lock) answers the second request
/// right after it finishes the first, so the second looks slow though its own handler is fast. Such a delivery gets
/// <see cref="DeliveryResult.QueuedBehind"/>, naming the delivery it waited for, so the user looks at the slow handler.
/// </summary>
/// <remarks>
/// A delivery D is queued behind another delivery E to the same listener when E was sent clearly earlier (by 10 ms or
/// more) and was still in flight when D was sent, D was answered within a moment of E (twice the listener's typical
/// latency, or 50 ms: the order two answers are read in can differ from the order they were sent in), most of
/// D's latency was spent while E was in flight, and D was far slower than the listener's typical delivery (at least
/// four times its median). The last condition keeps a listener that is simply slow for everyone, in parallel,
/// unflagged. Where deliveries queued one behind another, each names the head of the queue: the one that held it up.
/// </remarks>
internal static class HeadOfLineBlocking
{
    private const double MinimumLatencyMs = 200;

    /// <summary>
    /// How much earlier a blocker must have been sent. Two requests sent within this of each other may reach the listener
    /// in either order, and their answers may be read in either order too, so which one waited for the other is unknown:
    /// neither is named.
    /// </summary>
    private const double SentEarlierByMs = 10;

    public static IReadOnlyList<ScenarioResult> Annotate(IReadOnlyList<ScenarioResult> scenarios, TimeProvider time)
    {
        var timed = scenarios
            .SelectMany(scenario => scenario.Deliveries.Select((delivery, index) => new Timed(scenario, index, delivery, time)))
            .Where(entry => entry.Start != 0)
            .ToList();
        var answered = timed.Where(entry => entry.AnsweredMs is not null).Select(entry => entry.AnsweredMs!.Value).Order().ToList();
        if (answered.Count < 3)
            return scenarios;
        var typicalMs = answered[answered.Count / 2];
        var closeMs = Math.Max(50, 2 * typicalMs);

        // In order of answer, so a delivery's blocker has been judged before it: a queue of several is named by its head.
        var origin = timed.Min(entry => entry.Start);
        var ordered = timed.Where(entry => entry.EndMsFrom(origin) is not null).OrderBy(entry => entry.EndMsFrom(origin)).ToList();
        var heads = new Dictionary<Timed, Timed>();
        var notes = new Dictionary<(ScenarioResult, int), string>();
        foreach (var d in ordered.Where(entry => entry.AnsweredMs is { } ms && ms >= MinimumLatencyMs && ms >= 4 * typicalMs))
        {
            var latency = d.AnsweredMs!.Value;
            var blocker = ordered
                .Where(e =>
                    !ReferenceEquals(e, d)
                    && e.Authority == d.Authority
                    && e.SentBeforeMs(d) >= SentEarlierByMs
                    && e.EndMsFrom(d.Start) is { } waited
                    && waited > 0
                    && Math.Abs(latency - waited) <= closeMs
                    && waited >= 0.5 * latency
                )
                .FirstOrDefault();
            if (blocker is null)
                continue;
            var head = heads.GetValueOrDefault(blocker, blocker);
            heads[d] = head;
            notes[(d.Scenario, d.Index)] = Describe(d, latency, head, head.EndMsFrom(d.Start)!.Value);
        }

        if (notes.Count == 0)
            return scenarios;
        return scenarios
            .Select(scenario =>
                scenario with
                {
                    Deliveries = scenario
                        .Deliveries.Select(
                            (delivery, index) =>
                                notes.TryGetValue((scenario, index), out var note) ? delivery with { QueuedBehind = note } : delivery
                        )
                        .ToList(),
                }
            )
            .ToList();
    }

    private static string Describe(Timed d, double dLatencyMs, Timed e, double waitedMs)
    {
        var lead = e.Time.GetElapsedTime(e.Start, d.Start).TotalMilliseconds;
        var what = e.Delivery.Observation.Response is { } response
            ? $"{response.Status} {response.Reason}".TrimEnd()
            : e.Delivery.Observation.Late?.StatusLine ?? "its end";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"queued behind {e.Scenario.Provider}/{e.Scenario.Name} event {e.Delivery.Event}{(e.Delivery.Probe is { } probe ? $" ({probe})" : "")}, sent {lead:0} ms earlier and still in flight: "
                + $"{waitedMs:0} ms of this delivery's {dLatencyMs:0} ms passed before that one got {what}; the listener handled one request at a time, so look at that event's handler, not this one's"
        );
    }

    private sealed record Timed(ScenarioResult Scenario, int Index, DeliveryResult Delivery, TimeProvider Time)
    {
        public long Start => Delivery.Observation.StartTimestamp;

        public double? AnsweredMs => Delivery.Observation.AnsweredAfterMs;

        public string Authority { get; } =
            Uri.TryCreate(Delivery.Request.Url, UriKind.Absolute, out var url) ? url.Authority : Delivery.Request.Url;

        /// <summary>How many milliseconds before <paramref name="other"/> this delivery was sent (negative when after).</summary>
        public double SentBeforeMs(Timed other) => Time.GetElapsedTime(Start, other.Start).TotalMilliseconds;

        /// <summary>When this delivery's answer came (or its connection ended late), in milliseconds after <paramref name="origin"/>.</summary>
        public double? EndMsFrom(long origin)
        {
            var ended = AnsweredMs ?? (Delivery.Observation.Late is { Ending: not null } late ? late.AfterMs : null);
            return ended is { } ms ? Time.GetElapsedTime(origin, Start).TotalMilliseconds + ms : null;
        }
    }
}
