namespace CallHooks.Conformance.Listener;

/// <summary>
/// Discovers every <see cref="IProviderEndpoint"/> in this assembly, so a provider's reader is added as files of its own
/// folder. docs/ARCHITECTURE.md lists what else a provider needs.
/// </summary>
internal static class ProviderEndpoints
{
    /// <param name="capacity">The listener's calls, shared by every reader: each is constructed with <c>(ListenerOptions, CallCapacity)</c>.</param>
    /// <param name="downstream">The CRM pusher, for readers that tell the CRM about calls: they add a third parameter for it.</param>
    public static IReadOnlyList<IProviderEndpoint> Create(
        ListenerOptions options,
        CallCapacity capacity,
        MyOperatorInCall.DownstreamPusher downstream
    ) =>
        typeof(ProviderEndpoints)
            .Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IProviderEndpoint).IsAssignableFrom(type))
            .Select(type =>
                (IProviderEndpoint)(
                    type.GetConstructor([typeof(ListenerOptions), typeof(CallCapacity), typeof(MyOperatorInCall.DownstreamPusher)])
                        is not null
                        ? Activator.CreateInstance(type, options, capacity, downstream)!
                        : Activator.CreateInstance(type, options, capacity)!
                )
            )
            .OrderBy(endpoint => endpoint.Provider, StringComparer.Ordinal)
            .ToList();
}
