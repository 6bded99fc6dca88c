using Consolidator.Inbox;
using Microsoft.Extensions.Logging;

namespace Consolidator.Worker;

/// <summary>
/// FileSystemWatcher over the inbox and its subfolders. It only hints: any event wakes the
/// worker for a listing, and an overflow of its buffer (or a share that drops events) is
/// covered by the periodic full rescan. Lock, temporary and hidden files wake nothing.
/// </summary>
public sealed class InboxWatcher : IDisposable
{
    private readonly string _inbox;
    private readonly Action _changed;
    private readonly ILogger _log;
    private FileSystemWatcher? _watcher;
    private bool _warned;

    private InboxWatcher(string inbox, Action changed, ILogger log)
    {
        _inbox = inbox;
        _changed = changed;
        _log = log;
    }

    /// <summary>Starts watching; when the system refuses a watcher (inotify limits, some shares) the rescan alone serves.</summary>
    public static InboxWatcher Start(string inbox, Action changed, ILogger log)
    {
        var w = new InboxWatcher(inbox, changed, log);
        w.Restart();
        return w;
    }

    public bool IsWatching => _watcher?.EnableRaisingEvents == true;

    /// <summary>Makes a new watcher (after an error stopped the old one, or the inbox came back).</summary>
    public void Restart()
    {
        _watcher?.Dispose();
        _watcher = null;
        try
        {
            var w = new FileSystemWatcher(_inbox)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
                InternalBufferSize = 64 * 1024,
            };
            w.Created += OnEvent;
            w.Changed += OnEvent;
            w.Renamed += OnEvent;
            w.Error += OnError;
            w.EnableRaisingEvents = true;
            _watcher = w;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Said once: the rescan covers it, and a share that stays unwatchable should not fill the log.
            if (!_warned) _log.LogWarning("The inbox cannot be watched for changes ({Error}); it is listed every rescan interval instead", e.GetType().Name);
            _warned = true;
        }
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        var relative = Path.GetRelativePath(_inbox, e.FullPath);
        if (!InboxScanner.IsIgnored(relative)) _changed();
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        _log.LogWarning("The inbox watcher reported {Error}; the inbox is listed again", e.GetException().GetType().Name);
        _changed();
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
    }
}
