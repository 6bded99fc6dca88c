using System.Globalization;

namespace Consolidator.Ledger;

/// <summary>
/// One worker per state folder: the file state/consolidator.lock held open without sharing for
/// the life of the process. The operating system releases it when the process ends, however it
/// ends (a killed worker leaves no stale lock). It holds the process id and start time, for a person.
/// </summary>
public sealed class StateLock : IDisposable
{
    public const string FileName = "consolidator.lock";
    private readonly FileStream _stream;

    private StateLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or returns null when another process holds it.</summary>
    public static StateLock? TryAcquire(string stateFolder, TimeProvider time)
    {
        Directory.CreateDirectory(stateFolder);
        var path = Path.Combine(stateFolder, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        try
        {
            stream.SetLength(0);
            using (var w = new StreamWriter(stream, leaveOpen: true))
                w.Write(string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId}, started {time.GetUtcNow():O}\n"));
            stream.Flush();
        }
        catch (IOException)
        {
            // The lock is what matters; the note inside it is for a person.
        }
        return new StateLock(stream);
    }

    /// <summary>Whether some process holds the lock now (for <c>status</c>).</summary>
    public static bool IsHeld(string stateFolder)
    {
        var path = Path.Combine(stateFolder, FileName);
        if (!File.Exists(path)) return false;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    public void Dispose() => _stream.Dispose();
}
