using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>Runs for the browser tests: the reporting fixtures with a customer and uid of their own per call, and a hostile listener.</summary>
internal static class BrowserFixtures
{
    /// <summary>Script that sets <c>window.__pwned</c> if any of it ever runs.</summary>
    public const string Payload = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">";

    public static RunResult Run() =>
        RunFixtures.Run([
            RunFixtures.Passing() with
            {
                CallId = "s1.1763805600.1001",
                Customer = "+919812345601",
            },
            RunFixtures.FailingStatus() with
            {
                CallId = "s1.1763805600.1002",
                Customer = "+919812345602",
            },
            RunFixtures.TimingOut() with
            {
                CallId = "CA-slow-1003",
                Customer = "+918800112233",
            },
        ]);

    /// <summary>A listener that answers with markup and script everywhere it can put text.</summary>
    public static RunResult Hostile()
    {
        var observation = new Observation
        {
            SentAt = RunFixtures.Start.AddSeconds(1),
            LatencyMs = 7,
            Response = new ObservedResponse(
                500,
                "<b onmouseover=\"window.__pwned=1\">Oops</b>",
                [new("Content-Type", "text/html"), new("X-Note", Payload)],
                Payload,
                Payload.Length,
                false,
                3
            ),
        };
        var hostile = RunFixtures.Scenario(
            RunFixtures.Provider,
            "hostile-listener",
            [RunFixtures.Delivery(0, "1", RunFixtures.Ok(2)), RunFixtures.Delivery(1, "2", observation, "body was " + Payload)]
        ) with
        {
            Description = "described as " + Payload,
            CallId = "uid-" + Payload,
        };
        return RunFixtures.Run([RunFixtures.Passing(), hostile]);
    }
}
