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

    /// <summary>
    /// The categories the item stands under, outermost first: section heading rows above it
    /// (【3】物理的セキュリティ, V1 …) and the category columns of its row (大分類 › 中分類 › 小分類).
    /// <see cref="Category"/> holds them joined by " › ".
    /// </summary>
    public IReadOnlyList<string> CategoryPath { get; init; } = [];

    /// <summary>
    /// One judgment per sheet when the same item stands on several sheets of the workbook (one sheet
    /// per department, platform or page): the row's judgment is their merge, most severe first
    /// (― only when all say ―). Empty for an item read from one sheet.
    /// </summary>
    public IReadOnlyList<ScopeJudgment> Scopes { get; init; } = [];

    /// <summary>Set when the row repeats an id already seen on the same sheet: it is listed, not merged.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Problems of the row's judgment (invalid, contradictory, finding missing).</summary>
    public IReadOnlyList<ReviewNote> AuditorNotes { get; init; } = [];

    /// <summary>Problems of the row's pre-answer (invalid, unanswered).</summary>
    public IReadOnlyList<ReviewNote> VendorNotes { get; init; } = [];

    /// <summary>The cell a person looks at first for this row: the judgment, else the answer, else the id.</summary>
    public CellRef MainCell => Judgment?.Cell ?? Answer?.Cell ?? RawId.Cell;
}

/// <summary>One sheet's judgment (and answer) of an item that stands on several sheets of one workbook.</summary>
public sealed record ScopeJudgment(string Sheet, int Row, Field? Judgment, ParsedJudgment Parsed, Field? Finding, Field? Recommendation,
    Field? Answer, VendorAnswer ParsedAnswer)
{
    /// <summary>The cell a person looks at for this sheet's judgment: the judgment, else the answer, else null.</summary>
    public CellRef? MainCell => Judgment?.Cell ?? Answer?.Cell;
}

/// <summary>What a non-empty row of an item table is. Every such row is exactly one of these.</summary>
public enum RowKind
{
    /// <summary>An item: an id, with its text, judgment or answer.</summary>
    Item,
    /// <summary>A section heading (【3】…, 第5章, V1, a row holding one text): the category of the rows below.</summary>
    Heading,
    /// <summary>A note (※ …).</summary>
    Note,
    /// <summary>Part of a legend of the scale (its title, its header, a symbol with its meaning).</summary>
    Legend,
    /// <summary>A header row below the first: repeated for printing, or starting a table with other columns.</summary>
    Header,
    /// <summary>A row that could not be used, listed in 要確認 with the reason.</summary>
    Listed,
}

public static class RowKindExtensions
{
    public static string Label(this RowKind kind) => kind switch
    {
        RowKind.Item => "項目",
        RowKind.Heading => "見出し",
        RowKind.Note => "注記",
        RowKind.Legend => "凡例",
        RowKind.Header => "見出し行",
        RowKind.Listed => "要確認",
        _ => kind.ToString(),
    };
}

/// <summary>A non-empty row of an item table that is not an item, with its first cell, its text and why it is what it is.</summary>
public sealed record TableRow(RowKind Kind, CellRef Cell, string Text, string ReasonJa, string ReasonEn);

/// <summary>
/// How many non-empty rows of each kind the item tables of a sheet or file held. Every row is
/// one kind, so <see cref="Read"/> = items + headings + notes + legend + headers + listed.
/// Rows of parallel sheets count once per sheet.
/// </summary>
public sealed record RowCounts(int Items, int Headings, int Notes, int Legend, int Headers, int Listed)
{
    public static RowCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public int Read => Items + Headings + Notes + Legend + Headers + Listed;

    public int Other => Headings + Notes + Legend + Headers;

    public RowCounts Add(RowKind kind) => kind switch
    {
        RowKind.Item => this with { Items = Items + 1 },
        RowKind.Heading => this with { Headings = Headings + 1 },
        RowKind.Note => this with { Notes = Notes + 1 },
        RowKind.Legend => this with { Legend = Legend + 1 },
        RowKind.Header => this with { Headers = Headers + 1 },
        _ => this with { Listed = Listed + 1 },
    };

    public static RowCounts operator +(RowCounts a, RowCounts b) =>
        new(a.Items + b.Items, a.Headings + b.Headings, a.Notes + b.Notes, a.Legend + b.Legend, a.Headers + b.Headers, a.Listed + b.Listed);

    /// <summary>"項目 71、見出し 7、凡例 5" — the kinds that occur, in Japanese.</summary>
    public string DescribeJa() => Describe(k => k.Label(), "、");

    public string DescribeEn() => Describe(k => k switch
    {
        RowKind.Item => "items",
        RowKind.Heading => "headings",
        RowKind.Note => "notes",
        RowKind.Legend => "legend",
        RowKind.Header => "header rows",
        _ => "listed",
    }, ", ");

    private string Describe(Func<RowKind, string> name, string separator) => string.Join(separator,
        new[] { (RowKind.Item, Items), (RowKind.Heading, Headings), (RowKind.Note, Notes), (RowKind.Legend, Legend), (RowKind.Header, Headers), (RowKind.Listed, Listed) }
            .Where(x => x.Item2 > 0).Select(x => $"{name(x.Item1)} {x.Item2}"));
}

/// <summary>
/// How one spelling of a judgment was read in a file: onto which class of the scale (null when it
/// maps onto none), and why — the file's legend (凡例) or dropdown (入力規則), the office's profile
/// (Recognition:JudgmentSpellings), the scale's own spellings, or a spelling of 未判定 (?, 未確認).
/// </summary>
public sealed record ScaleMapping(string Spelling, string? Symbol, string? Label, string Source, string? Meaning, CellRef? Cell, int Cells);

/// <summary>What was found on one sheet (for <c>validate</c>).</summary>
public sealed record SheetReport(string Name, bool Hidden, int? HeaderRow, IReadOnlyList<string> Columns, int Items, string? Note)
{
    /// <summary>The rows of the sheet's item tables by kind.</summary>
    public RowCounts Counts { get; init; } = RowCounts.Zero;

    /// <summary>Header rows below the first that started a table with other columns.</summary>
    public IReadOnlyList<int> MoreHeaderRows { get; init; } = [];

    /// <summary>Header cells no column kind matched (cell and text), so an office knows what to add to its profile.</summary>
    public IReadOnlyList<string> Unrecognised { get; init; } = [];

    /// <summary>Set when the id column was chosen by its content (its header blank or unknown): which column and why.</summary>
    public string? IdByContent { get; init; }
}

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

    /// <summary>The non-empty rows of the item tables by kind; null for a submission not read by content.</summary>
    public RowCounts? Counts { get; init; }

    /// <summary>Every non-empty row of the item tables that is not an item: headings, notes, legend, header rows, rows listed.</summary>
    public IReadOnlyList<TableRow> OtherRows { get; init; } = [];

    /// <summary>Why the file has its role (which columns, values or metadata decided it), Japanese and English.</summary>
    public string RoleReasonJa { get; init; } = "";
    public string RoleReasonEn { get; init; } = "";

    /// <summary>How the judgment spellings found in the file were read (legend, dropdown, profile, scale).</summary>
    public IReadOnlyList<ScaleMapping> ScaleMappings { get; init; } = [];
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

    /// <summary>Non-empty rows read from the file's item table(s), of every kind.</summary>
    public int RowsRead => Counts?.Read ?? RowCount + RowsWithoutId;

    public bool IsRejected => Rejection is not null;
}
