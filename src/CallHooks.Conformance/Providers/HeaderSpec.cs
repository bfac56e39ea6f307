namespace CallHooks.Conformance.Providers;

/// <summary>A configured custom header, parsed from <c>"Name: value"</c>.</summary>
internal sealed record HeaderSpec(string Name, string Value)
{
    public override string ToString() => Name + ": [redacted]";
}
