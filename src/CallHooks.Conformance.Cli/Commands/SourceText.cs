using CallHooks.Conformance.Providers;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>A source id as a user reads it: the id, its kind and what it is.</summary>
internal static class SourceText
{
    public static string Describe(IProviderProfile profile, string id)
    {
        var source = profile.Fields.Sources.FirstOrDefault(known => known.Id == id);
        return source is null ? id : $"{id} ({Providers.Fields.SourceKindNames.Of(source.Kind)}): {source.Title}";
    }
}
