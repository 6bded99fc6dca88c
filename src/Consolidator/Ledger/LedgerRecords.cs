using Consolidator.Core.Model;

namespace Consolidator.Ledger;

/// <summary>
/// How far the move of a file out of the inbox got. A file is recorded once its copy is renamed
/// into place and flushed (Stored), and Done once its original is gone from the inbox, so after a
/// crash or a power cut the ledger and the folders together say what to finish or undo
/// (<see cref="Inbox.Intake.Recover"/>).
/// </summary>
public enum FileStage
{
    /// <summary>
    /// Read and judged; its copy in archive/ or rejected/ may be missing or incomplete. Written by
    /// earlier versions, which recorded a file before copying it; still finished or undone at start.
    /// </summary>
    Taking,
    /// <summary>The copy is complete and its hash checked; the inbox may still hold the original.</summary>
    Stored,
    /// <summary>The inbox no longer holds it.</summary>
    Done,
}

/// <summary>Where a file went: archive/ (readable, its rows count) or rejected/ (with its reason).</summary>
public enum FileOutcome
{
    Archived,
    Rejected,
}

/// <summary>What the ledger remembers of one file.</summary>
public sealed record LedgerFile
{
    public long Id { get; init; }

    /// <summary>Where it was found, relative to the inbox (forward slashes).</summary>
    public required string InboxPath { get; init; }

    /// <summary>
    /// Its path relative to archive/ or rejected/, shown in 取込履歴 and 要確認. The inbox path,
    /// unless an earlier file had that name: then " (2)", " (3)" … before the extension.
    /// </summary>
    public required string StoredPath { get; init; }

    public required string Sha256 { get; init; }
    public required long Size { get; init; }

    /// <summary>The file's own modification time: it decides which of two submissions is newer.</summary>
    public required DateTimeOffset ModifiedAt { get; init; }

    /// <summary>When it was taken from the inbox.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public FileStage Stage { get; init; }
    public required FileOutcome Outcome { get; init; }

    /// <summary>Why it was refused (set when <see cref="Outcome"/> is Rejected).</summary>
    public Rejection? Rejection { get; init; }

    /// <summary>採用 / 旧版 / 重複 / 拒否 as of the last consolidation; null before the first one.</summary>
    public string? Status { get; init; }

    /// <summary>The full path of its copy, given the archive and rejected folders.</summary>
    public string StoredFullPath(string archive, string rejected) =>
        Path.Combine(Outcome == FileOutcome.Archived ? archive : rejected, StoredPath.Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>Why a consolidation ran.</summary>
public enum RunTrigger
{
    /// <summary>Files were taken and the debounce time passed.</summary>
    Change,
    /// <summary>The cron schedule came due.</summary>
    Schedule,
    /// <summary>The <c>run</c> command.</summary>
    Run,
    /// <summary>The worker started with files taken since the last consolidation.</summary>
    Start,
}

/// <summary>One consolidation as the ledger remembers it. <see cref="Summary"/> holds audit keys and counts only.</summary>
public sealed record LedgerRun(
    long Id,
    RunTrigger Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    int Files,
    int Audits,
    int Written,
    string? Summary,
    string? Error);
