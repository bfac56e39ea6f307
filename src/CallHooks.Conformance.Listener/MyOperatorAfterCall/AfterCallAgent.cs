using System.Text.Json;

namespace CallHooks.Conformance.Listener.MyOperatorAfterCall;

/// <summary>
/// The agent who took an After-Call log's call, as the CRM is told: the number (<c>_nr</c>, E.164) of the agent in the
/// answered leg (<c>_su</c> "1"). <c>_ld</c> and <c>_rr</c> are lists; a handler that reads them as nested objects
/// (<c>_ld._rr._nr</c>), as public parsers do, finds nothing and stores an empty agent.
/// </summary>
internal static class AfterCallAgent
{
    /// <summary>The answering agent's number; empty when no leg was answered.</summary>
    public static string Answering(JsonElement log)
    {
        if (!log.TryGetProperty("_ld", out var legs) || legs.ValueKind != JsonValueKind.Array)
            return "";
        foreach (var leg in legs.EnumerateArray())
        {
            if (
                leg.ValueKind == JsonValueKind.Object
                && leg.TryGetProperty("_su", out var status)
                && status.ValueKind == JsonValueKind.String
                && status.GetString() == "1"
                && leg.TryGetProperty("_rr", out var agents)
                && agents.ValueKind == JsonValueKind.Array
                && agents.GetArrayLength() > 0
                && agents[0].ValueKind == JsonValueKind.Object
                && agents[0].TryGetProperty("_nr", out var number)
                && number.ValueKind == JsonValueKind.String
            )
                return number.GetString()!;
        }

        return "";
    }

    /// <summary>The bug: <c>$log['_ld']['_rr']['_nr'] ?? ''</c>, which on the real lists is always empty.</summary>
    public static string ReadAsObjects(JsonElement log) =>
        log.TryGetProperty("_ld", out var legs)
        && legs.ValueKind == JsonValueKind.Object
        && legs.TryGetProperty("_rr", out var agents)
        && agents.ValueKind == JsonValueKind.Object
        && agents.TryGetProperty("_nr", out var number)
        && number.ValueKind == JsonValueKind.String
            ? number.GetString()!
            : "";
}
