namespace CallHooks.Conformance.Listener;

/// <summary>
/// Discovers every <see cref="IProviderEndpoint"/> in this assembly, so a provider's reader is added as files of its own
/// folder. docs/ARCHITECTURE.md lists what else a provider needs.
/// </summary>
internal static class ProviderEndpoints
{
    public static IReadOnlyList<IProviderEndpoint> Create(ListenerOptions options) =>
        typeof(ProviderEndpoints)
            .Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IProviderEndpoint).IsAssignableFrom(type))
            .Select(type => (IProviderEndpoint)Activator.CreateInstance(type, options)!)
            .OrderBy(endpoint => endpoint.Provider, StringComparer.Ordinal)
            .ToList();
}
