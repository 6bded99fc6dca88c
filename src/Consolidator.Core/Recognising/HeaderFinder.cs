using Consolidator.Core.Model;

namespace Consolidator.Core.Recognising;

/// <summary>A header row: its row number and the column of each known kind (1-based).</summary>
public sealed record HeaderRow(int Row, IReadOnlyDictionary<ColumnKind, int> Columns)
{
    public int? Column(ColumnKind kind) => Columns.TryGetValue(kind, out var c) ? c : null;

    public bool Has(ColumnKind kind) => Columns.ContainsKey(kind);
}

/// <summary>
/// Finds the table by content, not position: the first row within the first rows of a sheet
/// (30 by default) holding an item-id column and at least one more known column. Title rows,
/// metadata, notes and a legend of the scale above it are normal.
/// </summary>
internal static class HeaderFinder
{
    public static HeaderRow? Find(RawSheet sheet, int maxRow)
    {
        var last = Math.Min(sheet.RowCount, maxRow);
        for (var r = 1; r <= last; r++)
        {
            var header = Match(sheet, r);
            if (header is not null) return header;
        }
        return null;
    }

    /// <summary>The known columns of one row, when they make a header.</summary>
    public static HeaderRow? Match(RawSheet sheet, int row)
    {
        var cells = sheet.Row(row);
        var columns = new Dictionary<ColumnKind, int>();
        for (var c = 0; c < cells.Length; c++)
        {
            if (string.IsNullOrEmpty(cells[c])) continue;
            // A header merged across columns fills every cell; only its first column counts.
            if (sheet.IsMergeFollower(row, c + 1)) continue;
            var kind = ColumnSynonyms.Match(cells[c]);
            if (kind is { } k) columns.TryAdd(k, c + 1);
        }
        return columns.ContainsKey(ColumnKind.Id) && columns.Count >= 2 ? new HeaderRow(row, columns) : null;
    }
}
