using System.ComponentModel.DataAnnotations;
using Consolidator.Core.Normalising;
using Consolidator.Core.Reading;

namespace Consolidator.Options;

/// <summary>
/// Where Consolidator reads and writes (section <c>Paths</c>). Relative paths are taken from the
/// current directory. <see cref="Root"/> sets all five folders at once (ROOT/inbox, ROOT/archive,
/// ROOT/rejected, ROOT/output, ROOT/state); each can still be set alone.
/// </summary>
public sealed class PathsSettings
{
    /// <summary>One folder holding inbox/, archive/, rejected/, output/ and state/. Defaults to none.</summary>
    public string? Root { get; set; }

    /// <summary>Where people drop their files. Defaults to input-samples (or ROOT/inbox).</summary>
    public string? Inbox { get; set; }

    /// <summary>Where result workbooks are written. Defaults to output (or ROOT/output).</summary>
    public string? Output { get; set; }

    /// <summary>Where accepted files are kept once taken from the inbox. Defaults to none: files stay in the inbox (or ROOT/archive).</summary>
    public string? Archive { get; set; }

    /// <summary>Where refused files go with their &lt;name&gt;.error.txt. Defaults to none (or ROOT/rejected).</summary>
    public string? Rejected { get; set; }

    /// <summary>The ledger, the lock, the mail outbox and the logs. Defaults to state (or ROOT/state).</summary>
    public string? State { get; set; }
}

/// <summary>How files are read and consolidated (section <c>Consolidation</c>).</summary>
public sealed class ConsolidationSettings
{
    /// <summary>The office's time zone (IANA or Windows id). Defaults to Asia/Tokyo, which dates files and the generated-at time.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>Rows searched for the header row at the top of each sheet, 1–200. Defaults to 30.</summary>
    [Range(1, 200)]
    public int MaxHeaderRow { get; set; } = 30;

    /// <summary>Target system for files that name none in metadata or folder. Defaults to none, which rejects such files.</summary>
    public string? DefaultTarget { get; set; }

    /// <summary>Fiscal year for files that name none, 2000–2100. Defaults to none.</summary>
    [Range(2000, 2100)]
    public int? DefaultFiscalYear { get; set; }

    /// <summary>Files read at once, 1–64. Defaults to 0, which means the number of cores.</summary>
    [Range(0, 64)]
    public int MaxParallelism { get; set; }

    /// <summary>The judgment scale. Defaults to none: the seed report's scale (〇 ⦿ □ △ × ―).</summary>
    public List<JudgmentClassSettings>? Scale { get; set; }

    /// <summary>
    /// Bounds on what one input file may make the reader do (section <c>Consolidation:Limits</c>):
    /// file size, zip parts, sheets, rows, columns, cells, cell text, read time. Each property
    /// states its range and default; a file over a limit is refused with a reason naming the setting.
    /// </summary>
    public ReadLimits Limits { get; set; } = new();

    /// <summary>The office profile, bound from the top-level section <c>Recognition</c> (not from Consolidation). Defaults to none.</summary>
    public RecognitionSettings Recognition { get; set; } = new();
}

/// <summary>One class of a configured judgment scale (section <c>Consolidation:Scale</c>).</summary>
public sealed class JudgmentClassSettings
{
    [Required]
    public string Symbol { get; set; } = "";

    [Required]
    public string Label { get; set; } = "";

    public List<string> SymbolSpellings { get; set; } = [];
    public List<string> LabelSpellings { get; set; } = [];

    [Range(0, 100)]
    public int Severity { get; set; }

    public bool IsFinding { get; set; }
    public bool IsOutOfScope { get; set; }
    public bool RequiresFinding { get; set; }
    public string? Colour { get; set; }

    /// <summary>What the class means, for the report draft's judgment-method table (判定基準). Defaults to none.</summary>
    public string? Criterion { get; set; }

    public JudgmentClass ToClass() => new()
    {
        Symbol = Symbol,
        Label = Label,
        SymbolSpellings = SymbolSpellings,
        LabelSpellings = LabelSpellings,
        Severity = Severity,
        IsFinding = IsFinding,
        IsOutOfScope = IsOutOfScope,
        RequiresFinding = RequiresFinding,
        Colour = Colour,
        Criterion = Criterion,
    };
}
