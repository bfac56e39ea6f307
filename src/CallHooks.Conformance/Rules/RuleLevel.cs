namespace CallHooks.Conformance.Rules;

/// <summary>How binding a rule is, in RFC 2119's words: a broken MUST fails the run, a broken SHOULD warns.</summary>
internal enum RuleLevel
{
    Must,
    Should,
}
