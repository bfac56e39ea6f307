using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting;

/// <summary>Hand-built run results: one passing scenario, one failing on status, one timing out on another provider.</summary>
internal static class RunFixtures
{
    public const string Provider = "myoperator-incall";
    public const string OtherProvider = "exotel-passthru";
    public const string NastyBody = "<script>alert(1)</script>\u0001 & \"quoted\"";

    public static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static RunResult Run(IReadOnlyList<ScenarioResult>? scenarios = null, DateTimeOffset? now = null, bool fixedClock = true) =>
        new()
        {
            Tool = "callhooks",
            Version = "0.1.0",
            Seed = 42,
            Now = fixedClock ? now ?? Start : null,
            Target = "http://127.0.0.1:5055/hooks?token=[redacted]",
            EmbeddedListener = false,
            Options = new Dictionary<string, string>
            {
                ["method"] = "POST",
                ["encoding"] = "form",
                ["auth"] = "header",
            },
            CommandLine = "callhooks run --target http://127.0.0.1:5055/hooks?token=[redacted] --seed 42",
            StartedAt = Start,
            FinishedAt = Start.AddMilliseconds(1234.5678),
            Scenarios = scenarios ?? [Passing(), FailingStatus(), TimingOut()],
        };

    public static ScenarioResult Passing() =>
        Scenario(
            Provider,
            "incoming-answered",
            [Delivery(0, "1", Ok(2.0)), Delivery(1, "2", Ok(3.0)), Delivery(2, "3", Ok(4.0)), Delivery(3, "6", Ok(5.0))]
        );

    public static ScenarioResult FailingStatus() =>
        Scenario(
            Provider,
            "incoming-missed",
            [
                Delivery(0, "1", Ok(2.5)),
                Delivery(
                    1,
                    "6",
                    new Observation
                    {
                        SentAt = Start.AddSeconds(2),
                        LatencyMs = 12.3456789,
                        Response = new ObservedResponse(
                            500,
                            "Internal Server Error",
                            [new("Content-Type", "text/html"), new("Set-Cookie", "a=1"), new("Set-Cookie", "b=2")],
                            NastyBody,
                            41,
                            false,
                            11.0004
                        ),
                    },
                    "status 500 is not 2xx"
                ),
            ]
        );

    public static ScenarioResult TimingOut() =>
        Scenario(
            OtherProvider,
            "slow-listener",
            [
                Delivery(
                    0,
                    "answered",
                    new Observation
                    {
                        SentAt = Start.AddSeconds(3),
                        LatencyMs = 5000.0004,
                        Failure = new ObservedFailure(FailureKind.Timeout, "no response within 5s"),
                    },
                    "no response within 5s (timeout)"
                ),
            ]
        );

    public static ScenarioResult Scenario(string provider, string name, IReadOnlyList<DeliveryResult> deliveries) =>
        new()
        {
            Provider = provider,
            Name = name,
            Description = $"{name} described",
            CallId = $"uid-{name}",
            Customer = "+919876543210",
            Seed = 4242,
            DurationMs = 250.5,
            Deliveries = deliveries,
        };

    public static Observation Ok(double latencyMs) =>
        new()
        {
            SentAt = Start.AddSeconds(1),
            LatencyMs = latencyMs,
            Response = new ObservedResponse(200, "OK", [new("Content-Type", "text/plain")], "ok", 2, false, latencyMs / 2),
        };

    public static DeliveryResult Delivery(int index, string @event, Observation observation, params string[] failures) =>
        new()
        {
            Index = index,
            Event = @event,
            EventTime = new DateTimeOffset(2026, 11, 22, 15, 30, 0, TimeSpan.FromHours(5.5)).AddSeconds(index),
            Request = new RequestRecord(
                "POST",
                "http://127.0.0.1:5055/hooks?token=[redacted]",
                [new("Content-Type", "application/x-www-form-urlencoded"), new("X-Api-Key", "[redacted]")],
                "application/x-www-form-urlencoded",
                $"call_state={@event}&uid=abc"
            ),
            Observation = observation,
            Expected = "status 2xx within 5s",
            Failures = failures,
        };
}
