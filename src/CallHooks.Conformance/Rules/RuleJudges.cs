namespace CallHooks.Conformance.Rules;

/// <summary>What a rule judges: the listener's HTTP answers, what it did with the call's data, or both.</summary>
internal enum RuleJudges
{
    /// <summary>Status codes and timing of the listener's answers.</summary>
    Answer,

    /// <summary>The listener's data: its record of the call (<c>--verify-url</c>) or its push to the CRM (<c>--downstream-port</c>).</summary>
    Data,

    /// <summary>The answers, and the listener's records too where they can be read (<c>--verify-url</c>).</summary>
    AnswerAndData,
}
