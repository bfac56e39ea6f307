namespace CallHooks.Conformance.Providers;

/// <summary>A call-log field that can be mapped to a query parameter, as the provider's panel offers it.</summary>
internal sealed record MappableField(string Id, string Label, string Example);
