using Microsoft.Data.Sqlite;

namespace Consolidator.Output;

/// <summary>
/// Whether an error means the disk (or the user's quota) is full, wherever it comes from: a file
/// write (ENOSPC, EDQUOT; ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL on Windows) or SQLite
/// (SQLITE_FULL), alone or wrapped (an <see cref="AggregateException"/> of a parallel loop).
/// </summary>
public static class DiskFull
{
    private const int Enospc = 28, Edquot = 122, ErrorDiskFull = 0x70, ErrorHandleDiskFull = 0x27, SqliteFull = 13, SqliteIoError = 10;
    private const long AlmostNothing = 256 * 1024;

    public static bool Is(Exception? e) => Is(e, null);

    /// <summary>
    /// As <see cref="Is(Exception?)"/>; with <paramref name="folder"/>, SQLite's "disk I/O error" there is a
    /// full disk too when the folder's disk has (almost) no space left: SQLite reports a write refused
    /// for want of space while it grows its journal as an I/O error.
    /// </summary>
    public static bool Is(Exception? e, string? folder)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(x => Is(x, folder))) return true;
            if (e is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) == SqliteFull) return true;
            if (e is SqliteException io && (io.SqliteErrorCode & 0xFF) == SqliteIoError && folder is not null && FreeBytes(folder) < AlmostNothing) return true;
            if (e is IOException && (e.HResult is Enospc or Edquot || (e.HResult & 0xFFFF) is ErrorDiskFull or ErrorHandleDiskFull)) return true;
        }
        return false;
    }

    /// <summary>The space left on the disk holding <paramref name="folder"/>; unknown is plenty.</summary>
    public static long FreeBytes(string folder)
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return long.MaxValue;
        }
    }

    /// <summary>The first error of a parallel loop's <see cref="AggregateException"/> that is not a cancellation, the error itself otherwise.</summary>
    public static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } a)
            e = a.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? a.InnerExceptions[0];
        return e;
    }

    /// <summary>ディスクの空き容量が不足しています / The disk is full, naming the folder.</summary>
    public static string Message(string folder) =>
        $"ディスクの空き容量が不足しています: {Core.Writing.Printable.Name(folder, 400)}（空きを作ってから、もう一度実行してください。受付のファイルは失われていません） / "
        + $"The disk is full: {Core.Writing.Printable.Name(folder, 400)} (free some space and run again; no file of the inbox is lost)";
}
