using Consolidator.Core.Normalising;

namespace Consolidator.Core.Model;

/// <summary>What a submission is. One workbook can be both an auditor's checklist and a vendor's pre-answer.</summary>
[Flags]
public enum SubmissionRole
{
    None = 0,
    /// <summary>監査項目一覧: fixes the item universe.</summary>
    Master = 1,
    /// <summary>監査人: judgments.</summary>
    Auditor = 2,
    /// <summary>事業者: pre-answers.</summary>
    Vendor = 4,
    /// <summary>結果ブック: a result workbook (or overview) this product wrote; read for 前年度比較, never a submission.</summary>
    Result = 8,
}

public static class SubmissionRoleExtensions
{
    public static string Label(this SubmissionRole role) => role switch
    {
        SubmissionRole.Master => "監査項目一覧",
        SubmissionRole.Auditor => "監査人",
        SubmissionRole.Vendor => "事業者",
        SubmissionRole.Auditor | SubmissionRole.Vendor => "監査人・事業者",
        SubmissionRole.Result => "結果ブック",
        SubmissionRole.None => "不明",
        _ => role.ToString(),
    };
}

/// <summary>
/// Which audit a file belongs to: the target system (対象業務) and the fiscal year (年度).
/// Targets compare without white space, so 庶務事務 システム and 庶務事務システム are one audit.
/// </summary>
public sealed record AuditKey(string Target, int FiscalYear)
{
    public string TargetKey { get; } = new(Normalising.Text.Nfkc(Target).Where(c => !char.IsWhiteSpace(c)).ToArray());

    public string FiscalYearLabel => JapaneseDates.FiscalYearLabel(FiscalYear);

    public bool Equals(AuditKey? other) => other is not null && other.TargetKey == TargetKey && other.FiscalYear == FiscalYear;

    public override int GetHashCode() => HashCode.Combine(TargetKey, FiscalYear);

    public override string ToString() => $"{Target} {FiscalYearLabel}";
}

/// <summary>A person or an organisation that submits: 監査人 高橋 美咲（監査人）of 監査室, or 事業者 株式会社みなと情報システム.</summary>
public sealed record Party(string? Organisation, string? Person, string? Title = null)
{
    /// <summary>How the party is shown: the organisation for vendors, the person (with title) for auditors.</summary>
    public string Display(SubmissionRole role)
    {
        if (role == SubmissionRole.Vendor)
            return Organisation ?? Person ?? "";
        var person = Person is null ? null : Title is null ? Person : $"{Person}（{Title}）";
        return person ?? Organisation ?? "";
    }
}

/// <summary>A cell's text and where it came from.</summary>
public sealed record Field(string Text, CellRef Cell)
{
    public bool IsEmpty => Text.Length == 0;

    public override string ToString() => Text;
}

/// <summary>Key/value cells found above the table or on a 表紙 / 基本情報 sheet.</summary>
public sealed record SubmissionMetadata
{
    public Field? Target { get; init; }
    public Field? FiscalYear { get; init; }
    public Field? AuditDate { get; init; }
    public Field? SubmittedOn { get; init; }
    public Field? Submitter { get; init; }
    public Field? Auditor { get; init; }
    public Field? Vendor { get; init; }
    public Field? Organisation { get; init; }
    public Field? Role { get; init; }

    public static SubmissionMetadata Empty { get; } = new();
}

/// <summary>One item row of a submission, every value with its cell and raw text.</summary>
public sealed record ItemRow
{
    /// <summary>The normalised item id (1-2, 5.10, L-02).</summary>
    public required string Id { get; init; }
    public required Field RawId { get; init; }
    public required string Sheet { get; init; }
    public required int Row { get; init; }
    public Field? Category { get; init; }
    public Field? ItemText { get; init; }
    public Field? Basis { get; init; }
    public Field? Judgment { get; init; }
    public ParsedJudgment ParsedJudgment { get; init; }
    public Field? Finding { get; init; }
    public Field? Recommendation { get; init; }
    public Field? Answer { get; init; }
    public VendorAnswer ParsedAnswer { get; init; }
    public Field? AnswerDetail { get; init; }
    public Field? Evidence { get; init; }
    public Field? Remarks { get; init; }

    /// <summary>Set when the row repeats an id already seen in the same file: it is listed, not merged.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Problems of the row's judgment (invalid, contradictory, finding missing).</summary>
    public IReadOnlyList<ReviewNote> AuditorNotes { get; init; } = [];

    /// <summary>Problems of the row's pre-answer (invalid, unanswered).</summary>
    public IReadOnlyList<ReviewNote> VendorNotes { get; init; } = [];

    /// <summary>The cell a person looks at first for this row: the judgment, else the answer, else the id.</summary>
    public CellRef MainCell => Judgment?.Cell ?? Answer?.Cell ?? RawId.Cell;
}

/// <summary>What was found on one sheet (for <c>validate</c>).</summary>
public sealed record SheetReport(string Name, bool Hidden, int? HeaderRow, IReadOnlyList<string> Columns, int Items, string? Note);

/// <summary>
/// A workbook understood: its role, submitter, audit key and item rows, plus every problem
/// found in the file itself. <see cref="Rejection"/> is set when the file cannot be used at all.
/// </summary>
public sealed record Submission
{
    public required SourceFile Source { get; init; }
    public required string Format { get; init; }
    public SubmissionRole Role { get; init; }
    public AuditKey? Key { get; init; }

    /// <summary>Where the audit key came from: metadata, folder or settings.</summary>
    public string? KeyOrigin { get; init; }
    public SubmissionMetadata Metadata { get; init; } = SubmissionMetadata.Empty;
    public Party? Auditor { get; init; }
    public Party? Vendor { get; init; }
    public DateOnly? SubmittedOn { get; init; }
    public DateOnly? AuditDate { get; init; }
    public IReadOnlyList<ItemRow> Rows { get; init; } = [];

    /// <summary>Rows with content but no usable item id; each is listed with a note.</summary>
    public int RowsWithoutId { get; init; }
    public IReadOnlyList<ReviewNote> Notes { get; init; } = [];
    public IReadOnlyList<SheetReport> Sheets { get; init; } = [];
    public Rejection? Rejection { get; init; }

    /// <summary>The office's own judgment scale, when a master list carries a 判定基準 sheet.</summary>
    public Normalising.JudgmentScale? Scale { get; init; }

    /// <summary>Template id and version when the file is a filled template this product wrote.</summary>
    public string? Template { get; init; }

    /// <summary>Who the master list's 提出予定 sheet expects a submission from (master lists only).</summary>
    public IReadOnlyList<ExpectedSubmitter> Roster { get; init; } = [];

    /// <summary>The earlier result a result workbook of this product holds (<see cref="SubmissionRole.Result"/> only; null for an overview).</summary>
    public YearSnapshot? Previous { get; init; }

    /// <summary>Set while the rows wait in a <see cref="RowSpill"/>; <see cref="Rows"/> is empty meanwhile.</summary>
    public ParkedRows? Parked { get; init; }

    /// <summary>Item rows with an id, also while they are parked.</summary>
    public int RowCount => Parked?.Count ?? Rows.Count;

    /// <summary>Rows read from the file's item table(s).</summary>
    public int RowsRead => RowCount + RowsWithoutId;

    public bool IsRejected => Rejection is not null;
}
