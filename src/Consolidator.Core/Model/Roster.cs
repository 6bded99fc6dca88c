using Consolidator.Core.Normalising;

namespace Consolidator.Core.Model;

/// <summary>
/// One auditor or vendor the office expects a submission from (提出予定): from the settings
/// (Templates:Auditors / Templates:Vendors) or from a 提出予定 sheet in the master list.
/// Matched to submitters by the same identity as supersession (<see cref="SubmitterNames"/>):
/// an auditor by the person, a vendor by the organisation.
/// </summary>
public sealed record ExpectedSubmitter
{
    /// <summary>The auditor's name (a title may follow in brackets) or the vendor's organisation.</summary>
    public required string Name { get; init; }

    /// <summary><see cref="SubmissionRole.Auditor"/> or <see cref="SubmissionRole.Vendor"/>.</summary>
    public required SubmissionRole Role { get; init; }

    /// <summary>Item ids (5-2) or prefixes (5-*) assigned; none means every item of the audit.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>提出期限, a date in the office's time zone; null when none was given.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>Only this audit's target (settings); null for every audit.</summary>
    public string? Target { get; init; }

    /// <summary>Only this fiscal year (settings); null for every year.</summary>
    public int? FiscalYear { get; init; }

    /// <summary>Where the entry was written: a setting (Templates:Auditors:0) or a cell (file!提出予定!A4).</summary>
    public string Origin { get; init; } = "";

    /// <summary>The identity the entry is matched by: the person for an auditor, the organisation for a vendor.</summary>
    public string Identity => Role == SubmissionRole.Auditor ? SubmitterNames.PersonKey(Name) : SubmitterNames.OrganisationKey(Name);

    /// <summary>Whether the entry concerns the audit: it names no target or year, or the audit's.</summary>
    public bool AppliesTo(AuditKey key) =>
        (Target is null || new AuditKey(Target, key.FiscalYear).Equals(key)) && (FiscalYear is null || FiscalYear == key.FiscalYear);
}

/// <summary>Where an expected submitter stands: 未提出, 一部, 完了; a submitter not on the roster is 名簿外.</summary>
public enum SubmitterState
{
    /// <summary>未提出: nothing received.</summary>
    Missing,
    /// <summary>一部: received, but not every assigned item is answered or judged.</summary>
    Partial,
    /// <summary>完了: every assigned item answered or judged.</summary>
    Complete,
    /// <summary>名簿外: a submission from someone the roster does not name.</summary>
    Unexpected,
}

public static class SubmitterStateExtensions
{
    public static string Label(this SubmitterState state) => state switch
    {
        SubmitterState.Missing => "未提出",
        SubmitterState.Partial => "一部",
        SubmitterState.Complete => "完了",
        SubmitterState.Unexpected => "名簿外",
        _ => state.ToString(),
    };

    public static string English(this SubmitterState state) => state switch
    {
        SubmitterState.Missing => "missing",
        SubmitterState.Partial => "partial",
        SubmitterState.Complete => "complete",
        SubmitterState.Unexpected => "unexpected",
        _ => state.ToString(),
    };
}

/// <summary>A file received from a submitter, with its time (the file's own, as 取込履歴 shows it) and what became of it.</summary>
public sealed record ReceivedFile(string Path, DateTimeOffset ModifiedAt, FileStatus Status);

/// <summary>One line of 提出状況: an expected submitter (or one not on the roster) and what was received.</summary>
public sealed record SubmitterStatus
{
    public required string Name { get; init; }
    public required SubmissionRole Role { get; init; }
    public required SubmitterState State { get; init; }

    /// <summary>The item patterns as the roster gives them; none is every item.</summary>
    public IReadOnlyList<string> ItemPatterns { get; init; } = [];

    /// <summary>Items of the audit assigned (for a submitter not on the roster: the items its files hold).</summary>
    public int Assigned { get; init; }

    /// <summary>Assigned items this submitter judged (a valid judgment) or answered (an answer other than 未回答 or an invalid one).</summary>
    public int Done { get; init; }

    public IReadOnlyList<ReceivedFile> Files { get; init; } = [];
    public DateOnly? Due { get; init; }

    /// <summary>True when the due date has passed (in the office's time zone) and the submitter is not 完了.</summary>
    public bool Overdue { get; init; }

    /// <summary>Where the roster entry came from; empty for a submitter not on the roster.</summary>
    public string Origin { get; init; } = "";

    /// <summary>The latest file received, by its time.</summary>
    public DateTimeOffset? LastReceived => Files.Count == 0 ? null : Files.Max(f => f.ModifiedAt);
}

/// <summary>Counts of one role, or of all: 予定, 完了, 一部, 未提出 (うち期限超過), 名簿外.</summary>
public sealed record RosterCounts(int Expected, int Complete, int Partial, int Missing, int Overdue, int Unexpected);

/// <summary>
/// 提出状況 of one audit: every expected submitter with its state, then the submitters the roster
/// does not name, and the day the due dates were compared with. Null on an audit without a roster.
/// The counts are what 総括, <c>status</c>, the mail and the report draft show.
/// </summary>
public sealed record RosterReport(IReadOnlyList<SubmitterStatus> Entries, DateOnly Today)
{
    public RosterCounts Counts => CountsOf(Entries);

    public RosterCounts CountsFor(SubmissionRole role) => CountsOf(Entries.Where(e => e.Role == role));

    /// <summary>Expected auditors from whom nothing was received: each keeps the audit 暫定.</summary>
    public IReadOnlyList<SubmitterStatus> MissingAuditors => Entries.Where(e => e.Role == SubmissionRole.Auditor && e.State == SubmitterState.Missing).ToList();

    private static RosterCounts CountsOf(IEnumerable<SubmitterStatus> entries)
    {
        var list = entries.ToList();
        return new RosterCounts(
            list.Count(e => e.State != SubmitterState.Unexpected),
            list.Count(e => e.State == SubmitterState.Complete),
            list.Count(e => e.State == SubmitterState.Partial),
            list.Count(e => e.State == SubmitterState.Missing),
            list.Count(e => e.Overdue),
            list.Count(e => e.State == SubmitterState.Unexpected));
    }
}
