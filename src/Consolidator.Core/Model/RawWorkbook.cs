namespace Consolidator.Core.Model;

/// <summary>
/// What a reader found in a file, without interpretation: sheets of cells holding the text
/// a person sees in Excel (numbers formatted by their number format, formulas by their
/// cached value, furigana left out). Merged cells already carry their top-left value in
/// every cell of the merge.
/// </summary>
public sealed record RawWorkbook(string Format, IReadOnlyList<RawSheet> Sheets)
{
    /// <summary>Cells whose text was longer than the limit and was cut; each becomes a 文字数超過 entry in 要確認.</summary>
    public IReadOnlyList<CutCell> CutCells { get; init; } = [];
}

/// <summary>A cell whose text was cut: where it is (1-based) and how long the text was.</summary>
public sealed record CutCell(string Sheet, int Row, int Column, int Length);

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

    /// <summary>The dropdown lists (list data validations with literal values) of the sheet; empty where the format has none.</summary>
    public IReadOnlyList<DropdownList> Dropdowns { get; init; } = [];

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
        if (Merges.Count <= 16)
        {
            foreach (var m in Merges)
                if (m.Contains(row, column) && (row != m.FirstRow || column != m.FirstColumn))
                    return true;
            return false;
        }
        _mergeIndex ??= new MergeIndex(Merges);
        return _mergeIndex.IsFollower(row, column);
    }

    private MergeIndex? _mergeIndex;

    /// <summary>
    /// Merges by column, sorted by first row, so that asking about a cell costs a binary search, not
    /// a pass over every merge: the recognisers ask about every cell near the top of every sheet.
    /// </summary>
    private sealed class MergeIndex
    {
        private readonly Dictionary<int, (MergedRange[] Ranges, int[] MaxLastRow)> _byColumn = [];

        public MergeIndex(IReadOnlyList<MergedRange> merges)
        {
            var lists = new Dictionary<int, List<MergedRange>>();
            foreach (var m in merges)
            {
                var last = Math.Min(m.LastColumn, m.FirstColumn + 16_384);
                for (var c = Math.Max(1, m.FirstColumn); c <= last; c++)
                {
                    if (!lists.TryGetValue(c, out var list)) lists[c] = list = [];
                    list.Add(m);
                }
            }
            foreach (var (column, list) in lists)
            {
                var ranges = list.OrderBy(m => m.FirstRow).ToArray();
                var max = new int[ranges.Length];
                for (var i = 0; i < ranges.Length; i++) max[i] = Math.Max(i > 0 ? max[i - 1] : 0, ranges[i].LastRow);
                _byColumn[column] = (ranges, max);
            }
        }

        public bool IsFollower(int row, int column)
        {
            if (!_byColumn.TryGetValue(column, out var col)) return false;
            var (ranges, maxLastRow) = col;
            int lo = 0, hi = ranges.Length - 1, start = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (ranges[mid].FirstRow <= row) { start = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            for (var i = start; i >= 0 && maxLastRow[i] >= row; i--)
            {
                var m = ranges[i];
                if (m.LastRow >= row && (row != m.FirstRow || column != m.FirstColumn)) return true;
            }
            return false;
        }
    }
}

/// <summary>A dropdown list on a range of cells: the values a person could pick (Pass, Fail, N/A).</summary>
public sealed record DropdownList(MergedRange Range, IReadOnlyList<string> Values);

/// <summary>A merged range, 1-based and inclusive.</summary>
public readonly record struct MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public bool Contains(int row, int column) =>
        row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;
}
