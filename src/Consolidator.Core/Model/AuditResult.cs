using Consolidator.Core.Normalising;

namespace Consolidator.Core.Model;

/// <summary>確定 (final) or 暫定 (provisional).</summary>
public enum AuditStatus
{
    Final,
    Provisional,
}

/// <summary>What became of an input file (取込履歴).</summary>
public enum FileStatus
{
    /// <summary>採用: used.</summary>
    Adopted,
    /// <summary>旧版: superseded by a later submission of the same submitter.</summary>
    Superseded,
    /// <summary>重複: the same bytes as another file.</summary>
    Duplicate,
    /// <summary>拒否: cannot be used; the reason says why.</summary>
    Rejected,
    /// <summary>参照: a result workbook this product wrote, read for 前年度比較 and never counted as a submission.</summary>
    Referenced,
}

public static class FileStatusExtensions
{
    public static string Label(this FileStatus status) => status switch
    {
        FileStatus.Adopted => "採用",
        FileStatus.Superseded => "旧版",
        FileStatus.Duplicate => "重複",
        FileStatus.Rejected => "拒否",
        FileStatus.Referenced => "参照",
        _ => status.ToString(),
    };

    public static string Label(this AuditStatus status) => status == AuditStatus.Final ? "確定" : "暫定";
}

/// <summary>One input file in the history: what it was, what became of it and why, and its rows.</summary>
public sealed record InputRecord
{
    public required SourceFile Source { get; init; }
    public required FileStatus Status { get; init; }
    public string Format { get; init; } = "";
    public SubmissionRole Role { get; init; }
    public string Submitter { get; init; } = "";

    /// <summary>What 取込履歴 shows beside the name and never compares: 所属 of an auditor, 回答者 of a vendor.</summary>
    public string SubmitterBeside { get; init; } = "";

    /// <summary>
    /// The key the file's submitter was compared by (監査人 高橋美咲, 事業者 みなと情報システム); a
    /// combined workbook has one per role, joined by " / ". Files with one key are one submitter.
    /// </summary>
    public string SubmitterKey { get; init; } = "";
    public AuditKey? Key { get; init; }
    public DateOnly? SubmittedOn { get; init; }
    public string ReasonJa { get; init; } = "";
    public string ReasonEn { get; init; } = "";
    public int RowsRead { get; init; }
    public int RowsMerged { get; init; }
    public int RowsListed { get; init; }
    public Rejection? Rejection { get; init; }

    /// <summary>The template (id and version) the file was filled from, when it was one of ours.</summary>
    public string? Template { get; init; }
}

/// <summary>One judgment an auditor gave an item, with its cell.</summary>
public sealed record AuditorJudgment(string Auditor, ParsedJudgment Judgment, Field Cell, Field? Finding, Field? Recommendation)
{
    /// <summary>The auditor's judgment per sheet, when the item stands on several sheets of the workbook; <see cref="Judgment"/> is their merge.</summary>
    public IReadOnlyList<ScopeJudgment> Scopes { get; init; } = [];

    /// <summary>
    /// Where the judgment came from, one line per cell: the judgment cell, or for an item on several
    /// sheets each sheet's cell with what it said ("file!Android!G5（〇）"). With <paramref name="only"/>,
    /// only the sheets whose judgment it accepts (指摘事項 names the sheets where the finding was made).
    /// </summary>
    public IEnumerable<string> SourceLines(Func<JudgmentClass, bool>? only = null)
    {
        if (Scopes.Count == 0)
        {
            yield return Cell.Cell.ToString();
            yield break;
        }
        foreach (var s in Scopes)
        {
            if (s.MainCell is not { } cell) continue;
            if (only is not null && !(s.Parsed.Class is { } c && only(c))) continue;
            var said = s.Parsed.Class is { } k ? k.Symbol : s.Parsed.State == JudgmentState.Empty ? "未判定" : "不正";
            yield return $"{cell}（{said}）";
        }
    }
}

/// <summary>One vendor's answer to an item.</summary>
public sealed record VendorAnswerRecord
{
    public required string Vendor { get; init; }
    public string? Person { get; init; }
    public required string ItemId { get; init; }
    public required Field RawId { get; init; }
    public string? ItemText { get; init; }
    public required VendorAnswer Answer { get; init; }
    public Field? AnswerCell { get; init; }
    public string? Detail { get; init; }
    public string? Evidence { get; init; }
    public string? Remarks { get; init; }

    /// <summary>False when the id is not an item of the audit (listed in 要確認).</summary>
    public bool Known { get; init; } = true;

    /// <summary>The answer as written to the result: 実施, 一部実施, 未実施, 該当なし, 未回答, or the original text when invalid.</summary>
    public string AnswerText => Answer == VendorAnswer.Invalid ? AnswerCell?.Text ?? "" : Answer.Label();
}

/// <summary>One item of the audit with its merged judgment.</summary>
public sealed record ResultItem
{
    public required string Id { get; init; }
    public string Category { get; init; } = "";
    public string Text { get; init; } = "";
    public string Basis { get; init; } = "";

    /// <summary>The merged judgment; null when the item is 未判定.</summary>
    public JudgmentClass? Judgment { get; init; }
    public IReadOnlyList<AuditorJudgment> Judgments { get; init; } = [];
    public string Findings { get; init; } = "";
    public string Recommendations { get; init; } = "";

    /// <summary>Original text of invalid judgments, shown beside 未判定.</summary>
    public string InvalidJudgmentText { get; init; } = "";
    public IReadOnlyDictionary<string, VendorAnswerRecord> Answers { get; init; } = new Dictionary<string, VendorAnswerRecord>();
    public CellRef? Source { get; init; }
}

/// <summary>The consolidated audit: everything the result workbook shows.</summary>
public sealed record AuditResult
{
    public required AuditKey Key { get; init; }
    public required JudgmentScale Scale { get; init; }

    /// <summary>True when the master item list fixed the items; false when they are the union of the auditors' items.</summary>
    public bool UniverseFromMaster { get; init; }
    public IReadOnlyList<string> AuditDates { get; init; } = [];

    /// <summary>Auditors' checklists that count; none means nothing was judged and nothing can be concluded.</summary>
    public int AuditorChecklists { get; init; }
    public IReadOnlyList<string> Auditors { get; init; } = [];
    public IReadOnlyList<string> Vendors { get; init; } = [];
    /// <summary>The merged items; setting them (at merge time, or in a copy made with <c>with</c>) counts them into <see cref="Tally"/>.</summary>
    public IReadOnlyList<ResultItem> Items
    {
        get => _items;
        init
        {
            _items = value;
            Tally = Tally.WithItems(value);
        }
    }

    public IReadOnlyList<VendorAnswerRecord> Answers { get; init; } = [];

    /// <summary>要確認; setting them counts them into <see cref="Tally"/>.</summary>
    public IReadOnlyList<ReviewNote> Notes
    {
        get => _notes;
        init
        {
            _notes = value;
            Tally = Tally with { Review = value.Count };
        }
    }

    private readonly IReadOnlyList<ResultItem> _items = [];
    private readonly IReadOnlyList<ReviewNote> _notes = [];
    public IReadOnlyList<InputRecord> Inputs { get; init; } = [];

    /// <summary>
    /// The name its outputs are written under (without extension), given by the consolidation so that
    /// no two audits share a file (<see cref="Writing.OutputNames.Assign"/>); null for a result built
    /// alone, which is named from its key.
    /// </summary>
    public string? OutputStem { get; init; }
    /// <summary>提出状況 against the roster (settings, 提出予定 sheet); null when the audit has no roster.</summary>
    public RosterReport? Roster { get; init; }

    /// <summary>前年度比較 with the latest earlier fiscal year of the same target; null when none is available.</summary>
    public YearComparison? Comparison { get; init; }

    /// <summary>
    /// The counts of the 総括 table, computed when the items and notes are set and kept as they are by
    /// <see cref="Released"/>: an immutable record, never recounted on the way to the outputs.
    /// </summary>
    public AuditCounts Tally { get; private init; } = AuditCounts.None;

    /// <summary>Items per class, in the scale's table order.</summary>
    public IReadOnlyList<(JudgmentClass Class, int Count)> Counts => Scale.Classes.Select(c => (c, Tally.Of(c))).ToList();

    public int Total => Tally.Total;
    public int Pending => Tally.Pending;

    /// <summary>Entries in 要確認 (also after <see cref="Released"/>).</summary>
    public int ReviewCount => Tally.Review;

    /// <summary>
    /// 確定 when every item is judged and nothing is to be reviewed; never when nothing at all was
    /// judged (no auditor's checklist, or every item 未判定), which an empty 要確認 would otherwise pass,
    /// nor while an auditor the roster expects has sent nothing (their items may be missing altogether).
    /// </summary>
    public AuditStatus Status => Pending == 0 && ReviewCount == 0 && Judged && (Roster?.MissingAuditors.Count ?? 0) == 0
        ? AuditStatus.Final : AuditStatus.Provisional;

    /// <summary>True when at least one item has a judgment: only then do the counts say anything about findings.</summary>
    public bool Judged => Total > 0;

    /// <summary>True for a result whose items, answers and notes were let go once its outputs were written.</summary>
    public bool IsReleased { get; private init; }

    /// <summary>
    /// The result without its items, answers and notes — counts, status and inputs kept — for what
    /// follows the writing of a large run (summary lines, overview, mail) without holding every audit.
    /// </summary>
    public AuditResult Released()
    {
        var counted = Tally;
        return this with { Items = [], Answers = [], Notes = [], Comparison = Comparison?.Released(), IsReleased = true, Tally = counted };
    }
}

/// <summary>
/// The counts the 総括 table, the sentence, the mail and the logs show: items per class in the
/// scale's table order, judged (<see cref="Total"/>), 未判定 (<see cref="Pending"/>) and 要確認
/// entries (<see cref="Review"/>). Immutable: computed from the merged items and notes as they are set.
/// </summary>
public sealed record AuditCounts
{
    public static readonly AuditCounts None = new();

    /// <summary>Judged items per class (a class no item has is absent).</summary>
    public IReadOnlyDictionary<JudgmentClass, int> ByClass { get; private init; } = new Dictionary<JudgmentClass, int>();
    public int Total { get; private init; }
    public int Pending { get; private init; }
    public int Review { get; init; }

    public int Of(JudgmentClass c) => ByClass.TryGetValue(c, out var n) ? n : 0;

    /// <summary>These counts with <paramref name="items"/> counted in place of the items counted before.</summary>
    public AuditCounts WithItems(IReadOnlyList<ResultItem> items) => this with
    {
        ByClass = items.Where(i => i.Judgment is not null).GroupBy(i => i.Judgment!).ToDictionary(g => g.Key, g => g.Count()),
        Total = items.Count(i => i.Judgment is not null),
        Pending = items.Count(i => i.Judgment is null),
    };
}

/// <summary>Everything one consolidation produced: one result per audit and the history of every file.</summary>
public sealed record ConsolidationResult(IReadOnlyList<AuditResult> Audits, IReadOnlyList<InputRecord> Files)
{
    /// <summary>The audits the sink could not write (each is still in <see cref="Audits"/>, released).</summary>
    public IReadOnlyList<AuditWriteFailure> WriteFailures { get; init; } = [];
}
