namespace CallHooks.Conformance.Rules;

/// <summary>Groups of rules selected with <c>--suite</c>; <c>all</c> selects every one.</summary>
internal enum RuleSuite
{
    /// <summary>What every listener must do: answer each documented event, in time, and do its job.</summary>
    Core,

    /// <summary>Rejecting requests that do not come from the provider.</summary>
    Security,

    /// <summary>Surviving retries, duplicates, reordering and odd or broken payloads.</summary>
    Robustness,
}
