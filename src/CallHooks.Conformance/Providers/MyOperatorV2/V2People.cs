using System.Text.Json.Nodes;
using CallHooks.Conformance.Calls;

namespace CallHooks.Conformance.Providers.MyOperatorV2;

/// <summary>The agent and department objects of a leg, with the keys the vendor's sample and account notes give them.</summary>
internal static class V2People
{
    /// <summary>
    /// <c>{uuid, name, email, contact, extension}</c>. <c>contact</c> is the agent's number without the country code, as
    /// MyOperator's user records keep a contact number; <c>extension</c> is a string, as in the sample.
    /// </summary>
    public static JsonObject Agent(Agent agent) =>
        new()
        {
            ["uuid"] = V2Ids.AgentUuid(agent),
            ["name"] = agent.Name,
            ["email"] = agent.Email,
            ["contact"] = agent.Number.National,
            ["extension"] = agent.Extension,
        };

    /// <summary><c>{id, name}</c>: the department the call was routed to, the same for every agent leg of the call.</summary>
    public static JsonObject Department(Call call) => new() { ["id"] = V2Ids.HexId(call, "v2-department"), ["name"] = "Support" };
}
