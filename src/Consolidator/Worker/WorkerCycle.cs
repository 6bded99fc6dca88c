using Consolidator.Inbox;
using Consolidator.Ledger;
using Consolidator.Options;
using Microsoft.Extensions.Logging;

namespace Consolidator.Worker;

/// <summary>What one pass of the worker did.</summary>
public sealed record CycleReport(int Taken, int Refused, JobOutcome? Consolidated, RunTrigger? Trigger);

/// <summary>
/// One pass of <c>watch</c>, separate from the waiting so tests drive it with a fake clock:
/// list the inbox when a rescan is due or the watcher hinted at a change, take every file that
/// has been quiet for Worker:StableFor, and consolidate when the debounce after the last take
/// has passed or the cron schedule came due. <see cref="NextWake"/> says when to come back.
/// </summary>
public sealed class WorkerCycle
{
    /// <summary>The least wait before a file that could not be opened or copied is tried again.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly Intake _intake;
    private readonly SubmissionStore _store;
    private readonly ConsolidationRunner _runner;
    private readonly FileLedger _ledger;
    private readonly WorkerFolders _folders;
    private readonly WorkerSettings _settings;
    private readonly ConsolidationSchedule _schedule;
    private readonly TimeProvider _time;
    private readonly ILogger<WorkerCycle> _log;
    private readonly StabilityProbe _probe;
    private readonly Debounce _debounce;
    private DateTimeOffset _nextRescan = DateTimeOffset.MinValue;
    private DateTimeOffset? _nextScheduled;
    private bool _changedBeforeStart;
    private int _rescanRequested;
    private readonly HashSet<string> _refusalsLogged = new(StringComparer.Ordinal);

    public WorkerCycle(Intake intake, SubmissionStore store, ConsolidationRunner runner, FileLedger ledger, WorkerFolders folders,
        WorkerSettings settings, ConsolidationSchedule schedule, TimeProvider time, ILogger<WorkerCycle> log)
    {
        _intake = intake;
        _store = store;
        _runner = runner;
        _ledger = ledger;
        _folders = folders;
        _settings = settings;
        _schedule = schedule;
        _time = time;
        _log = log;
        _probe = new StabilityProbe(settings.StableFor);
        _debounce = new Debounce(settings.Debounce);
    }

    /// <summary>When the next scheduled consolidation is due; null without a schedule.</summary>
    public DateTimeOffset? NextScheduled => _nextScheduled;

    /// <summary>When a consolidation after changes is due; null when none is waiting.</summary>
    public DateTimeOffset? ConsolidationDue => _debounce.DueAt;

    /// <summary>Files in the inbox waiting to be quiet.</summary>
    public int Waiting => _probe.Count;

    /// <summary>
    /// Finishes what a crash interrupted, and plans the first consolidation: now when a scheduled one
    /// was missed while the worker was stopped, soon when files were stored after the last
    /// successful one, else at the next scheduled time.
    /// </summary>
    public RecoveryReport Start()
    {
        var report = _intake.Recover();
        var now = _time.GetUtcNow();
        if (_ledger.StoredSinceLastRun() > 0)
        {
            _changedBeforeStart = true;
            _debounce.Touch(now);
        }
        _nextScheduled = _schedule.NextAfter(now);
        // A scheduled consolidation missed while the worker was stopped (the server was down at 02:00)
        // is made up at once, one run however many were missed, so the morning's result and mail still come.
        if (_ledger.ScheduleKeptSince() is { } since && _schedule.NextAfter(since) is { } missed && missed <= now)
        {
            _log.LogWarning("The scheduled consolidation of {Missed:u} was missed while the worker was stopped; running it now", missed);
            _nextScheduled = now;
        }
        _nextRescan = now;
        return report;
    }

    /// <summary>The watcher saw something: list the inbox at the next pass. Safe from any thread.</summary>
    public void RequestRescan() => Interlocked.Exchange(ref _rescanRequested, 1);

    public async Task<CycleReport> RunOnceAsync(CancellationToken cancel)
    {
        var now = _time.GetUtcNow();
        var rescanDue = now >= _nextRescan;
        if (Interlocked.Exchange(ref _rescanRequested, 0) == 1 || rescanDue)
        {
            var listing = InboxScanner.List(_folders.Inbox);
            _probe.Observe(listing.Files, now);
            _store.LeftInPlace(listing.Refused);
            LogRefusals(listing.Refused);
            if (rescanDue) _nextRescan = now + _settings.RescanInterval;
        }

        int taken = 0, refused = 0;
        var ready = _probe.TakeReady(now);
        if (ready.Count > 0 && !cancel.IsCancellationRequested)
        {
            foreach (var r in _intake.TakeAll(ready, cancel, park: _store.Park))
            {
                switch (r.Status)
                {
                    case TakeStatus.Archived or TakeStatus.Rejected:
                        _probe.Forget(r.InboxPath);
                        _store.Add(r);
                        taken++;
                        if (r.Status == TakeStatus.Rejected) refused++;
                        break;
                    case TakeStatus.Gone:
                        _probe.Forget(r.InboxPath);
                        break;
                    case TakeStatus.LeftInPlace:
                        _probe.Forget(r.InboxPath);
                        _store.Add(r);
                        _refusalsLogged.Add(r.InboxPath + "\0" + r.Submission?.Rejection?.Code);
                        break;
                    case TakeStatus.Failed:
                        _probe.Retry(r.InboxPath, now + Max(RetryDelay, _settings.RescanInterval));
                        break;
                    default:
                        _probe.Retry(r.InboxPath, now + RetryDelay);
                        break;
                }
            }
            if (taken > 0)
            {
                _debounce.Touch(_time.GetUtcNow());
                _log.LogInformation("Took {Taken} files ({Refused} refused); {Waiting} still waiting in the inbox", taken, refused, _probe.Count);
            }
        }

        now = _time.GetUtcNow();
        var scheduled = _nextScheduled is { } at && now >= at;
        if (cancel.IsCancellationRequested || !(scheduled || _debounce.IsDue(now)))
            return new CycleReport(taken, refused, null, null);

        var trigger = scheduled ? RunTrigger.Schedule : _changedBeforeStart ? RunTrigger.Start : RunTrigger.Change;
        if (scheduled) _nextScheduled = _schedule.NextAfter(now);
        try
        {
            var outcome = await _runner.RunAsync(trigger, cancel);
            if (outcome.Failures.Count > 0)
            {
                // Outputs that cannot be written now (a full disk, a folder without rights) are tried again later; the others are written.
                var again = now + Max(_settings.Debounce, _settings.RescanInterval);
                _debounce.DueBy(again);
                // Each output not written is logged by the job; the cycle says once that it failed, with the first error.
                _log.LogError(outcome.Failures[0].Error, "Consolidation failed; it is tried again at {Retry:O}", again);
                return new CycleReport(taken, refused, null, trigger);
            }
            _debounce.Clear();
            _changedBeforeStart = false;
            return new CycleReport(taken, refused, outcome, trigger);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            // Outputs that cannot be written now (a full disk, a folder without rights) are tried again later.
            var retry = now + Max(_settings.Debounce, _settings.RescanInterval);
            _debounce.DueBy(retry);
            _log.LogError(e, "Consolidation failed; it is tried again at {Retry:O}", retry);
            return new CycleReport(taken, refused, null, trigger);
        }
    }

    /// <summary>Each entry refused in place is logged once while it stays, not at every listing.</summary>
    private void LogRefusals(IReadOnlyList<InboxRefusal> refused)
    {
        var now = refused.Select(r => r.RelativePath + "\0" + r.Rejection.Code).ToHashSet(StringComparer.Ordinal);
        _refusalsLogged.IntersectWith(now);
        foreach (var r in refused.Where(r => _refusalsLogged.Add(r.RelativePath + "\0" + r.Rejection.Code)))
            _log.LogWarning("Refused {File} ({Reason}): left in the inbox, not read", Core.Writing.Printable.Name(r.RelativePath), r.Rejection.Code);
    }

    /// <summary>When the worker must look again, whatever the watcher says.</summary>
    public DateTimeOffset NextWake
    {
        get
        {
            var next = _nextRescan;
            foreach (var t in new[] { _probe.NextDue, _debounce.DueAt, _nextScheduled })
                if (t is { } v && v < next) next = v;
            return next;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
