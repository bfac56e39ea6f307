namespace CallHooks.Conformance.Providers;

/// <summary>A configured custom header, parsed from <c>"Name: value"</c>.</summary>
public sealed record HeaderSpec(string Name, string Value)
{
    public override string ToString() => Name + ": [redacted]";
}
