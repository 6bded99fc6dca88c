using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Options;
using Microsoft.Extensions.Logging;

namespace Consolidator;

/// <summary>What a file turned out to be while it was read, reported as each file finishes.</summary>
public sealed record FileProgress(int Index, int Count, Submission Submission);

/// <summary>
/// How far a consolidation is: <paramref name="Done"/> of <paramref name="Total"/> audits written,
/// the last one's workbook (null for the first report, before any audit is merged).
/// </summary>
public sealed record AuditProgress(int Done, int Total, string? Workbook, AuditStatus? Status);

/// <summary>What one consolidation wrote.</summary>
public sealed record JobOutcome(ConsolidationResult Result, IReadOnlyList<Submission> Submissions, IReadOnlyList<string> Written)
{
    /// <summary>Outputs that could not be written (the others were).</summary>
    public IReadOnlyList<Output.OutputFailure> Failures { get; init; } = [];
}

/// <summary>
/// One consolidation, shared by <c>run</c> and <c>watch</c>: read every file (in parallel,
/// each hashed once as it is read), merge, and write each audit's workbook and CSV, plus
/// an overview when there are several audits. Each file is isolated: one that fails to read
/// is refused with its reason and the others go on.
/// </summary>
public sealed class ConsolidationJob
{
    private readonly Consolidation _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger<ConsolidationJob> _log;

    private readonly ReportSettings _report;

    public ConsolidationJob(Consolidation pipeline, TimeProvider time, ILogger<ConsolidationJob> log, ReportSettings? report = null)
    {
        _pipeline = pipeline;
        _time = time;
        _log = log;
        _report = report ?? new ReportSettings();
    }

    public Consolidation Pipeline => _pipeline;

    /// <summary>
    /// Reads one file from disk: its bytes once, hashed, then recognised. With <paramref name="inbox"/>
    /// the file is an inbox's and is opened without following a link (<see cref="Inbox.InboxReader"/>):
    /// a link, a hard link or what is not a regular file is refused with the reason, unread.
    /// </summary>
    public Submission Ingest(string fullPath, string relativePath, Inbox.InboxReader? inbox = null)
    {
        try
        {
            return IngestFile(fullPath, relativePath, inbox);
        }
        catch (Inbox.InboxRefusedException e)
        {
            _log.LogWarning("Refused {File} ({Reason}): not read", Printable.Name(relativePath), e.Rejection.Code);
            return Inbox.InboxRefusals.AsSubmission(relativePath, e.Rejection, DateTimeOffset.UnixEpoch);
        }
        catch (PathTooLongException)
        {
            return Inbox.InboxRefusals.AsSubmission(relativePath, Inbox.InboxRefusals.PathTooLong(fullPath.Length), DateTimeOffset.UnixEpoch);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone, locked or unreadable since it was listed: refused with the reason, the others go on.
            _log.LogWarning("Could not open {File}: {Error}", Printable.Name(relativePath), e.GetType().Name);
            var source = Inbox.SourceLoader.Unread(relativePath, DateTimeOffset.UnixEpoch, () => File.OpenRead(fullPath));
            return new Submission { Source = source, Format = "", Rejection = CannotOpen() };
        }
    }

    private static Core.Model.Rejection CannotOpen() => new("cannot-open",
        "ファイルを開けませんでした（他のプログラムが使用中か、読み取り権限がないか、削除されました）。",
        "The file could not be opened (in use by another program, not readable, or deleted).",
        "ファイルを閉じてから、もう一度置いてください。", "Close the file and put it into the inbox again.");

    private Submission IngestFile(string fullPath, string relativePath, Inbox.InboxReader? inbox)
    {
        using var opened = inbox?.Open(fullPath);
        using var input = opened is null ? new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920) : null;
        var stream = opened?.Stream ?? input!;
        var (length, modifiedUtc) = opened is { } o ? (o.Identity.Size, o.Identity.ModifiedUtc) : (input!.Length, File.GetLastWriteTimeUtc(input.SafeFileHandle));
        var modified = new DateTimeOffset(DateTime.SpecifyKind(modifiedUtc, DateTimeKind.Utc), TimeSpan.Zero);
        // The bytes are read from the handle opened here; an inbox file is never opened again by name.
        Func<Stream> reopen = inbox is null ? () => File.OpenRead(fullPath) : () => throw new InvalidOperationException("The file is read from memory.");
        return Inbox.SourceLoader.Ingest(_pipeline, Inbox.SourceLoader.Read(_pipeline, stream, length), relativePath, modified, reopen);
    }

    /// <summary>
    /// Reads the given files (in parallel), reporting each as it finishes. With a <paramref name="spill"/>,
    /// each file's rows are parked there once it is reported, so memory does not grow with the inbox.
    /// </summary>
    public IReadOnlyList<Submission> IngestAll(IReadOnlyList<(string FullPath, string RelativePath)> files, IProgress<FileProgress>? progress, CancellationToken cancel,
        RowSpill? spill = null, Inbox.InboxReader? inbox = null)
    {
        var results = new Submission[files.Count];
        var done = 0;
        Parallel.For(0, files.Count, new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, _pipeline.Options.MaxParallelism),
            CancellationToken = cancel,
        }, i =>
        {
            var (full, relative) = files[i];
            results[i] = Ingest(full, relative, inbox);
            var s = results[i];
            // Names only, never cell text; a name's control characters are shown as '?' so that a
            // file named with a line break or an escape sequence cannot forge or colour a log line.
            var name = Printable.Name(relative, 260);
            if (s.IsRejected) _log.LogWarning("Refused {File}: {Reason}", name, s.Rejection!.Code);
            else _log.LogInformation("Read {File}: {Role}, {Rows} rows, {Notes} notes", name, s.Role, s.RowCount, s.Notes.Count);
            progress?.Report(new FileProgress(Interlocked.Increment(ref done), files.Count, s));
            if (spill is not null) results[i] = spill.Park(s);
        });
        return results;
    }

    /// <summary>
    /// Merges submissions and writes the outputs into <paramref name="outputFolder"/>, each audit as
    /// soon as it is merged (several at once), each on its own (<see cref="Output.ResultFiles"/>): an
    /// audit that cannot be written is in the outcome's <see cref="JobOutcome.Failures"/> and the others
    /// are still written. The outcome's audits are released once written: counts, status and inputs,
    /// not items (<see cref="AuditResult.Released"/>).
    /// </summary>
    public JobOutcome Consolidate(IReadOnlyList<Submission> submissions, string outputFolder, CancellationToken cancel,
        IProgress<AuditProgress>? progress = null)
    {
        var generatedAt = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _pipeline.Options.TimeZone);
        int total = 0, done = 0;
        var files = new Output.ResultFiles(outputFolder, generatedAt, _report, _log)
        {
            Wrote = (audit, xlsx) =>
            {
                // The result's file name, not the target's text as a cell gave it.
                _log.LogInformation("Wrote {Audit}: {Items} items, {Pending} pending, {Notes} to review, {Status}",
                    Path.GetFileName(xlsx), audit.Items.Count, audit.Pending, audit.ReviewCount, audit.Status);
                progress?.Report(new AuditProgress(Interlocked.Increment(ref done), total, xlsx, audit.Status));
            },
        };
        var result = _pipeline.Consolidate(submissions, files, cancel, planned: n =>
        {
            total = n;
            progress?.Report(new AuditProgress(0, n, null, null));
        });
        var failures = new List<Output.OutputFailure>();
        foreach (var f in result.WriteFailures)
        {
            var path = f.Error is Output.OutputWriteException w ? w.Path : outputFolder;
            _log.LogError("Could not write {Output}: {Error}{DiskFull}", Printable.Name(Path.GetFileName(path)), f.Error.GetType().Name,
                Output.DiskFull.Is(f.Error) ? " (disk full)" : "");
            failures.Add(new Output.OutputFailure(path, f.Error.InnerException ?? f.Error));
        }
        if (result.Audits.Count > 1)
        {
            try
            {
                files.WriteOne(OutputNames.Overview, s => OverviewWorkbook.Write(result, generatedAt, s));
            }
            catch (Output.OutputWriteException e)
            {
                _log.LogError("Could not write {Output}: {Error}", OutputNames.Overview, e.InnerException?.GetType().Name);
                failures.Add(new Output.OutputFailure(e.Path, e.InnerException ?? e));
            }
        }
        return new JobOutcome(result, submissions, files.Written) { Failures = failures };
    }
}
