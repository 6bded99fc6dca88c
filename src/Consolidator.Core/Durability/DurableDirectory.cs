using System.Runtime.InteropServices;

namespace Consolidator.Core.Durability;

/// <summary>
/// Makes the entries of a folder survive a power cut. Flushing a file writes its bytes, not its
/// name: a rename into a folder, a new file or a removal is on disk only once the folder itself
/// is flushed. On Linux (and other Unix systems) the folder is opened read-only and fsynced; on
/// Windows there is no such call (NTFS writes its own log of names in order, lazily), so
/// <see cref="Flush(string)"/> does nothing there (README, "Power cuts").
/// </summary>
public static partial class DurableDirectory
{
    private const int ORdOnly = 0;
    // O_DIRECTORY | O_CLOEXEC as Linux numbers them; other Unix systems number them otherwise and get O_RDONLY alone.
    private const int LinuxDirectoryFlags = 0x10000 | 0x80000;
    private const int EInval = 22;
    private const int ENotSup = 95;

    /// <summary>Flushes the folder's entries to disk. A file system that cannot flush a folder (some network shares) is left as it is.</summary>
    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(folder, ORdOnly | (OperatingSystem.IsLinux() ? LinuxDirectoryFlags : 0));
        if (fd < 0) throw Error(Marshal.GetLastPInvokeError(), folder);
        try
        {
            if (Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is not (EInval or ENotSup)) throw Error(errno, folder);
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Flushes each distinct folder once.</summary>
    public static void Flush(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).Distinct(StringComparer.Ordinal))
            Flush(folder);
    }

    /// <summary>
    /// Creates the folder and any missing parents, flushing the parent of each one created so that
    /// the new folders themselves survive a power cut.
    /// </summary>
    public static void Create(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Directory.Exists(full)) return;
        var missing = new Stack<string>();
        for (var f = full; f is not null && !Directory.Exists(f); f = Path.GetDirectoryName(f)) missing.Push(f);
        Directory.CreateDirectory(full);
        foreach (var created in missing) Flush(Path.GetDirectoryName(created)!);
    }

    private static IOException Error(int errno, string folder) =>
        new($"The folder {Writing.Printable.Name(folder)} cannot be flushed to disk (errno {errno}).");

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
