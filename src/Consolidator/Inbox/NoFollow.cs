using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Consolidator.Inbox;

/// <summary>
/// Looks at and opens files without following links. .NET has no way to say "do not follow" when
/// it opens a file, so on Linux this calls the C library: <c>statx</c> with AT_SYMLINK_NOFOLLOW to
/// look at an entry, <c>open</c> with O_NOFOLLOW (a symbolic link fails to open instead of being
/// followed; O_NONBLOCK so a named pipe swapped in cannot hang the worker) and <c>statx</c> on the
/// handle to see what was really opened, <c>flock</c> as .NET's own FileStream takes it (a shared
/// lock, so a writer holding an exclusive one makes the file busy). Elsewhere (Windows, macOS) the
/// entry's attributes are looked at before opening (a reparse point is a link) and, on Windows, the
/// link count and file id are read from the open handle.
/// </summary>
internal static partial class NoFollow
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7FF;
    private const int ORdOnly = 0, ONoCtty = 0x100, ONonBlock = 0x800, OCloExec = 0x80000;
    private const int LockShared = 1, LockNonBlocking = 4;
    private const int ENoEnt = 2, EAgain = 11, EAccess = 13, ENotDir = 20, ENameTooLong = 36, ENoSys = 38, ELoop = 40, EPerm = 1;

    // O_NOFOLLOW is one of the few flags whose value depends on the architecture.
    private static readonly int ONoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 or Architecture.Ppc64le ? 0x8000 : 0x20000;

    private static bool _statx = OperatingSystem.IsLinux();

    /// <summary>Whether links are refused by the kernel as the file is opened (Linux), not only looked for before.</summary>
    public static bool IsNative => _statx;

    /// <summary>The entry itself, a link not followed. Missing when there is none; throws PathTooLongException for a path the system cannot take.</summary>
    public static FileIdentity Lstat(string path)
    {
        if (_statx)
        {
            var result = StatxPath(path, out var identity);
            if (result == 0) return identity;
            if (result == ENoSys) _statx = false;
            else return result is ENoEnt or ENotDir ? FileIdentity.Missing : throw Error(result, path);
        }
        return PortableLstat(path);
    }

    /// <summary>
    /// Opens a regular file for reading without following a link at its name. Throws
    /// <see cref="LinkException"/> for a link, <see cref="FileNotFoundException"/> when it is gone,
    /// IOException when it is in use or cannot be read. The identity is that of the handle.
    /// </summary>
    public static (FileStream Stream, FileIdentity Identity) Open(string path)
    {
        if (_statx)
        {
            var fd = OpenFile(path, ORdOnly | ONoFollow | ONonBlock | OCloExec | ONoCtty, 0);
            if (fd < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == ELoop) throw new LinkException(EntryKind.Link);
                throw errno is ENoEnt or ENotDir ? new FileNotFoundException("The file is gone.", path) : Error(errno, path);
            }
            var handle = new SafeFileHandle(fd, ownsHandle: true);
            try
            {
                if (StatxHandle(fd, out var identity) != 0) throw Error(Marshal.GetLastPInvokeError(), path);
                if (identity.Kind != EntryKind.File) throw new LinkException(identity.Kind);
                if (Flock(fd, LockShared | LockNonBlocking) != 0 && Marshal.GetLastPInvokeError() == EAgain)
                    throw new IOException("The file is locked by another process.");
                return (new FileStream(handle, FileAccess.Read, 81920), identity);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }
        var before = PortableLstat(path);
        if (before.Kind == EntryKind.Missing) throw new FileNotFoundException("The file is gone.", path);
        if (before.Kind != EntryKind.File) throw new LinkException(before.Kind);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920);
        try
        {
            return (stream, OperatingSystem.IsWindows() ? WindowsIdentity(stream.SafeFileHandle, before) : before);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The path an open handle really refers to (Linux: /proc/self/fd), or null where that cannot be told.</summary>
    public static string? FinalPath(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            return new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The folder with every link on its way resolved (realpath); the full path where that cannot be done.</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (!OperatingSystem.IsLinux()) return full;
        var resolved = RealPathNative(full, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return full;
        try
        {
            return Marshal.PtrToStringUTF8(resolved) ?? full;
        }
        finally
        {
            Free(resolved);
        }
    }

    private static FileIdentity PortableLstat(string path)
    {
        FileAttributes attributes;
        try
        {
            attributes = File.GetAttributes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return FileIdentity.Missing;
        }
        if (attributes.HasFlag(FileAttributes.ReparsePoint)) return new FileIdentity(EntryKind.Link, 0, 0, 1, 0, default, attributes);
        if (attributes.HasFlag(FileAttributes.Directory)) return new FileIdentity(EntryKind.Directory, 0, 0, 1, 0, default, attributes);
        var info = new FileInfo(path);
        return info.Exists
            ? new FileIdentity(EntryKind.File, 0, 0, 1, info.Length, info.LastWriteTimeUtc, attributes)
            : FileIdentity.Missing;
    }

    private static FileIdentity WindowsIdentity(SafeFileHandle handle, FileIdentity before)
    {
        if (!GetFileInformationByHandle(handle, out var info)) return before;
        return before with
        {
            Device = info.VolumeSerialNumber,
            Inode = ((ulong)info.FileIndexHigh << 32) | info.FileIndexLow,
            Links = info.NumberOfLinks,
        };
    }

    private static unsafe int StatxPath(string path, out FileIdentity identity)
    {
        var buffer = stackalloc byte[256];
        identity = default;
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0) return Marshal.GetLastPInvokeError();
        identity = Parse(buffer);
        return 0;
    }

    private static unsafe int StatxHandle(int fd, out FileIdentity identity)
    {
        var buffer = stackalloc byte[256];
        identity = default;
        if (Statx(fd, "", AtEmptyPath, StatxBasicStats, buffer) != 0) return -1;
        identity = Parse(buffer);
        return 0;
    }

    /// <summary>struct statx (linux/stat.h): the same layout on every architecture.</summary>
    private static unsafe FileIdentity Parse(byte* b)
    {
        var links = *(uint*)(b + 16);
        var mode = *(ushort*)(b + 28);
        var inode = *(ulong*)(b + 32);
        var size = *(long*)(b + 40);
        var seconds = *(long*)(b + 112);
        var nanoseconds = *(uint*)(b + 120);
        var device = ((ulong)*(uint*)(b + 136) << 32) | *(uint*)(b + 140);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => EntryKind.File,
            0x4000 => EntryKind.Directory,
            0xA000 => EntryKind.Link,
            _ => EntryKind.Other,
        };
        var modified = DateTime.UnixEpoch.AddTicks(seconds * TimeSpan.TicksPerSecond + nanoseconds / 100);
        return new FileIdentity(kind, device, inode, links, size, modified);
    }

    private static Exception Error(int errno, string path) => errno switch
    {
        ENameTooLong => new PathTooLongException($"The path is too long ({path.Length} characters)."),
        EAccess or EPerm => new UnauthorizedAccessException($"Access is denied (errno {errno})."),
        _ => new IOException($"The file cannot be used (errno {errno})."),
    };

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenFile(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetFileInformationByHandle(SafeFileHandle file, out ByHandleFileInformation information);

    [StructLayout(LayoutKind.Sequential)]
    private struct ByHandleFileInformation
    {
        public uint FileAttributes;
        public uint CreationTimeLow, CreationTimeHigh, LastAccessTimeLow, LastAccessTimeHigh, LastWriteTimeLow, LastWriteTimeHigh;
        public uint VolumeSerialNumber;
        public uint FileSizeHigh, FileSizeLow;
        public uint NumberOfLinks;
        public uint FileIndexHigh, FileIndexLow;
    }
}

/// <summary>An entry that is not a regular file of its own: a link, a named pipe, a device.</summary>
internal sealed class LinkException(EntryKind kind) : IOException("Not a regular file: " + kind)
{
    public EntryKind Kind { get; } = kind;
}
