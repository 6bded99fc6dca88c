using System.Security.Cryptography;
using Consolidator.Core;
using Consolidator.Core.Durability;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Ledger;
using Consolidator.Options;
using Microsoft.Extensions.Logging;

namespace Consolidator.Inbox;

/// <summary>What became of one attempt to take a file from the inbox.</summary>
public enum TakeStatus
{
    /// <summary>Copied into archive/, checked, removed from the inbox.</summary>
    Archived,
    /// <summary>Copied into rejected/ with its error note, removed from the inbox.</summary>
    Rejected,
    /// <summary>Open for writing elsewhere: left in the inbox, tried again later.</summary>
    Busy,
    /// <summary>Changed while it was read: left in the inbox, tried again once it is quiet.</summary>
    Changed,
    /// <summary>No longer in the inbox (deleted or renamed by someone).</summary>
    Gone,
    /// <summary>Could not be copied (disk full, permissions): left in the inbox, the error logged.</summary>
    Failed,
    /// <summary>
    /// Refused where it is, never read: a link, a file with several links, not a regular file, or a
    /// path the system cannot take (<see cref="InboxRefusals"/>). Listed in 取込履歴 as 拒否 while it stays.
    /// </summary>
    LeftInPlace,
}

/// <summary>One attempt to take a file, and the submission read from it when it was taken.</summary>
public sealed record TakeResult(string InboxPath, TakeStatus Status, LedgerFile? File = null, Submission? Submission = null)
{
    public bool Taken => Status is TakeStatus.Archived or TakeStatus.Rejected;

    /// <summary>For <see cref="TakeStatus.Failed"/>: what stopped the copy, and where it was going.</summary>
    public Exception? Error { get; init; }

    public string? Destination { get; init; }
}

/// <summary>What recovery found after a crash.</summary>
public sealed record RecoveryReport(int Finished, int Undone, int InboxCopiesRemoved, int TempFilesSwept)
{
    public bool Any => Finished + Undone + InboxCopiesRemoved + TempFilesSwept > 0;
}

/// <summary>
/// Takes files out of the inbox without ever losing one (SPEC §7), in an order that survives a
/// power cut as well as a kill: each step is on disk before the next one depends on it.
/// <list type="number">
/// <item>each file is read once (opened without following a link, so that no one can write it
/// meanwhile: <see cref="InboxReader"/>), hashed and judged by the pipeline; the bytes read are
/// written to a temporary file beside the destination (archive/ or rejected/), given the original
/// modification time and flushed (several files at once);</item>
/// <item>for a batch of files taken together: each copy is renamed into place (a refused file gets
/// its <c>&lt;name&gt;.error.txt</c>), then each destination folder is flushed once;</item>
/// <item>the ledger records the batch as Stored in one durable transaction;</item>
/// <item>the originals are removed from the inbox (unless one changed since it was read), each
/// inbox folder is flushed once, and the ledger marks them Done.</item>
/// </list>
/// The copy is written from the very bytes that were hashed, so it is not read back. <see cref="Recover"/>
/// checks the ledger against the disk at start and finishes or undoes whatever a kill or a power
/// cut interrupted; a copy renamed into place that the ledger never heard of is taken as it is when
/// its original is taken again (same name, same bytes), so a restart at any point neither loses a
/// file nor takes one twice.
/// </summary>
public sealed class Intake
{
    private readonly Consolidation _pipeline;
    private readonly FileLedger _ledger;
    private readonly WorkerFolders _folders;
    private readonly TimeProvider _time;
    private readonly ILogger<Intake> _log;
    private readonly Lock _names = new();
    private readonly Lock _commit = new();
    private readonly HashSet<string> _reserved = new(StringComparer.OrdinalIgnoreCase);
    private readonly InboxReader _inbox;
    private readonly int _batchSize;

    public Intake(Consolidation pipeline, FileLedger ledger, WorkerFolders folders, WorkerSettings worker, TimeProvider time, ILogger<Intake> log)
    {
        _batchSize = worker.BatchSize;
        _pipeline = pipeline;
        _ledger = ledger;
        _folders = folders;
        _time = time;
        _log = log;
        _inbox = new InboxReader(folders.Inbox);
    }

    /// <summary>
    /// Takes the given inbox files, several at once, committing them in batches of up to
    /// <see cref="WorkerSettings.BatchSize"/>. Cancelling lets the files in hand finish and starts no other.
    /// <paramref name="park"/>, when given, is applied to each submission read as soon as its copy is
    /// written (<see cref="SubmissionStore.Park"/>), so a large inbox is not held row by row.
    /// </summary>
    public IReadOnlyList<TakeResult> TakeAll(IReadOnlyList<(string FullPath, string RelativePath)> files, CancellationToken cancel, Action<TakeResult>? taken = null,
        Func<Submission, Submission>? park = null)
    {
        var results = new TakeResult?[files.Count];
        var gate = new Lock();
        var pending = new List<Prepared>();
        void Finish(IEnumerable<(int Index, TakeResult Result)> done)
        {
            foreach (var (i, r) in done)
            {
                results[i] = r;
                taken?.Invoke(r);
            }
        }
        try
        {
            Parallel.For(0, files.Count, new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, _pipeline.Options.MaxParallelism),
                CancellationToken = cancel,
            }, i =>
            {
                var (result, prepared) = Prepare(i, files[i].FullPath, files[i].RelativePath, park);
                if (result is not null)
                {
                    Finish([(i, result)]);
                    return;
                }
                List<Prepared>? full = null;
                lock (gate)
                {
                    pending.Add(prepared!);
                    if (pending.Count >= _batchSize) (full, pending) = (pending, []);
                }
                if (full is not null) Finish(Commit(full));
            });
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The files in hand finish below; the rest stay in the inbox untouched.
        }
        Finish(Commit(pending));
        return results.Where(r => r is not null).Select(r => r!).ToList();
    }

    /// <summary>Takes one file (a batch of one). Never throws for a bad file; a file that cannot be taken now stays in the inbox.</summary>
    public TakeResult Take(string fullPath, string relativePath)
    {
        var (result, prepared) = Prepare(0, fullPath, relativePath, park: null);
        return result ?? Commit([prepared!]).Single().Result;
    }

    /// <summary>A file read, judged and copied beside its destination (or found there already), waiting for its batch.</summary>
    private sealed record Prepared(int Index, string FullPath, string RelativePath, ReadFile Read, LedgerFile File, Submission Submission, string Destination, string? Temp);

    /// <summary>
    /// Step 1: reads, judges and copies one file. Returns its result when it is finished here (left
    /// in the inbox, gone, failed), else what its batch commits; its stored name stays reserved until then.
    /// </summary>
    private (TakeResult? Result, Prepared? Prepared) Prepare(int index, string fullPath, string relativePath, Func<Submission, Submission>? park)
    {
        relativePath = relativePath.Replace('\\', '/');
        var read = Read(fullPath, relativePath);
        if (read.Refusal is { } refusal)
        {
            _log.LogWarning("Refused {File} ({Reason}): left in the inbox, not read", Printable.Name(relativePath), refusal.Code);
            var inPlace = InboxRefusals.AsSubmission(InboxRefusals.InboxPrefix + relativePath, refusal, new DateTimeOffset(read.ModifiedUtc, TimeSpan.Zero));
            return (new TakeResult(relativePath, TakeStatus.LeftInPlace, Submission: inPlace), null);
        }
        if (read.Status is not null) return (new TakeResult(relativePath, read.Status.Value), null);
        if (_ledger.FindStored(relativePath, read.Sha256) is { } earlier)
        {
            // Taken already; only its removal from the inbox failed before. Finish that.
            if (RemoveFromInbox(fullPath, relativePath, read.Identity))
            {
                DurableDirectory.Flush(Path.GetDirectoryName(fullPath)!);
                _ledger.MarkDone([earlier.Id], _time.GetUtcNow());
            }
            return (new TakeResult(relativePath, TakeStatus.Gone), null);
        }

        string stored;
        string? ours = null;
        lock (_names)
        {
            stored = StoredNames.Choose(StoredNames.Safe(relativePath), c => IsUsedBySomeoneElse(c, read, ref ours), IsFolderBlocked);
            _reserved.Add(stored);
        }
        string? temp = null;
        string? destination = null;
        try
        {
            var modified = new DateTimeOffset(read.ModifiedUtc, TimeSpan.Zero);
            var submission = Judge(read, stored, modified);
            var file = new LedgerFile
            {
                InboxPath = relativePath,
                StoredPath = stored,
                Sha256 = read.Sha256,
                Size = read.Size,
                ModifiedAt = modified,
                ReceivedAt = _time.GetUtcNow(),
                Stage = FileStage.Stored,
                Outcome = submission.IsRejected ? FileOutcome.Rejected : FileOutcome.Archived,
                Rejection = submission.Rejection,
            };
            destination = file.StoredFullPath(_folders.Archive, _folders.Rejected);
            if (ours == stored && File.Exists(destination))
                _log.LogWarning("{File} was copied to {Destination} before an interruption; that copy is kept", Printable.Name(relativePath), Printable.Name(destination));
            else
                temp = Copy(read, fullPath, destination, _inbox);
            var kept = submission with { Source = submission.Source with { Open = () => File.OpenRead(destination) } };
            if (park is not null) kept = park(kept);
            return (null, new Prepared(index, fullPath, relativePath, read with { Bytes = null }, file, kept, destination, temp));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            _log.LogError(e, "Could not copy {File}; it stays in the inbox", Printable.Name(relativePath));
            if (temp is not null) TryDelete(temp);
            lock (_names) _reserved.Remove(stored);
            return (new TakeResult(relativePath, TakeStatus.Failed) { Error = e, Destination = destination }, null);
        }
        catch
        {
            if (temp is not null) TryDelete(temp);
            lock (_names) _reserved.Remove(stored);
            throw;
        }
    }

    /// <summary>
    /// Steps 2 to 4 for a batch: rename each copy into place, flush each destination folder once,
    /// record the batch in one durable transaction, remove the originals, flush each inbox folder
    /// once, mark them Done.
    /// </summary>
    private List<(int Index, TakeResult Result)> Commit(IReadOnlyList<Prepared> batch)
    {
        var results = new List<(int, TakeResult)>(batch.Count);
        if (batch.Count == 0) return results;
        lock (_commit)
        {
            var placed = new List<Prepared>(batch.Count);
            try
            {
                foreach (var p in batch)
                {
                    var moved = false;
                    try
                    {
                        if (p.Temp is not null)
                        {
                            File.Move(p.Temp, p.Destination, overwrite: false);
                            moved = true;
                        }
                        if (p.File.Outcome == FileOutcome.Rejected && (moved || !File.Exists(ErrorNote.PathFor(p.Destination))))
                            ErrorNote.Write(p.Destination, p.File, _pipeline.Options.TimeZone, flushFolder: false);
                        placed.Add(p);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        _log.LogError(e, "Could not move {File} to {Destination}; it stays in the inbox", Printable.Name(p.RelativePath), Printable.Name(p.Destination));
                        if (p.Temp is not null) TryDelete(p.Temp);
                        if (moved) TryDelete(p.Destination);
                        results.Add((p.Index, new TakeResult(p.RelativePath, TakeStatus.Failed) { Error = e, Destination = p.Destination }));
                    }
                }
                try
                {
                    DurableDirectory.Flush(placed.Select(p => Path.GetDirectoryName(p.Destination)!));
                }
                catch (IOException e)
                {
                    // Not recorded: the originals stay, and their copies are kept when they are taken again.
                    _log.LogError(e, "The archive could not be flushed to disk; {Count} files stay in the inbox", placed.Count);
                    results.AddRange(placed.Select(p => (p.Index, new TakeResult(p.RelativePath, TakeStatus.Failed) { Error = e, Destination = p.Destination })));
                    return results;
                }
                var ids = _ledger.Record(placed.Select(p => p.File).ToList(), _time.GetUtcNow());
                placed = placed.Select((p, i) => p with { File = p.File with { Id = ids[i] } }).ToList();
            }
            finally
            {
                lock (_names)
                    foreach (var p in batch) _reserved.Remove(p.File.StoredPath);
            }

            var removed = placed.Where(p => RemoveFromInbox(p.FullPath, p.RelativePath, p.Read.Identity)).ToList();
            try
            {
                DurableDirectory.Flush(removed.Select(p => Path.GetDirectoryName(p.FullPath)!));
                _ledger.MarkDone(removed.Select(p => p.File.Id).ToList(), _time.GetUtcNow());
            }
            catch (IOException e)
            {
                // Left Stored: recovery (or the next take) finds the originals gone and marks them Done.
                _log.LogWarning("The inbox could not be flushed to disk ({Error}); the files stay Stored until the next start", e.GetType().Name);
                removed = [];
            }
            var isDone = removed.Select(p => p.File.Id).ToHashSet();
            foreach (var p in placed)
            {
                var file = p.File with { Stage = isDone.Contains(p.File.Id) ? FileStage.Done : FileStage.Stored };
                var submission = p.Submission;
                if (file.Outcome == FileOutcome.Rejected)
                    _log.LogWarning("Refused {File}: {Reason} ({Code}); moved to rejected/{Stored}", Printable.Name(p.RelativePath), submission.Rejection!.MessageEn, submission.Rejection.Code, Printable.Name(file.StoredPath));
                else
                    _log.LogInformation("Archived {File} as {Stored}: {Role}, {Rows} rows, {Notes} to review", Printable.Name(p.RelativePath), Printable.Name(file.StoredPath), submission.Role, submission.RowCount, submission.Notes.Count);
                results.Add((p.Index, new TakeResult(p.RelativePath, file.Outcome == FileOutcome.Archived ? TakeStatus.Archived : TakeStatus.Rejected, file, submission)));
            }
        }
        return results;
    }

    /// <summary>
    /// Checks what the ledger says against what is on disk, and finishes or undoes every take a kill
    /// or a power cut interrupted, then sweeps temporary files. Run it holding the state lock, before
    /// taking anything.
    /// <list type="bullet">
    /// <item>a file being taken (the ledger's Taking, from an earlier version): finished when its copy is
    /// whole, else forgotten so that its original, still in the inbox, is taken again;</item>
    /// <item>a stored file missing from archive/ or rejected/ (the ledger ahead of the disk: its rename was
    /// lost): renamed into place from its flushed temporary copy, else forgotten when the inbox still
    /// holds the original, else left to be listed as missing;</item>
    /// <item>a refused file without its error note: the note is written;</item>
    /// <item>a Stored file whose original is still in the inbox: the original is removed; then it is Done.</item>
    /// </list>
    /// A copy the ledger is behind on (renamed, never recorded) is kept when its original is taken again.
    /// </summary>
    public RecoveryReport Recover()
    {
        int finished = 0, undone = 0, removed = 0;
        var written = new HashSet<string>(StringComparer.Ordinal);
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        var done = new List<long>();
        foreach (var row in _ledger.Files())
        {
            var file = row;
            var destination = file.StoredFullPath(_folders.Archive, _folders.Rejected);
            var original = Path.Combine(_folders.Inbox, file.InboxPath.Replace('/', Path.DirectorySeparatorChar));
            var whole = File.Exists(destination) && (file.Stage != FileStage.Taking || SourceFile.HashFile(destination) == file.Sha256);
            if (!whole && RestoreFromTemporary(file, destination))
            {
                _log.LogWarning("{Destination} was missing; its flushed temporary copy was renamed into place", Printable.Name(destination));
                written.Add(Path.GetDirectoryName(destination)!);
                whole = true;
                if (file.Stage != FileStage.Taking) finished++;
            }
            if (!whole)
            {
                if (file.Stage == FileStage.Taking)
                {
                    // No complete copy: the original is still in the inbox and is taken again.
                    if (File.Exists(destination))
                        _log.LogWarning("{Destination} is not the copy of {File} the ledger expects; it is left as it is", Printable.Name(destination), Printable.Name(file.InboxPath));
                    _ledger.Forget(file.Id);
                    undone++;
                }
                else if (IsInboxCopy(original, file))
                {
                    _log.LogWarning("{Destination} was lost after the ledger recorded it; {File} is taken again from the inbox", Printable.Name(destination), Printable.Name(file.InboxPath));
                    _ledger.ForgetLost(file.Id);
                    undone++;
                }
                else
                    _log.LogError("The stored copy of {File} is missing and the inbox no longer holds it", Printable.Name(file.StoredPath));
                continue;
            }
            if (file.Stage == FileStage.Taking)
            {
                _ledger.MarkStored(file.Id, _time.GetUtcNow());
                file = file with { Stage = FileStage.Stored };
                finished++;
            }
            if (file.Outcome == FileOutcome.Rejected && !File.Exists(ErrorNote.PathFor(destination)))
            {
                ErrorNote.Write(destination, file, _pipeline.Options.TimeZone, flushFolder: false);
                written.Add(Path.GetDirectoryName(destination)!);
            }
            if (file.Stage == FileStage.Done) continue;
            if (IsInboxCopy(original, file))
            {
                Delete(original);
                emptied.Add(Path.GetDirectoryName(original)!);
                removed++;
            }
            done.Add(file.Id);
            if (row.Stage == FileStage.Stored) finished++;
        }
        DurableDirectory.Flush(written);
        DurableDirectory.Flush(emptied);
        _ledger.MarkDone(done, _time.GetUtcNow());
        var swept = TempFiles.Sweep(_folders.Archive, recursive: true)
            + TempFiles.Sweep(_folders.Rejected, recursive: true)
            + TempFiles.Sweep(_folders.Output, recursive: false);
        var report = new RecoveryReport(finished, undone, removed, swept);
        if (report.Any)
            _log.LogWarning("Recovered after an interruption: {Finished} moves finished, {Undone} undone, {Removed} inbox copies removed, {Swept} temporary files swept",
                finished, undone, removed, swept);
        return report;
    }

    /// <summary>Renames a whole flushed temporary copy of <paramref name="file"/> (same size and hash) into place; false when there is none.</summary>
    private static bool RestoreFromTemporary(LedgerFile file, string destination)
    {
        var folder = Path.GetDirectoryName(destination)!;
        if (!Directory.Exists(folder)) return false;
        var prefix = "." + Path.GetFileName(destination) + ".";
        foreach (var temp in Directory.EnumerateFiles(folder, ".*.taking"))
        {
            var name = Path.GetFileName(temp);
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !TempFiles.IsOurs(name)) continue;
            try
            {
                if (new FileInfo(temp).Length != file.Size || SourceFile.HashFile(temp) != file.Sha256) continue;
                File.Move(temp, destination, overwrite: false);
                return true;
            }
            catch (IOException)
            {
                // Another candidate, or none.
            }
        }
        return false;
    }

    // A name is used by a file or a folder of that name, here or in a take under way; a folder on the
    // way is blocked by a file of its name. Compared ignoring case, as a Windows share does.
    private bool IsUsed(string candidate) =>
        _reserved.Contains(candidate)
        || _reserved.Any(r => r.StartsWith(candidate + "/", StringComparison.OrdinalIgnoreCase))
        || _ledger.IsStoredPathUsed(candidate)
        || _ledger.IsStoredFolderUsed(candidate)
        || Path.Exists(Path.Combine(_folders.Archive, candidate))
        || Path.Exists(Path.Combine(_folders.Rejected, candidate))
        || Path.Exists(Path.Combine(_folders.Rejected, candidate + ErrorNote.Suffix));

    /// <summary>
    /// <see cref="IsUsed"/>, except for a copy of these very bytes under this name that the ledger
    /// never recorded (renamed into place, then interrupted before the ledger commit): that name is
    /// the file's own, noted in <paramref name="ours"/>.
    /// </summary>
    private bool IsUsedBySomeoneElse(string candidate, ReadFile read, ref string? ours)
    {
        if (!IsUsed(candidate)) return false;
        if (ours is not null || _reserved.Contains(candidate) || _ledger.IsStoredPathUsed(candidate) || _ledger.IsStoredFolderUsed(candidate)) return true;
        foreach (var folder in new[] { _folders.Archive, _folders.Rejected })
        {
            var path = Path.Combine(folder, candidate.Replace('/', Path.DirectorySeparatorChar));
            try
            {
                if (File.Exists(path) && new FileInfo(path).Length == read.Size && SourceFile.HashFile(path) == read.Sha256)
                {
                    ours = candidate;
                    return false;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not readable: someone else's.
            }
        }
        return true;
    }

    private bool IsFolderBlocked(string folder) =>
        _reserved.Contains(folder)
        || _ledger.IsStoredPathUsed(folder)
        || File.Exists(Path.Combine(_folders.Archive, folder))
        || File.Exists(Path.Combine(_folders.Rejected, folder));

    private sealed record ReadFile(TakeStatus? Status, long Size = 0, DateTime ModifiedUtc = default, string Sha256 = "", byte[]? Bytes = null,
        FileIdentity Identity = default, Rejection? Refusal = null);

    /// <summary>
    /// Reads the file once, without following a link and denying writers while it is read; a file
    /// changed meanwhile is not taken, one that must not be read is refused where it is.
    /// </summary>
    private ReadFile Read(string fullPath, string relativePath)
    {
        try
        {
            byte[]? bytes = null;
            string sha;
            FileIdentity opened;
            using (var file = _inbox.Open(fullPath))
            {
                opened = file.Identity;
                var loaded = SourceLoader.Read(_pipeline, file.Stream, opened.Size);
                if (loaded.Grew) return new ReadFile(TakeStatus.Changed);
                (bytes, sha) = (loaded.Bytes, loaded.Sha256);
            }
            var after = NoFollow.Lstat(fullPath);
            if (after.Kind == EntryKind.Missing) return new ReadFile(TakeStatus.Gone);
            if (!after.Unchanged(opened) || (bytes is not null && bytes.Length != after.Size))
                return new ReadFile(TakeStatus.Changed);
            return new ReadFile(null, after.Size, after.ModifiedUtc, sha, bytes, after);
        }
        catch (InboxRefusedException e)
        {
            return new ReadFile(TakeStatus.LeftInPlace, ModifiedUtc: Modified(fullPath), Refusal: e.Rejection);
        }
        catch (PathTooLongException)
        {
            return new ReadFile(TakeStatus.LeftInPlace, Refusal: InboxRefusals.PathTooLong(fullPath.Length));
        }
        catch (InboxEntryChangedException)
        {
            return new ReadFile(TakeStatus.Changed);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new ReadFile(TakeStatus.Gone);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogDebug("{File} cannot be opened yet ({Error}); it is tried again later", Printable.Name(relativePath), e.GetType().Name);
            return new ReadFile(TakeStatus.Busy);
        }
    }

    /// <summary>The entry's own time (a link's, not its target's), for 取込履歴.</summary>
    private static DateTime Modified(string fullPath)
    {
        try
        {
            return NoFollow.Lstat(fullPath).ModifiedUtc;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DateTime.UnixEpoch;
        }
    }

    /// <summary>Whether the inbox still holds the very bytes the ledger stored, read without following a link.</summary>
    private bool IsInboxCopy(string original, LedgerFile file)
    {
        try
        {
            using var opened = _inbox.Open(original);
            return opened.Identity.Size == file.Size && SourceFile.Hash(opened.Stream) == file.Sha256;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone, a link, or replaced by another file: not the stored one, so it stays.
            return false;
        }
    }

    private Submission Judge(ReadFile read, string stored, DateTimeOffset modified)
    {
        var source = SourceLoader.Source(stored, read.Sha256, read.Size, modified, () => throw new InvalidOperationException("The file is read from memory."));
        try
        {
            return SourceLoader.Ingest(_pipeline, source, read.Bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The pipeline refuses bad files itself; anything that still escapes refuses this file only.
            // The message is not logged: it could quote the file's contents.
            _log.LogError("Reading {File} failed with {Error}", Printable.Name(stored), e.GetType().Name);
            return new Submission { Source = source, Format = "", Rejection = Core.Reading.Rejections.Damaged(e) };
        }
    }

    /// <summary>
    /// Writes the copy beside its destination from the bytes that were hashed, dates it and flushes
    /// it; returns the temporary file, renamed into place when its batch commits. A file too large to
    /// hold is read again and hashed as it is copied.
    /// </summary>
    private static string Copy(ReadFile read, string fullPath, string destination, InboxReader inbox)
    {
        DurableDirectory.Create(Path.GetDirectoryName(destination)!);
        var temp = TempFiles.Taking(destination, Random.Shared.NextInt64(1, long.MaxValue));
        try
        {
            using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920);
            if (read.Bytes is not null)
                output.Write(read.Bytes);
            else
            {
                // Too large to hold: read again, as the file that was hashed or not at all.
                using var input = inbox.Open(fullPath, read.Identity);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                for (int n; (n = input.Stream.Read(buffer)) > 0;)
                {
                    hash.AppendData(buffer, 0, n);
                    output.Write(buffer, 0, n);
                }
                if (Convert.ToHexStringLower(hash.GetHashAndReset()) != read.Sha256)
                    throw new InvalidDataException("The copy does not hash to the bytes read.");
            }
            output.Flush();
            File.SetLastWriteTimeUtc(output.SafeFileHandle, read.ModifiedUtc);
            output.Flush(flushToDisk: true);
            return temp;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Removes the original once its copy is safe. False when it could not be removed: the ledger
    /// keeps the file as Stored and the next attempt (or start) finishes the move.
    /// </summary>
    private bool RemoveFromInbox(string fullPath, string relativePath, FileIdentity taken)
    {
        FileIdentity now;
        try
        {
            now = NoFollow.Lstat(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogWarning("{File} is stored but could not be removed from the inbox yet ({Error})", Printable.Name(relativePath), e.GetType().Name);
            return false;
        }
        if (now.Kind == EntryKind.Missing) return true;
        if (!now.Unchanged(taken))
        {
            _log.LogWarning("{File} was replaced while it was taken; the new version stays in the inbox", Printable.Name(relativePath));
            return true;
        }
        try
        {
            Delete(fullPath);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogWarning("{File} is stored but could not be removed from the inbox yet ({Error})", Printable.Name(relativePath), e.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// Removes an inbox entry, never changing the mode of anything: on Linux removing a name needs no
    /// right on the file itself; on Windows a read-only file is made writable first, but only a file
    /// of its own (a reparse point is removed as it is, never its target).
    /// </summary>
    private static void Delete(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var attributes = File.GetAttributes(path);
            if (attributes.HasFlag(FileAttributes.ReadOnly) && !attributes.HasFlag(FileAttributes.ReparsePoint))
                File.SetAttributes(path, attributes & ~FileAttributes.ReadOnly);
        }
        File.Delete(path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Swept at the next start.
        }
    }
}
