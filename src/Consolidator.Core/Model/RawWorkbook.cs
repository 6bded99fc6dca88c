namespace Consolidator.Core.Model;

/// <summary>
/// What a reader found in a file, without interpretation: sheets of cells holding the text
/// a person sees in Excel (numbers formatted by their number format, formulas by their
/// cached value, furigana left out). Merged cells already carry their top-left value in
/// every cell of the merge.
/// </summary>
public sealed record RawWorkbook(string Format, IReadOnlyList<RawSheet> Sheets);

/// <summary>One sheet. <see cref="Rows"/>[r][c] is row r+1, column c+1; rows may be shorter than others.</summary>
public sealed class RawSheet
{
    private static readonly string[] NoCells = [];

    public RawSheet(string name, bool hidden, IReadOnlyList<string[]> rows, IReadOnlyList<MergedRange>? merges = null)
    {
        Name = name;
        Hidden = hidden;
        Rows = rows;
        Merges = merges ?? [];
    }

    public string Name { get; }
    public bool Hidden { get; }
    public IReadOnlyList<string[]> Rows { get; }
    public IReadOnlyList<MergedRange> Merges { get; }

    public int RowCount => Rows.Count;

    /// <summary>Cell text by 1-based row and column; empty string when outside the data.</summary>
    public string this[int row, int column]
    {
        get
        {
            if (row < 1 || row > Rows.Count) return "";
            var cells = Rows[row - 1];
            return column >= 1 && column <= cells.Length ? cells[column - 1] ?? "" : "";
        }
    }

    public string[] Row(int row) => row >= 1 && row <= Rows.Count ? Rows[row - 1] : NoCells;

    /// <summary>Whether the cell is part of a merge without being its top-left cell.</summary>
    public bool IsMergeFollower(int row, int column)
    {
        foreach (var m in Merges)
            if (m.Contains(row, column) && (row != m.FirstRow || column != m.FirstColumn))
                return true;
        return false;
    }
}

/// <summary>A merged range, 1-based and inclusive.</summary>
public readonly record struct MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public bool Contains(int row, int column) =>
        row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;
}
