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

    /// <summary>
    /// Creates the reports' folder and proves a file can be written there, before anything is sent: a folder that cannot
    /// hold the reports would lose the run's results after the whole suite had played. Refuses with exit 2.
    /// </summary>
    public static void EnsureWritable(string directory, bool given)
    {
        var option = given ? $"--out {directory}" : $"the reports folder {directory}";
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, ".callhooks-write-check-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception exception)
            when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"{option}: cannot write reports there: {exception.Message.TrimEnd('.')}; nothing was sent");
        }
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
