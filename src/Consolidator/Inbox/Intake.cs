using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Ledger;
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
/// Takes files out of the inbox without ever losing one (SPEC §7). Each file goes through
/// steps committed in the ledger one after the other:
/// <list type="number">
/// <item>read once (opened without following a link, so that no one can write it meanwhile:
/// <see cref="InboxReader"/>), hashed, judged by the pipeline;</item>
/// <item>ledger: Taking — the destination (archive/ or rejected/) and the reason are recorded;</item>
/// <item>the bytes read are written to a temporary file beside the destination, flushed to disk,
/// given the original modification time, renamed into place and read back to check the hash;
/// a refused file gets its <c>&lt;name&gt;.error.txt</c>;</item>
/// <item>ledger: Stored;</item>
/// <item>the original is removed from the inbox, unless it changed since it was read;</item>
/// <item>ledger: Done.</item>
/// </list>
/// <see cref="Recover"/> finishes or undoes whatever a crash interrupted, so a restart after a
/// kill at any point neither loses a file nor takes one twice.
/// </summary>
public sealed class Intake
{
    private readonly Consolidation _pipeline;
    private readonly FileLedger _ledger;
    private readonly WorkerFolders _folders;
    private readonly TimeProvider _time;
    private readonly ILogger<Intake> _log;
    private readonly Lock _names = new();
    private readonly HashSet<string> _reserved = new(StringComparer.OrdinalIgnoreCase);
    private readonly InboxReader _inbox;

    public Intake(Consolidation pipeline, FileLedger ledger, WorkerFolders folders, TimeProvider time, ILogger<Intake> log)
    {
        _pipeline = pipeline;
        _ledger = ledger;
        _folders = folders;
        _time = time;
        _log = log;
        _inbox = new InboxReader(folders.Inbox);
    }

    /// <summary>
    /// Takes the given inbox files, several at once. Cancelling lets the files in hand finish and starts
    /// no other. <paramref name="park"/>, when given, is applied to each submission read as soon as its
    /// file is taken (<see cref="SubmissionStore.Park"/>), so a large inbox is not held row by row.
    /// </summary>
    public IReadOnlyList<TakeResult> TakeAll(IReadOnlyList<(string FullPath, string RelativePath)> files, CancellationToken cancel, Action<TakeResult>? taken = null,
        Func<Submission, Submission>? park = null)
    {
        var results = new TakeResult?[files.Count];
        try
        {
            Parallel.For(0, files.Count, new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, _pipeline.Options.MaxParallelism),
                CancellationToken = cancel,
            }, i =>
            {
                var r = Take(files[i].FullPath, files[i].RelativePath);
                if (park is not null && r.Submission is { } s) r = r with { Submission = park(s) };
                results[i] = r;
                taken?.Invoke(r);
            });
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The files in hand finished; the rest stay in the inbox untouched.
        }
        return results.Where(r => r is not null).Select(r => r!).ToList();
    }

    /// <summary>Takes one file. Never throws for a bad file; a file that cannot be taken now stays in the inbox.</summary>
    public TakeResult Take(string fullPath, string relativePath)
    {
        relativePath = relativePath.Replace('\\', '/');
        var read = Read(fullPath, relativePath);
        if (read.Refusal is { } refusal)
        {
            _log.LogWarning("Refused {File} ({Reason}): left in the inbox, not read", Printable.Name(relativePath), refusal.Code);
            var inPlace = InboxRefusals.AsSubmission(InboxRefusals.InboxPrefix + relativePath, refusal, new DateTimeOffset(read.ModifiedUtc, TimeSpan.Zero));
            return new TakeResult(relativePath, TakeStatus.LeftInPlace, Submission: inPlace);
        }
        if (read.Status is not null) return new TakeResult(relativePath, read.Status.Value);
        if (_ledger.FindStored(relativePath, read.Sha256) is { } earlier)
        {
            // Taken already; only its removal from the inbox failed before. Finish that.
            if (RemoveFromInbox(fullPath, relativePath, read.Identity))
                _ledger.MarkDone(earlier.Id, _time.GetUtcNow());
            return new TakeResult(relativePath, TakeStatus.Gone);
        }

        string stored;
        lock (_names)
        {
            stored = StoredNames.Choose(StoredNames.Safe(relativePath), IsUsed, IsFolderBlocked);
            _reserved.Add(stored);
        }
        LedgerFile file;
        Submission submission;
        try
        {
            var modified = new DateTimeOffset(read.ModifiedUtc, TimeSpan.Zero);
            submission = Judge(read, stored, modified);
            file = new LedgerFile
            {
                InboxPath = relativePath,
                StoredPath = stored,
                Sha256 = read.Sha256,
                Size = read.Size,
                ModifiedAt = modified,
                ReceivedAt = _time.GetUtcNow(),
                Outcome = submission.IsRejected ? FileOutcome.Rejected : FileOutcome.Archived,
                Rejection = submission.Rejection,
            };
            file = file with { Id = _ledger.Begin(file), Stage = FileStage.Taking };
        }
        finally
        {
            lock (_names) _reserved.Remove(stored);
        }

        var destination = file.StoredFullPath(_folders.Archive, _folders.Rejected);
        var moved = false;
        try
        {
            Store(read, fullPath, destination, file.Id, _inbox);
            moved = true;
            if (file.Outcome == FileOutcome.Rejected)
                ErrorNote.Write(destination, file, _pipeline.Options.TimeZone);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            _log.LogError(e, "Could not copy {File} to {Destination}; it stays in the inbox", Printable.Name(relativePath), Printable.Name(destination));
            TryDelete(TempFiles.Taking(destination, file.Id));
            if (moved) TryDelete(destination);
            _ledger.Forget(file.Id);
            return new TakeResult(relativePath, TakeStatus.Failed) { Error = e, Destination = destination };
        }
        _ledger.MarkStored(file.Id, _time.GetUtcNow());

        if (RemoveFromInbox(fullPath, relativePath, read.Identity))
        {
            _ledger.MarkDone(file.Id, _time.GetUtcNow());
            file = file with { Stage = FileStage.Done };
        }
        else file = file with { Stage = FileStage.Stored };

        if (file.Outcome == FileOutcome.Rejected)
            _log.LogWarning("Refused {File}: {Reason} ({Code}); moved to rejected/{Stored}", Printable.Name(relativePath), submission.Rejection!.MessageEn, submission.Rejection.Code, Printable.Name(stored));
        else
            _log.LogInformation("Archived {File} as {Stored}: {Role}, {Rows} rows, {Notes} to review", Printable.Name(relativePath), Printable.Name(stored), submission.Role, submission.RowCount, submission.Notes.Count);
        var kept = submission with { Source = submission.Source with { Open = () => File.OpenRead(destination) } };
        return new TakeResult(relativePath, file.Outcome == FileOutcome.Archived ? TakeStatus.Archived : TakeStatus.Rejected, file, kept);
    }

    /// <summary>
    /// Finishes or undoes every take a crash interrupted, then sweeps temporary files. Run it
    /// holding the state lock, before taking anything.
    /// </summary>
    public RecoveryReport Recover()
    {
        int finished = 0, undone = 0, removed = 0;
        foreach (var row in _ledger.Unfinished())
        {
            var file = row;
            var destination = file.StoredFullPath(_folders.Archive, _folders.Rejected);
            if (file.Stage == FileStage.Taking)
            {
                if (File.Exists(destination) && SourceFile.HashFile(destination) == file.Sha256)
                {
                    // The copy was renamed into place before the crash: it is whole.
                    if (file.Outcome == FileOutcome.Rejected && !File.Exists(ErrorNote.PathFor(destination)))
                        ErrorNote.Write(destination, file, _pipeline.Options.TimeZone);
                    _ledger.MarkStored(file.Id, _time.GetUtcNow());
                    file = file with { Stage = FileStage.Stored };
                    finished++;
                }
                else
                {
                    // No complete copy: the original is still in the inbox and is taken again.
                    if (File.Exists(destination))
                        _log.LogWarning("{Destination} is not the copy of {File} the ledger expects; it is left as it is", Printable.Name(destination), Printable.Name(file.InboxPath));
                    _ledger.Forget(file.Id);
                    undone++;
                    continue;
                }
            }
            var original = Path.Combine(_folders.Inbox, file.InboxPath.Replace('/', Path.DirectorySeparatorChar));
            if (IsInboxCopy(original, file))
            {
                Delete(original);
                removed++;
            }
            _ledger.MarkDone(file.Id, _time.GetUtcNow());
            if (row.Stage == FileStage.Stored) finished++;
        }
        var swept = TempFiles.Sweep(_folders.Archive, recursive: true)
            + TempFiles.Sweep(_folders.Rejected, recursive: true)
            + TempFiles.Sweep(_folders.Output, recursive: false);
        var report = new RecoveryReport(finished, undone, removed, swept);
        if (report.Any)
            _log.LogWarning("Recovered after an interruption: {Finished} moves finished, {Undone} undone, {Removed} inbox copies removed, {Swept} temporary files swept",
                finished, undone, removed, swept);
        return report;
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
                var stream = file.Stream;
                if (opened.Size > _pipeline.Options.Limits.MaxFileBytes)
                    sha = SourceFile.Hash(stream);
                else
                {
                    bytes = new byte[opened.Size];
                    stream.ReadExactly(bytes);
                    if (stream.ReadByte() != -1) return new ReadFile(TakeStatus.Changed);
                    sha = SourceFile.Hash(bytes);
                }
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
        var source = new SourceFile(stored, read.Sha256, read.Size, modified, () => throw new InvalidOperationException("The file is read from memory."));
        if (read.Bytes is null)
        {
            var limit = _pipeline.Options.Limits.MaxFileBytes;
            return new Submission
            {
                Source = source,
                Format = "",
                Rejection = Core.Reading.Rejections.FileTooLarge(read.Size, limit),
            };
        }
        using var stream = new MemoryStream(read.Bytes, writable: false);
        try
        {
            return _pipeline.Ingest(source, stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The pipeline refuses bad files itself; anything that still escapes refuses this file only.
            // The message is not logged: it could quote the file's contents.
            _log.LogError("Reading {File} failed with {Error}", Printable.Name(stored), e.GetType().Name);
            return new Submission { Source = source, Format = "", Rejection = Core.Reading.Rejections.Damaged(e) };
        }
    }

    /// <summary>Writes the copy beside its destination, flushes it, dates it, renames it into place and checks its hash.</summary>
    private static void Store(ReadFile read, string fullPath, string destination, long id, InboxReader inbox)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temp = TempFiles.Taking(destination, id);
        using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920))
        {
            if (read.Bytes is not null)
                output.Write(read.Bytes);
            else
            {
                // Too large to hold: read again, as the file that was hashed or not at all.
                using var input = inbox.Open(fullPath, read.Identity);
                input.Stream.CopyTo(output);
            }
            output.Flush(flushToDisk: true);
        }
        File.SetLastWriteTimeUtc(temp, read.ModifiedUtc);
        if (SourceFile.HashFile(temp) != read.Sha256)
        {
            File.Delete(temp);
            throw new InvalidDataException("The copy does not hash to the bytes read.");
        }
        File.Move(temp, destination, overwrite: false);
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
