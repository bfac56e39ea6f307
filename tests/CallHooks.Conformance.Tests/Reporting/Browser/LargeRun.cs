using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Results;

namespace CallHooks.Conformance.Tests.Reporting.Browser;

/// <summary>A big run built in code: many calls over a hundred scenario names and two providers, one delivery in 37 failing.</summary>
internal static class LargeRun
{
    public const int ScenarioNames = 100;

    public static RunResult Build(int calls, int deliveriesPerCall)
    {
        var scenarios = new List<ScenarioResult>(calls);
        var sequence = 0;
        for (var call = 0; call < calls; call++)
        {
            var deliveries = new List<DeliveryResult>(deliveriesPerCall);
            for (var index = 0; index < deliveriesPerCall; index++, sequence++)
            {
                var failing = sequence % 37 == 36;
                var observation = new Observation
                {
                    SentAt = RunFixtures.Start.AddMilliseconds(sequence * 10.0),
                    LatencyMs = 1 + (sequence * 7919 % 400) / 3.0,
                    Response = failing
                        ? new ObservedResponse(
                            500,
                            "Internal Server Error",
                            [new("Content-Type", "text/plain")],
                            "boom " + sequence,
                            9,
                            false,
                            1
                        )
                        : new ObservedResponse(200, "OK", [new("Content-Type", "text/plain")], "ok", 2, false, 1),
                };
                deliveries.Add(
                    RunFixtures.Delivery(
                        index,
                        (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        observation,
                        failing ? ["status 500 is not 2xx"] : []
                    )
                );
            }

            scenarios.Add(
                RunFixtures.Scenario(
                    call % 2 == 0 ? RunFixtures.Provider : RunFixtures.OtherProvider,
                    $"scenario-{call % ScenarioNames:000}",
                    deliveries
                ) with
                {
                    CallId = $"n1.1763805600.{call:000000}",
                    Customer = $"+9198{call:00000000}",
                }
            );
        }

        return RunFixtures.Run(scenarios);
    }
}
