using System.Text.Json.Nodes;
using CallHooks.Conformance.Expectations;

namespace CallHooks.Conformance.Scenarios;

/// <summary>One webhook event of a call.</summary>
internal sealed record ScenarioStep
{
    /// <summary>The provider's own identifier of the event, e.g. MyOperator's call_state <c>"6"</c>.</summary>
    public required string Event { get; init; }

    /// <summary>Pause before this event is sent, measured from the previous event.</summary>
    public TimeSpan After { get; init; }

    /// <summary>Payload fields replaced (or added) in this event, by the provider's field name.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Set { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Payload fields removed from this event.</summary>
    public IReadOnlyList<string> Unset { get; init; } = [];

    /// <summary>Overrides the scenario's expectations for this step.</summary>
    public ExpectationSpec Expect { get; init; } = ExpectationSpec.Empty;
}
