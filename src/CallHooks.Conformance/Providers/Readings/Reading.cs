namespace CallHooks.Conformance.Providers.Readings;

/// <summary>
/// A place where a provider's sources disagree, or say nothing, about bytes a listener depends on: MyOperator's
/// <c>clid</c> with or without the country code, Smartflo's <c>uuid</c> per leg or per call. The harness never picks
/// one silently: each alternative is a named choice with its source, <c>--option ID=VALUE</c> selects it, and the
/// default is the best evidence of what live accounts send, with the reason written down.
/// </summary>
/// <param name="Id">The <c>--option</c> name, e.g. <c>clid</c>.</param>
/// <param name="Question">What the sources disagree about, as a listener author would ask it.</param>
/// <param name="Choices">The alternatives, the default among them.</param>
/// <param name="Default">The <see cref="ReadingChoice.Value"/> sent unless the run chooses another.</param>
/// <param name="WhyDefault">Why the default is the default: which evidence it follows.</param>
internal sealed record Reading(string Id, string Question, IReadOnlyList<ReadingChoice> Choices, string Default, string WhyDefault)
{
    /// <summary>
    /// True when the option takes values beyond the named choices (a time zone offset), which the profile validates
    /// itself; the choices are the ones the sources name, and what <c>--matrix readings</c> sweeps.
    /// </summary>
    public bool OpenToOthers { get; init; }

    /// <summary>The value this configuration selects: its <c>--option</c>, else <see cref="Default"/>.</summary>
    public string Selected(IReadOnlyDictionary<string, string> options) => options.GetValueOrDefault(Id) ?? Default;

    /// <summary>True when this configuration selects <paramref name="value"/> (explicitly or by default).</summary>
    public bool Is(IReadOnlyDictionary<string, string> options, string value) => Selected(options) == value;

    /// <summary>The sentence refusing a value that is none of the choices; null when the value is one of them.</summary>
    public string? Problem(string value) =>
        OpenToOthers || Choices.Any(choice => choice.Value == value)
            ? null
            : $"--option {Id}={value}: not a reading of {Id}; use {string.Join(" or ", Choices.Select(choice => choice.Value))} (default {Default})";
}
