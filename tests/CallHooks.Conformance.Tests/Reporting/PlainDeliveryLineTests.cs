using System.Buffers;
using System.Text.Json;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Reporting.Json;
using CallHooks.Conformance.Reporting.Text;
using CallHooks.Conformance.Running;
using CallHooks.Conformance.Running.Load;
using CallHooks.Conformance.Scenarios;
using CallHooks.Conformance.Tests.Support;

namespace CallHooks.Conformance.Tests.Reporting;

/// <summary>
/// The delivery log's byte-by-byte line against the JSON writer's: the same bytes for every delivery it takes, and
/// for everything else it declines and the writer's path writes the line.
/// </summary>
public sealed class PlainDeliveryLineTests
{
    private static readonly TimeSpan Takes = TimeSpan.FromMilliseconds(12.3456);

    [Test]
    public async Task Every_shipped_scenario_answered_in_every_way_is_written_plainly_and_as_the_json_writer_writes_it()
    {
        var deliveries = await PlayEveryScenarioAsync();
        Assert.That(
            deliveries.Select(delivery => delivery.Provider).Distinct().Count(),
            Is.GreaterThanOrEqualTo(5),
            "every provider's scenarios"
        );
        Assert.That(
            deliveries.Select(delivery => delivery.Reason).Distinct(),
            Is.SupersetOf(new string?[] { null, "status 503", "timeout" })
        );
        Assert.That(
            deliveries.Where(delivery =>
                !PlainDeliveryLine.TryWrite(
                    new ArrayBufferWriter<byte>(),
                    delivery,
                    Encoded(delivery.Provider),
                    Encoded(delivery.Scenario),
                    Encoded(delivery.Delivery.Event)
                )
            ),
            Is.Empty,
            "the usual line takes the plain path"
        );
        Assert.That(Write(deliveries, plainLines: true), Is.EqualTo(Write(deliveries, plainLines: false)));
    }

    [TestCase("call-\"quoted\"", false, TestName = "A quote is escaped by the writer")]
    [TestCase("back\\slash", false, TestName = "A backslash is escaped by the writer")]
    [TestCase("tab\there", false, TestName = "A control character is escaped by the writer")]
    [TestCase("del\u007f", false, TestName = "DEL is left to the writer")]
    [TestCase("caf\u00e9", false, TestName = "Non-ASCII text is left to the writer")]
    [TestCase("lone \ud800 surrogate", false, TestName = "A lone surrogate is left to the writer")]
    [TestCase("<a href='x'>&+`</a>", true, TestName = "HTML-sensitive ASCII stays verbatim, as the relaxed encoder leaves it")]
    [TestCase("", true, TestName = "An empty text")]
    public async Task A_text_needing_escapes_is_declined_and_the_line_is_the_json_writers(string text, bool plain)
    {
        var played = (await PlayEveryScenarioAsync())[0];
        var variants = new[]
        {
            played with
            {
                CallId = text,
            },
            played with
            {
                Reason = text,
            },
            played with
            {
                Delivery = played.Delivery with { Failures = ["first", text] },
            },
        };
        foreach (var variant in variants)
        {
            var taken = PlainDeliveryLine.TryWrite(
                new ArrayBufferWriter<byte>(),
                variant,
                Encoded(variant.Provider),
                Encoded(variant.Scenario),
                Encoded(variant.Delivery.Event)
            );
            Assert.That(taken, Is.EqualTo(plain));
            Assert.That(Write([variant], plainLines: true), Is.EqualTo(Write([variant], plainLines: false)));
        }
    }

    [TestCase(-0.5, TestName = "A negative latency")]
    [TestCase(double.NaN, TestName = "Not a number")]
    [TestCase(double.PositiveInfinity, TestName = "Infinity")]
    [TestCase(1e16, TestName = "A latency past the shortcut's range")]
    public async Task A_latency_the_shortcut_cannot_format_is_declined_and_the_line_is_the_json_writers(double queuedMs)
    {
        var played = (await PlayEveryScenarioAsync())[0] with { QueuedMs = queuedMs };
        Assert.That(
            PlainDeliveryLine.TryWrite(
                new ArrayBufferWriter<byte>(),
                played,
                Encoded(played.Provider),
                Encoded(played.Scenario),
                Encoded(played.Delivery.Event)
            ),
            Is.False
        );
        Assert.That(Write([played], plainLines: true), Is.EqualTo(Write([played], plainLines: false)));
    }

    [Test]
    public async Task Latencies_round_to_microseconds_as_the_json_writer_writes_them()
    {
        var played = (await PlayEveryScenarioAsync())[0];
        var values = new[] { 0, 0.0004999, 0.0005, 1, 2.5, 123.4565, 999.9995, 1234567.891, 99_999_999_999.999 };
        var variants = values.Select(value => played with { QueuedMs = value }).ToList();
        Assert.That(Write(variants, plainLines: true), Is.EqualTo(Write(variants, plainLines: false)));
    }

    private static JsonEncodedText Encoded(string text) => JsonEncodedText.Encode(SafeText.ForJson(text), DeliveryLogWriter.Encoder);

    private static byte[] Write(IReadOnlyList<LoadDelivery> deliveries, bool plainLines)
    {
        var path = Path.Combine(Path.GetTempPath(), "callhooks-plain-" + Guid.NewGuid().ToString("N") + ".ndjson");
        try
        {
            using (var log = new DeliveryLogWriter(path) { PlainLines = plainLines })
            {
                foreach (var delivery in deliveries)
                    log.OnDelivery(delivery);
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Each scenario of every provider, each call answered 200, 503, or not at all (a timeout), in turn.</summary>
    private static async Task<List<LoadDelivery>> PlayEveryScenarioAsync()
    {
        var scenarios = Directory
            .GetDirectories(RepoPaths.Scenarios)
            .SelectMany(directory => Directory.GetFiles(directory, "*.json"))
            .Order(StringComparer.Ordinal)
            .Select(file => ScenarioLoader.LoadFile(file).Scenario!)
            .ToList();
        var time = new ManualTimeProvider(Fixtures.Now);
        var run = new RunPlan
        {
            Scenarios = scenarios,
            Config = Fixtures.Config() with { Query = [] },
            Seed = Fixtures.Seed,
            CallStart = Fixtures.Now,
        };
        var plan = new LoadPlan
        {
            Run = run,
            Schedule = new LoadSchedule(scenarios.Count * 3, 1000, null),
            Concurrency = 1,
            Pace = 0,
        };
        var sink = new CollectingSink();
        for (var call = 0; call < scenarios.Count * 3; call++)
        {
            var runner = new LoadCallRunner(plan, Answer(time, call % 3), time);
            await runner.PlayAsync(
                new ScheduledCall(call, 0, TimeSpan.Zero, TimeSpan.FromMilliseconds(call * 1.5)),
                sink,
                CancellationToken.None
            );
        }

        return sink.Deliveries;
    }

    private static WebhookRequestSender Answer(ManualTimeProvider time, int kind) =>
        (request, timeout, cancellationToken) =>
        {
            var sentAt = time.GetUtcNow();
            time.Advance(Takes);
            return Task.FromResult(
                kind switch
                {
                    0 => new Observation
                    {
                        SentAt = sentAt,
                        LatencyMs = Takes.TotalMilliseconds,
                        Response = new ObservedResponse(200, "OK", [], "ok", 2, false, 1),
                    },
                    1 => new Observation
                    {
                        SentAt = sentAt,
                        LatencyMs = Takes.TotalMilliseconds,
                        Response = new ObservedResponse(503, "Service Unavailable", [], "", 0, false, 1),
                    },
                    _ => new Observation
                    {
                        SentAt = sentAt,
                        LatencyMs = timeout.TotalMilliseconds,
                        Failure = DeliveryFailures.TimedOut(timeout, null, 0, 0),
                    },
                }
            );
        };

    private sealed class CollectingSink : ILoadSink
    {
        public List<LoadDelivery> Deliveries { get; } = [];

        public void OnDelivery(LoadDelivery delivery) => Deliveries.Add(delivery);

        public void OnCall(long callIndex, Results.ScenarioResult call) { }
    }
}
