using System.Reflection;

namespace CallHooks.Conformance.Providers;

/// <summary>
/// Every provider profile the harness knows, by name. Profiles are discovered in this assembly, so adding a
/// provider touches its own folder (and its scenarios) and nothing else.
/// </summary>
public static class ProviderCatalog
{
    public static IReadOnlyList<IProviderProfile> All { get; } = typeof(ProviderCatalog).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IProviderProfile).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
        .Select(type => (IProviderProfile)Activator.CreateInstance(type)!)
        .OrderBy(profile => profile.Name, StringComparer.Ordinal)
        .ToList();

    public static IProviderProfile? Find(string name) => All.FirstOrDefault(profile => profile.Name == name);
}
