using System.ComponentModel.DataAnnotations;

namespace Consolidator.Core.Reading;

/// <summary>
/// Bounds on what one file may make the reader do (settings section <c>Consolidation:Limits</c>).
/// Files arrive from outside the organisation; each limit, when crossed, refuses the file with a
/// reason that names the limit and its setting, except <see cref="MaxCellChars"/>, which cuts the
/// text and lists the cell in 要確認. The defaults are far above any real checklist or pre-answer
/// and keep one file's time and memory bounded: at the defaults a workbook of 2,000,000 cells,
/// the most accepted, is read in well under a minute within about 300 MB.
/// </summary>
public sealed record ReadLimits
{
    /// <summary>The settings section the limits are bound from; rejections name each setting under it.</summary>
    public const string Section = "Consolidation:Limits";

    /// <summary>Largest file accepted, in bytes, 1 KB–2 GB. Defaults to 50 MB, far above any real checklist.</summary>
    [Range(1024L, 2L * 1024 * 1024 * 1024)]
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>
    /// Largest uncompressed size of one part (zip entry) of an .xlsx, in bytes, 1 KB–2 GB. Defaults
    /// to 100 MB; a checklist's sheet is a few hundred kilobytes.
    /// </summary>
    [Range(1024L, 2L * 1024 * 1024 * 1024)]
    public long MaxPartBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Largest uncompressed size of all parts of an .xlsx together, in bytes, 1 KB–8 GB. Defaults to 300 MB.</summary>
    [Range(1024L, 8L * 1024 * 1024 * 1024)]
    public long MaxPackageBytes { get; init; } = 300L * 1024 * 1024;

    /// <summary>
    /// Largest uncompressed/compressed ratio of one part larger than 1 MB, 10–10,000. Defaults to
    /// 200: workbooks compress 5–20 times, zip bombs a thousand times.
    /// </summary>
    [Range(10.0, 10_000.0)]
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Parts (zip entries) of an .xlsx, 10–1,000,000. Defaults to 10,000; a workbook has a few dozen.</summary>
    [Range(10, 1_000_000)]
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>Sheets per workbook, 1–10,000. Defaults to 100.</summary>
    [Range(1, 10_000)]
    public int MaxSheets { get; init; } = 100;

    /// <summary>
    /// Rows per sheet, up to the last row that holds a value, 10–1,048,576. Defaults to 100,000.
    /// Empty formatted rows below the data do not count.
    /// </summary>
    [Range(10, 1_048_576)]
    public int MaxRows { get; init; } = 100_000;

    /// <summary>
    /// Columns per sheet, up to the last column that holds a value, 10–16,384. Defaults to 256;
    /// a checklist has about ten.
    /// </summary>
    [Range(10, 16_384)]
    public int MaxColumns { get; init; } = 256;

    /// <summary>
    /// Cells holding a value in the whole workbook (merged cells count once per cell they cover),
    /// 1,000–100,000,000. Defaults to 2,000,000.
    /// </summary>
    [Range(1_000, 100_000_000)]
    public int MaxCells { get; init; } = 2_000_000;

    /// <summary>
    /// Cells of the used range scanned in the whole workbook, empty ones included (rows × columns
    /// as the file declares them), 1,000,000–10,000,000,000. Defaults to 100,000,000, about a
    /// second of reading. A cell formatted far below or right of the data makes the used range huge.
    /// </summary>
    [Range(1_000_000L, 10_000_000_000L)]
    public long MaxScannedCells { get; init; } = 100_000_000;

    /// <summary>Merged ranges per sheet, 10–1,000,000. Defaults to 10,000.</summary>
    [Range(10, 1_000_000)]
    public int MaxMergedRanges { get; init; } = 10_000;

    /// <summary>
    /// Longest cell text kept, 100–32,767. Defaults to 32,767, Excel's own limit: longer text
    /// (which Excel cannot have written) is cut there and the cell is listed in 要確認.
    /// </summary>
    [Range(100, 32_767)]
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>Time one file may take to read, in seconds, 1–3,600. Defaults to 60; a checklist takes well under one.</summary>
    [Range(1, 3_600)]
    public int MaxReadSeconds { get; init; } = 60;

    public static ReadLimits Default { get; } = new();

    /// <summary>The full setting name of a limit, e.g. Consolidation:Limits:MaxRows.</summary>
    public static string Setting(string property) => $"{Section}:{property}";
}
