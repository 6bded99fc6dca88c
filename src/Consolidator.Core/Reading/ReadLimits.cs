namespace Consolidator.Core.Reading;

/// <summary>
/// Bounds on what one file may make the reader do. Files arrive from outside the
/// organisation; each limit, when crossed, rejects the file with a reason that names it.
/// </summary>
public sealed record ReadLimits
{
    /// <summary>Largest file accepted, in bytes. Defaults to 50 MB, far above any real checklist.</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Largest uncompressed size of one part of an xlsx (zip entry). Defaults to 200 MB.</summary>
    public long MaxPartBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Largest uncompressed/compressed ratio of one zip entry. Defaults to 200, which real workbooks stay well under.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Rows read per sheet; more is rejected. Defaults to 100,000.</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Columns read per row; cells beyond are ignored. Defaults to 256.</summary>
    public int MaxColumns { get; init; } = 256;

    /// <summary>Longest cell text kept; Excel's own limit is 32,767 characters. Defaults to 32,767.</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>Sheets read per workbook. Defaults to 100.</summary>
    public int MaxSheets { get; init; } = 100;

    public static ReadLimits Default { get; } = new();
}
