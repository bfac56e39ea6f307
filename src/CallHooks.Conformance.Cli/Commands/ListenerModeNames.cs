using System.Text;
using CallHooks.Conformance.Listener;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>The command-line names of <see cref="ListenerMode"/>: kebab-case, e.g. <c>accepts-missing-auth</c>.</summary>
internal static class ListenerModeNames
{
    public static IEnumerable<string> All => Enum.GetValues<ListenerMode>().Select(Name);

    /// <summary><c>AcceptsMissingAuth</c> becomes <c>accepts-missing-auth</c>.</summary>
    public static string Name(ListenerMode mode)
    {
        var pascal = mode.ToString();
        var kebab = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
                kebab.Append('-');
            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }

    /// <summary>The mode with this name (case-insensitive), or a usage problem that lists the known names.</summary>
    public static (ListenerMode Mode, string? Problem) Parse(string option, string name)
    {
        foreach (var mode in Enum.GetValues<ListenerMode>())
        {
            if (Name(mode).Equals(name, StringComparison.OrdinalIgnoreCase))
                return (mode, null);
        }

        return (ListenerMode.Strict, $"{option} '{name}': unknown mode; known: {string.Join(", ", All)}");
    }
}
