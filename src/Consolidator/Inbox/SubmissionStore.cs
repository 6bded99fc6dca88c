using System.Collections.Concurrent;
using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Ledger;
using Microsoft.Extensions.Logging;

namespace Consolidator.Inbox;

/// <summary>
/// Every submission accepted so far: what an audit's result is computed from, not only what sits
/// in the inbox now (a vendor's v2 arriving a week after v1 supersedes the archived v1). Files
/// taken by this process are kept as read; the others are read back from archive/ and rejected/
/// once, the first time a consolidation needs them, each under the name and time the ledger
/// recorded, so the result equals a one-shot run over the same files. Rows are parked in a
/// <see cref="RowSpill"/> (a temporary file) and restored one audit at a time by the consolidation,
/// so a worker that has accepted thousands of files holds their metadata, not their rows.
/// </summary>
public sealed class SubmissionStore : IDisposable
{
    private readonly Consolidation _pipeline;
    private readonly FileLedger _ledger;
    private readonly WorkerFolders _folders;
    private readonly ILogger<SubmissionStore> _log;
    private readonly ConcurrentDictionary<long, Submission> _byId = new();
    private readonly RowSpill _spill = new();
    private readonly ConcurrentDictionary<string, Submission> _inPlace = new(StringComparer.Ordinal);

    public SubmissionStore(Consolidation pipeline, FileLedger ledger, WorkerFolders folders, ILogger<SubmissionStore> log)
    {
        _pipeline = pipeline;
        _ledger = ledger;
        _folders = folders;
        _log = log;
    }

    /// <summary>Keeps what a take just read, or the refusal of an entry left in the inbox.</summary>
    public void Add(TakeResult taken)
    {
        if (taken is { File: { } file, Submission: { } submission })
        {
            _byId[file.Id] = _spill.Park(submission);
            _inPlace.TryRemove(taken.InboxPath, out _);
        }
        else if (taken is { Status: TakeStatus.LeftInPlace, Submission: { } refused })
            _inPlace[taken.InboxPath] = refused;
    }

    /// <summary>
    /// The entries a listing of the inbox refused where they are (links, hard links, what cannot be
    /// read): they replace the previous listing's, so 取込履歴 lists what the inbox holds now.
    /// </summary>
    public void LeftInPlace(IReadOnlyList<InboxRefusal> listed)
    {
        var now = listed.ToDictionary(r => r.RelativePath, r => InboxRefusals.AsSubmission(r.ShownPath, r.Rejection, r.ModifiedAt), StringComparer.Ordinal);
        foreach (var gone in _inPlace.Keys.Where(k => !now.ContainsKey(k)).ToList()) _inPlace.TryRemove(gone, out _);
        foreach (var (path, submission) in now) _inPlace[path] = submission;
    }

    /// <summary>The submission with its rows in the store's spill (for <see cref="Intake.TakeAll"/>).</summary>
    public Submission Park(Submission submission) => _spill.Park(submission);

    public void Dispose() => _spill.Dispose();

    /// <summary>Every stored file's submission, ordered by stored path as a one-shot run orders the inbox.</summary>
    public IReadOnlyList<Submission> All(CancellationToken cancel)
    {
        var files = _ledger.Files().Where(f => f.Stage != FileStage.Taking).ToList();
        var missing = files.Where(f => !_byId.ContainsKey(f.Id)).ToList();
        if (missing.Count > 0)
        {
            Parallel.ForEach(missing, new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, _pipeline.Options.MaxParallelism),
                CancellationToken = cancel,
            }, f => _byId[f.Id] = _spill.Park(Load(f)));
            _log.LogInformation("Read {Count} stored files back for consolidation", missing.Count);
        }
        return files
            .OrderBy(f => f.StoredPath, StringComparer.Ordinal)
            .Select(f => _byId[f.Id])
            .Concat(_inPlace.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value))
            .ToList();
    }

    /// <summary>Reads one stored file; a copy that is missing or altered is listed as refused with the reason.</summary>
    private Submission Load(LedgerFile f)
    {
        var path = f.StoredFullPath(_folders.Archive, _folders.Rejected);
        var source = SourceLoader.Source(f.StoredPath, f.Sha256, f.Size, f.ModifiedAt, () => File.OpenRead(path));
        var fits = SourceLoader.Fits(_pipeline, f.Size);
        byte[] bytes;
        try
        {
            bytes = fits ? File.ReadAllBytes(path) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogError("The stored copy of {File} cannot be read ({Error})", Core.Writing.Printable.Name(f.StoredPath), e.GetType().Name);
            return Refused(source, StoredCopyMissing(f));
        }
        if (fits && SourceFile.Hash(bytes) != f.Sha256)
        {
            _log.LogError("The stored copy of {File} does not match its recorded hash", Core.Writing.Printable.Name(f.StoredPath));
            return Refused(source, StoredCopyChanged(f));
        }
        if (f.Outcome == FileOutcome.Rejected)
        {
            // Refused when it was taken: it stays refused, whatever a new reading would say.
            if (bytes.Length == 0 || !fits) return Refused(source, f.Rejection);
            var again = SourceLoader.Ingest(_pipeline, source, bytes);
            return again.IsRejected ? again : again with { Rejection = f.Rejection };
        }
        return SourceLoader.Ingest(_pipeline, source, bytes);
    }

    private static Submission Refused(SourceFile source, Rejection? why) =>
        new() { Source = source, Format = "", Rejection = why ?? Core.Reading.Rejections.Corrupt("unknown") };

    private static Rejection StoredCopyMissing(LedgerFile f) => new("stored-copy-missing",
        $"保管されたファイル（{f.StoredPath}）が見つからないか読めません。",
        $"The stored copy ({f.StoredPath}) is missing or cannot be read.",
        "保管フォルダから移動・削除されていないか確認するか、もう一度提出してください。",
        "Check that it was not moved or deleted from the archive, or submit it again.");

    private static Rejection StoredCopyChanged(LedgerFile f) => new("stored-copy-changed",
        $"保管されたファイル（{f.StoredPath}）が受領時から変更されています（SHA-256 不一致）。",
        $"The stored copy ({f.StoredPath}) has changed since it was received (SHA-256 mismatch).",
        "保管フォルダのファイルは編集せず、直したファイルを受付フォルダに置き直してください。",
        "Do not edit files in the archive; put the corrected file into the inbox instead.");
}
