using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>How submissions are recognised.</summary>
public sealed record RecognitionOptions
{
    public RecognitionOptions()
    {
    }

    /// <summary>The judgment scale. Defaults to the seed report's (SPEC §2).</summary>
    public JudgmentScale Scale { get; init; } = JudgmentScale.Default;

    /// <summary>The header row is looked for in this many rows at the top of each sheet. Defaults to 30.</summary>
    public int MaxHeaderRow { get; init; } = 30;

    /// <summary>Target system for files that name none, in metadata or folder. Defaults to none (such files are rejected).</summary>
    public string? DefaultTarget { get; init; }

    /// <summary>Fiscal year for files that name none. Defaults to none.</summary>
    public int? DefaultFiscalYear { get; init; }

    /// <summary>The office's own header names, metadata keys, cover sheets and spellings, added to the built-in ones. Defaults to none.</summary>
    public RecognitionProfile Profile { get; init; } = RecognitionProfile.Empty;

    /// <summary>
    /// Whether the dropdown lists of .xlsx files are read, to be shown with the scale mapping. Defaults
    /// to false, which spares a second pass over every sheet: a dropdown never changes how a value
    /// reads (the legend and the scale do); <c>validate</c> turns it on to show what each file offers.
    /// </summary>
    public bool ReadDropdowns { get; init; }

    /// <summary>The scale judgments are read with: <see cref="Scale"/> with the profile's spellings (Pass → 〇).</summary>
    public JudgmentScale JudgingScale => _judging ??= Scale.WithSpellings(Profile.JudgmentSpellings);

    /// <summary>Column names, metadata keys and cover-sheet names: the built-in ones with the profile's.</summary>
    internal Lexicon Lexicon => _lexicon ??= new Lexicon(Profile);

    private JudgmentScale? _judging;
    private Lexicon? _lexicon;

    // A copy made with `with` builds its own scale and lexicon from its own settings.
    private RecognitionOptions(RecognitionOptions original)
    {
        Scale = original.Scale;
        MaxHeaderRow = original.MaxHeaderRow;
        DefaultTarget = original.DefaultTarget;
        DefaultFiscalYear = original.DefaultFiscalYear;
        Profile = original.Profile;
        ReadDropdowns = original.ReadDropdowns;
    }

    public static RecognitionOptions Default { get; } = new();
}

/// <summary>
/// An office profile (settings section <c>Recognition</c>): names and spellings its files use that
/// the built-in lists lack, each list added to the built-in synonyms and compared after the same
/// normalisation (NFKC, no spaces, line breaks or brackets). A name given here wins over the
/// built-in kind of the same name (an office whose 項目 is a category says so).
/// </summary>
public sealed record RecognitionProfile
{
    /// <summary>Header names per column kind (Judgment: 結果, チェック; ItemText: 要件, 管理策 …).</summary>
    public IReadOnlyDictionary<ColumnKind, IReadOnlyList<string>> Columns { get; init; } = new Dictionary<ColumnKind, IReadOnlyList<string>>();

    /// <summary>Metadata keys per field (Auditor: テスト実施者名; Vendor: 顧客企業名 …); fields are <see cref="MetadataFields"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Names of cover sheets whose key/value cells are metadata (Dashboard …), besides 表紙 and 基本情報.</summary>
    public IReadOnlyList<string> CoverSheets { get; init; } = [];

    /// <summary>A judgment spelling → a symbol or label of the scale ("Pass" → "〇").</summary>
    public IReadOnlyDictionary<string, string> JudgmentSpellings { get; init; } = new Dictionary<string, string>();

    /// <summary>An answer spelling → 実施, 一部実施, 未実施 or 該当なし ("Compliant" → "実施").</summary>
    public IReadOnlyDictionary<string, string> AnswerSpellings { get; init; } = new Dictionary<string, string>();

    /// <summary>The metadata fields a profile can name keys for.</summary>
    public static IReadOnlyList<string> MetadataFields { get; } = Enum.GetNames<MetaKey>();

    public static RecognitionProfile Empty { get; } = new();
}
