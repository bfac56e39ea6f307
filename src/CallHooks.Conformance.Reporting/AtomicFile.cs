namespace CallHooks.Conformance.Reporting;

/// <summary>
/// Writes a file through a temporary sibling and a rename, so readers (and a crashed run) only ever see the
/// old file, no file, or the complete new one, never half a report.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no directory.", nameof(path));
        // Same directory as the target: a rename is only atomic within one file system.
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                // On disk before the rename, or a power cut could leave the new name pointing at empty data.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // Best effort: the original failure is what the caller needs to hear about.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: never mask the original failure.
        }
    }
}
