using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>How submissions are recognised.</summary>
public sealed record RecognitionOptions
{
    /// <summary>The judgment scale. Defaults to the seed report's (SPEC §2).</summary>
    public JudgmentScale Scale { get; init; } = JudgmentScale.Default;

    /// <summary>The header row is looked for in this many rows at the top of each sheet. Defaults to 30.</summary>
    public int MaxHeaderRow { get; init; } = 30;

    /// <summary>Target system for files that name none, in metadata or folder. Defaults to none (such files are rejected).</summary>
    public string? DefaultTarget { get; init; }

    /// <summary>Fiscal year for files that name none. Defaults to none.</summary>
    public int? DefaultFiscalYear { get; init; }

    public static RecognitionOptions Default { get; } = new();
}
