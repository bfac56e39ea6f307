using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CallHooks.Conformance.Input;

/// <summary>
/// Reads a file a user named (a scenario, a template, a CA certificate) without trusting what it claims to be: at most
/// a limit of bytes, however long it turns out to be (<c>/dev/zero</c> reports a length of 0), and never a pipe or a
/// device that would block or never end. Every refusal is a sentence for the user.
/// </summary>
internal static partial class BoundedFile
{
    /// <summary>The file's bytes, or a problem: a directory, missing, a pipe or device, unreadable, or longer than <paramref name="maxBytes"/>.</summary>
    /// <param name="what">What the file should be, for the message on a file too large (e.g. <c>a scenario file</c>).</param>
    public static (byte[]? Bytes, string? Problem) Read(string path, int maxBytes, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
            return (null, "is a directory, not a file");
        if (!File.Exists(path))
            return (null, "file not found");
        try
        {
            using var stream = Open(path);
            if (!stream.CanSeek)
                return (null, "is a pipe or a device, not a file");
            var buffer = new byte[Math.Min(maxBytes + 1L, 1 << 16)];
            using var bytes = new MemoryStream();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                bytes.Write(buffer, 0, read);
                if (bytes.Length > maxBytes)
                    return (null, $"is larger than {maxBytes} bytes, the most {what} may be");
            }

            return (bytes.ToArray(), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, "cannot be read: " + exception.Message);
        }
    }

    /// <summary>
    /// Opens for reading without blocking: a FIFO with no writer would hold an ordinary open forever. Non-blocking has no
    /// effect on a regular file; what cannot seek (a pipe, a terminal) is then refused by the caller.
    /// </summary>
    private static FileStream Open(string path)
    {
        if (OperatingSystem.IsWindows())
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        // O_RDONLY | O_NONBLOCK | O_CLOEXEC, whose values differ between Linux and macOS.
        var flags = OperatingSystem.IsMacOS() ? 0x0004 | 0x01000000 : 0x0800 | 0x80000;
        var descriptor = OpenDescriptor(path, flags);
        if (descriptor < 0)
            throw new IOException($"open failed (errno {Marshal.GetLastPInvokeError()})");
        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, bufferSize: 0);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenDescriptor(string path, int flags);
}
