using System.Globalization;
using System.Text.Json;
using CallHooks.Conformance.Delivery;
using CallHooks.Conformance.Expectations;

namespace CallHooks.Conformance.Running.Load;

/// <summary>
/// The short reason a load delivery is counted under: the failure kind when no response came (<c>timeout</c>,
/// <c>connectionRefused</c>, ... as in results.json), else the first broken expectation: <c>status 500</c>,
/// <c>slow</c> (over its <c>within</c> budget) or <c>body</c>.
/// </summary>
internal static class FailureReason
{
    private static readonly string[] KindNames = Enum.GetValues<FailureKind>()
        .Select(kind => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()))
        .ToArray();

    public static string? Of(ExpectationSpec expect, Observation observation, int failures)
    {
        if (observation.Failure is { } failure)
            return KindNames[(int)failure.Kind];
        if (failures == 0)
            return null;
        var status = observation.Response!.Status;
        if (!(expect.Status ?? StatusExpectation.Success).Accepts(status))
            return "status " + status.ToString(CultureInfo.InvariantCulture);
        return expect.Within is { } within && observation.LatencyMs > within.TotalMilliseconds ? "slow" : "body";
    }
}
