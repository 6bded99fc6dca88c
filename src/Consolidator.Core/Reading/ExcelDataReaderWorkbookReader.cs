using System.Text;
using Consolidator.Core.Model;
using ExcelDataReader;

namespace Consolidator.Core.Reading;

/// <summary>
/// Shared by the .xlsx and .xls readers: streams every sheet through ExcelDataReader, which
/// reads cached formula values (formulas are never calculated, links never followed) and leaves
/// furigana (&lt;rPh&gt;) out of shared strings, and turns each value into its displayed text.
/// Every sheet, row, column and cell is charged to the file's <see cref="ReadBudget"/>; only rows
/// up to the last one holding a value are kept, so empty formatted rows below the data cost time
/// but no memory.
/// </summary>
internal static class ExcelDataReaderWorkbookReader
{
    static ExcelDataReaderWorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RawWorkbook Read(IExcelDataReader reader, string format, ReadBudget budget)
    {
        var limits = budget.Limits;
        var sheets = new List<RawSheet>();
        var cut = new CutCells(limits.MaxCellChars);
        // A workbook part that names no sheet the reader found has no sheet: none is invented.
        if (reader.ResultsCount <= 0) return new RawWorkbook(format, sheets) { CutCells = cut.Cells };
        do
        {
            if (sheets.Count >= limits.MaxSheets)
                throw new UnreadableFileException(Rejections.TooLarge(
                    $"シートが {Rejections.Count(limits.MaxSheets)} 枚を超えています", $"more than {Rejections.Count(limits.MaxSheets)} sheets",
                    limits.MaxSheets, "シート", "sheets", nameof(ReadLimits.MaxSheets)));
            sheets.Add(ReadSheet(reader, budget, cut, sheets.Count + 1));
        }
        while (reader.NextResult());
        return new RawWorkbook(format, sheets) { CutCells = cut.Cells };
    }

    private static RawSheet ReadSheet(IExcelDataReader reader, ReadBudget budget, CutCells cut, int index)
    {
        var limits = budget.Limits;
        var name = RawText.SheetName(reader.Name, index);
        var rows = new List<string[]>();
        var row = 0;
        while (reader.Read())
        {
            row++;
            if ((row & 255) == 0) budget.CheckTime();
            var fieldCount = Math.Max(0, reader.FieldCount);
            budget.Scanned(Math.Max(1, fieldCount), name, row, fieldCount);
            string[]? cells = null;
            var used = 0;
            for (var i = 0; i < fieldCount; i++)
            {
                var value = reader.GetValue(i);
                if (value is null) continue;
                var text = value is string s ? s : DisplayText.Of(value, reader.GetNumberFormatString(i));
                if (text.Length == 0) continue;
                if (i >= limits.MaxColumns)
                    throw new UnreadableFileException(Rejections.TooLarge(
                        $"シート「{name}」のセル {CellRef.ColumnName(i + 1)}{row} が {Rejections.Count(limits.MaxColumns)} 列目より右にあります",
                        $"sheet '{name}' has a value in {CellRef.ColumnName(i + 1)}{row}, right of column {Rejections.Count(limits.MaxColumns)}",
                        limits.MaxColumns, "列", "columns", nameof(ReadLimits.MaxColumns)));
                text = cut.Apply(text, name, row, i + 1);
                if (text.Length == 0) continue;
                cells ??= new string[Math.Min(fieldCount, limits.MaxColumns)];
                cells[i] = text;
                used = i + 1;
            }
            if (cells is null) continue;
            if (row > limits.MaxRows)
                throw new UnreadableFileException(Rejections.TooLarge(
                    $"シート「{name}」の {Rejections.Count(row)} 行目に値があります（{Rejections.Count(limits.MaxRows)} 行まで）",
                    $"sheet '{name}' has a value in row {Rejections.Count(row)}, below row {Rejections.Count(limits.MaxRows)}",
                    limits.MaxRows, "行", "rows", nameof(ReadLimits.MaxRows)));
            if (used < cells.Length) Array.Resize(ref cells, used);
            for (var i = 0; i < cells.Length; i++) cells[i] ??= "";
            budget.Cells(cells.Length);
            while (rows.Count < row - 1) rows.Add([]);
            rows.Add(cells);
        }

        var merges = new List<MergedRange>();
        foreach (var m in reader.MergeCells ?? [])
        {
            if (merges.Count >= limits.MaxMergedRanges)
                throw new UnreadableFileException(Rejections.TooLarge(
                    $"シート「{name}」の結合セルの範囲が {Rejections.Count(limits.MaxMergedRanges)} 個を超えています",
                    $"sheet '{name}' has more than {Rejections.Count(limits.MaxMergedRanges)} merged ranges",
                    limits.MaxMergedRanges, "個", "merged ranges", nameof(ReadLimits.MaxMergedRanges)));
            if (m.FromRow < 0 || m.FromColumn < 0 || m.ToRow < m.FromRow || m.ToColumn < m.FromColumn) continue;
            if (m.FromRow >= rows.Count || m.FromColumn >= limits.MaxColumns) continue;
            merges.Add(new MergedRange(m.FromRow + 1, m.FromColumn + 1,
                Math.Min(m.ToRow + 1, Math.Max(rows.Count, m.FromRow + 1)), Math.Min(m.ToColumn + 1, limits.MaxColumns)));
        }
        FillMerges(rows, merges, limits, budget);
        var hidden = !string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(reader.VisibleState);
        return new RawSheet(name, hidden, rows, merges);
    }

    /// <summary>Every cell of a merge gets the top-left cell's text (a merged category covers its rows).</summary>
    internal static void FillMerges(List<string[]> rows, List<MergedRange> merges, ReadLimits limits, ReadBudget? budget = null)
    {
        foreach (var m in merges)
        {
            if (m.FirstRow > rows.Count) continue;
            var top = rows[m.FirstRow - 1];
            var value = m.FirstColumn <= top.Length ? top[m.FirstColumn - 1] : "";
            if (string.IsNullOrEmpty(value)) continue;
            var lastRow = Math.Min(m.LastRow, rows.Count);
            var lastColumn = Math.Min(m.LastColumn, limits.MaxColumns);
            var filled = 0L;
            for (var r = m.FirstRow; r <= lastRow; r++)
            {
                var cells = rows[r - 1];
                if (cells.Length < lastColumn)
                {
                    var old = cells.Length;
                    Array.Resize(ref cells, lastColumn);
                    for (var i = old; i < cells.Length; i++) cells[i] = "";
                    rows[r - 1] = cells;
                }
                for (var c = m.FirstColumn; c <= lastColumn; c++)
                {
                    if (cells[c - 1].Length != 0) continue;
                    cells[c - 1] = value;
                    filled++;
                }
            }
            budget?.Cells(filled);
        }
    }
}

/// <summary>
/// Turns each cell's raw text into the text handed on (<see cref="RawText.Clean"/>, then cut at
/// <see cref="ReadLimits.MaxCellChars"/>) and remembers the cells that were cut, each listed later in
/// 要確認. A changed string is remembered by reference, so a long shared string that many cells
/// point to is cleaned and cut once, not once per cell.
/// </summary>
internal sealed class CutCells(int max)
{
    /// <summary>Cells listed individually; beyond these the text is still cut, without a note each.</summary>
    public const int MaxListed = 1_000;

    private readonly Dictionary<string, string> _changed = new(ReferenceEqualityComparer.Instance);

    public List<CutCell> Cells { get; } = [];

    public string Apply(string text, string sheet, int row, int column)
    {
        if (text.Length > max && Cells.Count < MaxListed) Cells.Add(new CutCell(sheet, row, column, text.Length));
        if (_changed.TryGetValue(text, out var done)) return done;
        var result = RawText.Clean(text);
        if (result.Length > max) result = RawText.Cut(result, max);
        if (!ReferenceEquals(result, text) && text.Length >= 64) _changed[text] = result;
        return result;
    }
}
