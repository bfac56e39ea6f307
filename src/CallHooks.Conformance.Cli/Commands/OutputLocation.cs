using System.Globalization;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>Where a run's reports go: <c>--out</c>, or <c>reports/&lt;UTC timestamp&gt;/</c> with <c>reports/latest/</c> kept as a copy of the newest run.</summary>
internal static class OutputLocation
{
    public const string ReportsFolder = "reports";

    public static string Resolve(string? given, DateTimeOffset startedAt)
    {
        if (given is not null)
            return Path.GetFullPath(given);
        var stamp = startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var directory = Path.GetFullPath(Path.Combine(ReportsFolder, stamp));
        // Two runs in the same second must not overwrite each other.
        for (var suffix = 2; Directory.Exists(directory); suffix++)
            directory = Path.GetFullPath(Path.Combine(ReportsFolder, $"{stamp}-{suffix}"));
        return directory;
    }

    /// <summary>Replaces reports/latest with a copy of <paramref name="directory"/>: built beside it, then swapped in.</summary>
    public static void UpdateLatest(string directory)
    {
        var parent = Path.GetDirectoryName(directory)!;
        var latest = Path.Combine(parent, "latest");
        var staging = latest + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(staging);
        foreach (var file in Directory.EnumerateFiles(directory))
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)), overwrite: true);
        if (Directory.Exists(latest))
            Directory.Delete(latest, recursive: true);
        Directory.Move(staging, latest);
    }
}
