using CallHooks.Conformance.Providers.MyOperatorInCall;

namespace CallHooks.Conformance.Providers;

/// <summary>Every provider profile the harness knows, by name.</summary>
public static class ProviderCatalog
{
    public static IReadOnlyList<IProviderProfile> All { get; } = [new MyOperatorInCallProfile()];

    public static IProviderProfile? Find(string name) => All.FirstOrDefault(profile => profile.Name == name);
}
