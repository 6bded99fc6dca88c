using Consolidator.Core.Model;

namespace Consolidator.Core.Reading;

/// <summary>
/// Turns the rows a reader meets, in the order it meets them, into a <see cref="RawSheet"/>, the
/// same way whichever reader feeds it (the streaming .xlsx reader, or ExcelDataReader for .xls):
/// each cell's displayed text cleaned and cut (<see cref="CutCells"/>), a value right of
/// <see cref="ReadLimits.MaxColumns"/> or below <see cref="ReadLimits.MaxRows"/> refused, every row
/// kept charged to <see cref="ReadLimits.MaxCells"/>; only rows up to the last one holding a value are
/// kept, so empty formatted rows below the data cost no memory. Merged ranges, which a sheet lists
/// after its rows, are applied when the sheet is finished: every cell of a merge gets its top-left
/// cell's text.
/// </summary>
internal sealed class SheetCollector(ReadBudget budget, CutCells cut, string name)
{
    private readonly ReadLimits _limits = budget.Limits;
    private readonly List<string[]> _rows = [];

    public string Name { get; } = name;

    /// <summary>
    /// One row (1-based), its cells' displayed text by column index (null or empty: no value). The
    /// span is read, not kept.
    /// </summary>
    public void Row(int row, ReadOnlySpan<string?> texts)
    {
        string[]? cells = null;
        var used = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i];
            if (string.IsNullOrEmpty(text)) continue;
            if (i >= _limits.MaxColumns)
                throw new UnreadableFileException(Rejections.TooLarge(
                    $"シート「{Name}」のセル {CellRef.ColumnName(i + 1)}{row} が {Rejections.Count(_limits.MaxColumns)} 列目より右にあります",
                    $"sheet '{Name}' has a value in {CellRef.ColumnName(i + 1)}{row}, right of column {Rejections.Count(_limits.MaxColumns)}",
                    _limits.MaxColumns, "列", "columns", nameof(ReadLimits.MaxColumns)));
            text = cut.Apply(text, Name, row, i + 1);
            if (text.Length == 0) continue;
            cells ??= new string[Math.Min(texts.Length, _limits.MaxColumns)];
            cells[i] = text;
            used = i + 1;
        }
        if (cells is null) return;
        if (row > _limits.MaxRows)
            throw new UnreadableFileException(Rejections.TooLarge(
                $"シート「{Name}」の {Rejections.Count(row)} 行目に値があります（{Rejections.Count(_limits.MaxRows)} 行まで）",
                $"sheet '{Name}' has a value in row {Rejections.Count(row)}, below row {Rejections.Count(_limits.MaxRows)}",
                _limits.MaxRows, "行", "rows", nameof(ReadLimits.MaxRows)));
        if (used < cells.Length) Array.Resize(ref cells, used);
        for (var i = 0; i < cells.Length; i++) cells[i] ??= "";
        budget.Cells(cells.Length);
        while (_rows.Count < row - 1) _rows.Add([]);
        _rows.Add(cells);
    }

    /// <summary>
    /// The sheet, with its merged ranges as the file lists them (0-based, inclusive; ranges that are
    /// inverted, negative, or start below the last row kept or right of the column limit are left
    /// out, the others cut to the rows kept and the column limit).
    /// </summary>
    public RawSheet Finish(bool hidden, IEnumerable<(int FromRow, int FromColumn, int ToRow, int ToColumn)> ranges)
    {
        var merges = new List<MergedRange>();
        foreach (var (fromRow, fromColumn, toRow, toColumn) in ranges)
        {
            if (merges.Count >= _limits.MaxMergedRanges)
                throw new UnreadableFileException(Rejections.TooLarge(
                    $"シート「{Name}」の結合セルの範囲が {Rejections.Count(_limits.MaxMergedRanges)} 個を超えています",
                    $"sheet '{Name}' has more than {Rejections.Count(_limits.MaxMergedRanges)} merged ranges",
                    _limits.MaxMergedRanges, "個", "merged ranges", nameof(ReadLimits.MaxMergedRanges)));
            if (fromRow < 0 || fromColumn < 0 || toRow < fromRow || toColumn < fromColumn) continue;
            if (fromRow >= _rows.Count || fromColumn >= _limits.MaxColumns) continue;
            merges.Add(new MergedRange(fromRow + 1, fromColumn + 1,
                Math.Min(toRow + 1, Math.Max(_rows.Count, fromRow + 1)), Math.Min(toColumn + 1, _limits.MaxColumns)));
        }
        FillMerges(_rows, merges, _limits, budget);
        return new RawSheet(Name, hidden, _rows, merges);
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

    /// <summary>Refuses one sheet more than <see cref="ReadLimits.MaxSheets"/>; called before a sheet is read.</summary>
    public static void CheckSheetCount(int sheetsRead, ReadLimits limits)
    {
        if (sheetsRead >= limits.MaxSheets)
            throw new UnreadableFileException(Rejections.TooLarge(
                $"シートが {Rejections.Count(limits.MaxSheets)} 枚を超えています", $"more than {Rejections.Count(limits.MaxSheets)} sheets",
                limits.MaxSheets, "シート", "sheets", nameof(ReadLimits.MaxSheets)));
    }
}
