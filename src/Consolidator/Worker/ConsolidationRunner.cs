using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Inbox;
using Consolidator.Ledger;
using Microsoft.Extensions.Logging;

namespace Consolidator.Worker;

/// <summary>
/// One consolidation of everything stored so far: recorded in the ledger (start, end, per-file
/// status, a summary of keys and counts), then handed to every <see cref="IConsolidationObserver"/>.
/// </summary>
public sealed class ConsolidationRunner
{
    private readonly ConsolidationJob _job;
    private readonly SubmissionStore _store;
    private readonly FileLedger _ledger;
    private readonly WorkerFolders _folders;
    private readonly TimeProvider _time;
    private readonly IEnumerable<IConsolidationObserver> _observers;
    private readonly ILogger<ConsolidationRunner> _log;

    public ConsolidationRunner(ConsolidationJob job, SubmissionStore store, FileLedger ledger, WorkerFolders folders, TimeProvider time,
        IEnumerable<IConsolidationObserver> observers, ILogger<ConsolidationRunner> log)
    {
        _job = job;
        _store = store;
        _ledger = ledger;
        _folders = folders;
        _time = time;
        _observers = observers;
        _log = log;
    }

    /// <summary>
    /// Consolidates and writes the outputs. Outputs that could not be written are in the outcome's
    /// <see cref="JobOutcome.Failures"/> (the others were written) and the ledger records the run as failed.
    /// </summary>
    public async Task<JobOutcome> RunAsync(RunTrigger trigger, CancellationToken cancel, IProgress<AuditProgress>? progress = null)
    {
        var id = _ledger.StartRun(trigger, _time.GetUtcNow());
        JobOutcome outcome;
        try
        {
            var submissions = _store.All(cancel);
            _log.LogInformation("Consolidating ({Trigger}): {Files} files stored", trigger, submissions.Count);
            outcome = _job.Consolidate(submissions, _folders.Output, cancel, progress);
        }
        catch (Exception e)
        {
            var error = e is OperationCanceledException && cancel.IsCancellationRequested
                ? "停止のため中断 / stopped before it finished"
                : $"{e.GetType().Name}: {Core.Writing.Printable.Name(e.Message, 300)}";
            _ledger.FinishRun(id, _time.GetUtcNow(), 0, 0, 0, null, error, null);
            throw;
        }
        var finished = _time.GetUtcNow();
        var statuses = outcome.Result.Files.ToDictionary(f => f.Source.RelativePath, f => f.Status.Label(), StringComparer.Ordinal);
        // Outputs not written make a failed run: recorded as such, retried by the worker, mailed by nobody.
        var failed = outcome.Failures.Count > 0
            ? string.Join("\n", outcome.Failures.Select(f => $"{f.Error.GetType().Name}: {Core.Writing.Printable.Name(f.Message, 300)}"))
            : null;
        _ledger.FinishRun(id, finished, outcome.Result.Files.Count, outcome.Result.Audits.Count, outcome.Written.Count, Summary(outcome), failed, statuses);
        _ledger.RecordRoster(id, outcome.Result.Audits.SelectMany(RosterRow.Of).ToList());
        _log.LogInformation("Consolidated ({Trigger}): {Files} files, {Audits} audits, {Written} outputs written",
            trigger, outcome.Result.Files.Count, outcome.Result.Audits.Count, outcome.Written.Count);

        if (failed is not null) return outcome;
        var completed = new ConsolidationCompleted(id, trigger, outcome, finished);
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnConsolidatedAsync(completed, cancel);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                _log.LogError(e, "{Observer} failed after the consolidation", observer.GetType().Name);
            }
        }
        if (trigger != RunTrigger.Run) GiveBackMemory();
        return outcome;
    }

    /// <summary>
    /// A worker idles for hours between consolidations. What a consolidation let go (workbooks
    /// being built, rows restored from the spill) is collected and compacted now and given back to
    /// the system, rather than whenever a later allocation happens to trigger a collection, so the
    /// worker's memory stays where it was after its first consolidations. A few tens of
    /// milliseconds after a consolidation of seconds; `run` exits instead.
    /// </summary>
    private static void GiveBackMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>
    /// One line per audit: its result file, status and counts (what <c>status</c> shows). No cell text:
    /// the audit is named by the file the operator already sees, not by the target as a cell gave it.
    /// </summary>
    internal static string Summary(JobOutcome outcome) => string.Join("\n", outcome.Result.Audits.Select(a =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Core.Writing.OutputNames.ResultWorkbook(a)}  {a.Status.Label()}  {string.Join(" ", a.Counts.Select(c => $"{c.Class.Label}{c.Count}"))} 計{a.Total} 未判定{a.Pending} 要確認{a.ReviewCount}")));
}
