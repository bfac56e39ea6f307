namespace CallHooks.Conformance.Providers;

/// <summary>
/// Every provider profile the harness knows, by name: the profiles of this assembly with a public parameterless
/// constructor. A profile is one piece of a provider; docs/ARCHITECTURE.md lists the others (scenarios, the schema's
/// enum, a listener endpoint, golden files, notes), and a test names whatever a provider lacks.
/// </summary>
internal static class ProviderCatalog
{
    public static IReadOnlyList<IProviderProfile> All { get; } =
        typeof(ProviderCatalog)
            .Assembly.GetTypes()
            .Where(type =>
                type is { IsClass: true, IsAbstract: false }
                && typeof(IProviderProfile).IsAssignableFrom(type)
                && type.GetConstructor(Type.EmptyTypes) is not null
            )
            .Select(type => (IProviderProfile)Activator.CreateInstance(type)!)
            .OrderBy(profile => profile.Name, StringComparer.Ordinal)
            .ToList();

    public static IProviderProfile? Find(string name) => All.FirstOrDefault(profile => profile.Name == name);
}
