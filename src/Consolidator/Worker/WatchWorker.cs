using Consolidator.Inbox;
using Consolidator.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Consolidator.Worker;

/// <summary>
/// The hosted worker of <c>watch</c>: recovers, then loops — a <see cref="WorkerCycle"/> pass, then
/// a wait until the next due time or a hint from the folder watcher. Each pass is isolated: one
/// that fails is logged and retried after a growing pause, because an exception escaping
/// ExecuteAsync would stop the host. Stopping (Ctrl+C, SIGTERM, service stop) lets the files in
/// hand finish and leaves the others in the inbox untouched.
/// </summary>
public sealed class WatchWorker : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly WorkerCycle _cycle;
    private readonly WorkerFolders _folders;
    private readonly WorkerSettings _settings;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<WatchWorker> _log;

    public WatchWorker(WorkerCycle cycle, WorkerFolders folders, WorkerSettings settings, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<WatchWorker> log)
    {
        _cycle = cycle;
        _folders = folders;
        _settings = settings;
        _time = time;
        _lifetime = lifetime;
        _log = log;
    }

    /// <summary>True when the worker could not start (the ledger or the folders cannot be used): the command exits 1.</summary>
    public bool FailedToStart { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // ApplicationStopping fires on the signal's own thread, while stoppingToken follows through
        // the thread pool, which a batch of files being read keeps busy: watch both, so a stop
        // request reaches the batch at once.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _lifetime.ApplicationStopping);
        await RunAsync(linked.Token);
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first (possibly long) pass.
        await Task.Yield();
        try
        {
            _cycle.Start();
        }
        catch (Exception e)
        {
            _log.LogCritical(e, "The worker could not start: the ledger or the folders cannot be used");
            FailedToStart = true;
            _lifetime.StopApplication();
            return;
        }

        using var signal = new WakeSignal();
        using var watcher = InboxWatcher.Start(_folders.Inbox, () =>
        {
            _cycle.RequestRescan();
            signal.Set();
        }, _log);
        _log.LogInformation("Watching {Inbox}: quiet for {StableFor} before taking, consolidating {Debounce} after the last file, next scheduled run {Next:O}",
            _folders.Inbox, _settings.StableFor, _settings.Debounce, _cycle.NextScheduled);

        var failures = 0;
        var nextWatcherTry = _time.GetUtcNow() + _settings.RescanInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!watcher.IsWatching && _time.GetUtcNow() >= nextWatcherTry)
            {
                // A share that went away stops the watcher; try again now and then, the rescan serves meanwhile.
                watcher.Restart();
                nextWatcherTry = _time.GetUtcNow() + _settings.RescanInterval;
            }
            TimeSpan wait;
            try
            {
                await _cycle.RunOnceAsync(stoppingToken);
                failures = 0;
                wait = _cycle.NextWake - _time.GetUtcNow();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                wait = Backoff(failures);
                _log.LogError(e, "A worker pass failed ({Failures} in a row); trying again in {Wait}", failures, wait);
            }
            try
            {
                await signal.WaitAsync(wait > LongestWait ? LongestWait : wait, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        _log.LogInformation("Worker stopped; files not yet taken stay in the inbox");
    }

    /// <summary>1 s, 2 s, 4 s … up to the rescan interval (at least a minute): a broken share is not hammered.</summary>
    internal TimeSpan Backoff(int failures)
    {
        var cap = _settings.RescanInterval > TimeSpan.FromMinutes(1) ? _settings.RescanInterval : TimeSpan.FromMinutes(1);
        var wait = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures - 1, 16)));
        return wait > cap ? cap : wait;
    }
}
