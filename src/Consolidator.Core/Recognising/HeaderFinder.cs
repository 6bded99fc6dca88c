using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>A header row: its row number and the column of each known kind (1-based).</summary>
public sealed record HeaderRow(int Row, IReadOnlyDictionary<ColumnKind, int> Columns)
{
    public int? Column(ColumnKind kind) => Columns.TryGetValue(kind, out var c) ? c : null;

    public bool Has(ColumnKind kind) => Columns.ContainsKey(kind);

    /// <summary>Every category column, left to right (大分類, 中分類, 小分類, and id columns coarser than the id).</summary>
    public IReadOnlyList<int> CategoryColumns { get; init; } = [];

    /// <summary>Header cells no kind matched: their column and text.</summary>
    public IReadOnlyList<(int Column, string Text)> Unrecognised { get; init; } = [];

    /// <summary>Set when the id column was chosen by its content: which column and why (Japanese / English).</summary>
    public string? IdByContent { get; init; }

    /// <summary>The rightmost column with a header cell.</summary>
    public int LastColumn { get; init; }

    /// <summary>Whether another header row maps the same kinds onto the same columns (a header repeated for printing).</summary>
    public bool SameColumns(HeaderRow other) =>
        Columns.Count == other.Columns.Count && Columns.All(c => other.Column(c.Key) == c.Value) && CategoryColumns.SequenceEqual(other.CategoryColumns);
}

/// <summary>
/// Finds the table by content, not position: the first row within the first rows of a sheet
/// (30 by default) holding an item-id column and at least one more known column. Title rows,
/// metadata, notes and a legend of the scale above it are normal. Failing that, a row naming at
/// least two other known columns (監査項目, 判定, …) whose id header is blank or unknown is a header
/// when a column below it holds item ids (1, 1-1, 1.2.3, A-3, SEC-01, ２．１０, MSTG-ARCH-1): with
/// several such columns (1 / 1.1 / 1.1.1) the finest one that is unique per row is the id and the
/// coarser ones are categories.
/// </summary>
internal static class HeaderFinder
{
    public static HeaderRow? Find(RawSheet sheet, int maxRow, Lexicon lexicon)
    {
        var last = Math.Min(sheet.RowCount, maxRow);
        for (var r = 1; r <= last; r++)
            if (Match(sheet, r, lexicon) is { } header) return header;
        for (var r = 1; r <= last; r++)
            if (ByContent(sheet, r, lexicon) is { } header) return header;
        return null;
    }

    /// <summary>The known columns of one row, when they make a header (an id column and one more).</summary>
    public static HeaderRow? Match(RawSheet sheet, int row, Lexicon lexicon)
    {
        var h = Cells(sheet, row, lexicon);
        return h.Columns.ContainsKey(ColumnKind.Id) && h.Columns.Count >= 2 ? h : null;
    }

    /// <summary>Every header cell of a row: the first column of each kind, all category columns, and the cells no kind matched.</summary>
    private static HeaderRow Cells(RawSheet sheet, int row, Lexicon lexicon)
    {
        var cells = sheet.Row(row);
        var columns = new Dictionary<ColumnKind, int>();
        var categories = new List<int>();
        var unknown = new List<(int, string)>();
        var last = 0;
        for (var c = 0; c < cells.Length; c++)
        {
            if (string.IsNullOrWhiteSpace(cells[c])) continue;
            // A header merged across columns fills every cell; only its first column counts.
            if (sheet.IsMergeFollower(row, c + 1)) continue;
            last = c + 1;
            if (lexicon.Column(cells[c]) is { } k)
            {
                columns.TryAdd(k, c + 1);
                if (k == ColumnKind.Category) categories.Add(c + 1);
            }
            else
            {
                unknown.Add((c + 1, Text.Collapsed(cells[c])));
            }
        }
        return new HeaderRow(row, columns) { CategoryColumns = categories, Unrecognised = unknown, LastColumn = last };
    }

    /// <summary>
    /// A table with neither a judgment nor an answer column, one of whose finding or unnamed columns
    /// holds judgments of the scale (〇, △, 適合, －) in at least 3 rows and 4 of 5 of its filled cells,
    /// of at least two classes, and is the only such column: that column is the judgment column. Offices head it 確認結果, チェック, 結果 or leave it blank; most
    /// use 確認結果 for findings, so the header alone cannot tell, what stands below it can. A second
    /// finding header of the row (所見 beside 確認結果) then names the findings.
    /// </summary>
    public static HeaderRow WithJudgmentByContent(RawSheet sheet, HeaderRow header, Lexicon lexicon, JudgmentScale scale)
    {
        if (header.Has(ColumnKind.Judgment) || header.Has(ColumnKind.Answer)) return header;
        var last = Math.Min(sheet.RowCount, header.Row + 500);
        // Every column not named as something else: unknown or blank headers, and the findings.
        var named = header.Columns.Where(c => c.Key != ColumnKind.Finding).Select(c => c.Value).Concat(header.CategoryColumns).ToHashSet();
        var width = Enumerable.Range(header.Row, last - header.Row + 1).Select(r => sheet.Row(r).Length).DefaultIfEmpty(0).Max();
        var judging = new List<int>();
        foreach (var col in Enumerable.Range(1, width).Where(x => !named.Contains(x)))
        {
            int filled = 0, judged = 0;
            var classes = new HashSet<JudgmentClass>();
            for (var r = header.Row + 1; r <= last; r++)
            {
                var text = sheet[r, col];
                if (text.Trim().Length == 0 || sheet.IsMergeFollower(r, col)) continue;
                filled++;
                if (scale.Parse(text) is { State: JudgmentState.Valid, Class: { } k })
                {
                    judged++;
                    classes.Add(k);
                }
            }
            // One class only is a column of marks (○ for 対象, per department), not of judgments.
            if (judged >= 3 && judged >= 0.8 * filled && classes.Count >= 2) judging.Add(col);
        }
        // Several such columns cannot be told apart: none is taken.
        if (judging is [var c])
        {
            var columns = new Dictionary<ColumnKind, int>(header.Columns) { [ColumnKind.Judgment] = c };
            if (header.Column(ColumnKind.Finding) == c)
            {
                columns.Remove(ColumnKind.Finding);
                var cells = sheet.Row(header.Row);
                for (var o = 0; o < cells.Length; o++)
                    if (o + 1 != c && !sheet.IsMergeFollower(header.Row, o + 1) && lexicon.Column(cells[o]) == ColumnKind.Finding)
                    {
                        columns[ColumnKind.Finding] = o + 1;
                        break;
                    }
            }
            return header with { Columns = columns, Unrecognised = header.Unrecognised.Where(u => u.Column != c).ToList() };
        }
        return header;
    }

    /// <summary>A header whose id column is found by what stands below it, or null.</summary>
    private static HeaderRow? ByContent(RawSheet sheet, int row, Lexicon lexicon)
    {
        var h = Cells(sheet, row, lexicon);
        if (h.Columns.ContainsKey(ColumnKind.Id) || h.Columns.Count < 2) return null;
        if (!h.Has(ColumnKind.ItemText) && !h.Has(ColumnKind.Judgment) && !h.Has(ColumnKind.Answer)) return null;

        var mapped = h.Columns.Values.Concat(h.CategoryColumns).ToHashSet();
        var width = Math.Max(h.LastColumn, Enumerable.Range(row + 1, Math.Max(0, Math.Min(sheet.RowCount, row + 50) - row)).Select(r => sheet.Row(r).Length).DefaultIfEmpty(0).Max());
        var lastRow = row;
        for (var r = row + 1; r <= Math.Min(sheet.RowCount, row + 500); r++)
        {
            if (Match(sheet, r, lexicon) is not null) break;
            lastRow = r;
        }
        var candidates = new List<Candidate>();
        for (var c = 1; c <= width; c++)
        {
            if (mapped.Contains(c)) continue;
            var values = new List<(int Row, string Id)>();
            for (var r = row + 1; r <= lastRow; r++)
            {
                var text = sheet[r, c];
                if (text.Trim().Length == 0 || sheet.IsMergeFollower(r, c)) continue;
                values.Add((r, ItemIds.Normalise(text)));
            }
            var ids = values.Where(v => ItemIds.IsIdToken(v.Id)).ToList();
            if (ids.Count < 2 || ids.Count < 0.6 * values.Count) continue;
            var distinct = ids.Select(v => v.Id).Distinct(StringComparer.Ordinal).Count();
            candidates.Add(new Candidate(c, ids, distinct >= 0.9 * ids.Count, ids.Max(v => ItemIds.Numbers(v.Id).Count)));
        }
        var id = candidates.Where(x => x.Unique).OrderByDescending(x => x.Depth).ThenByDescending(x => x.Ids.Count).ThenBy(x => x.Column).FirstOrDefault();
        if (id is null) return null;

        // Coarser id columns (1 beside 1.1.1) are categories when their ids are the ancestors of the id's.
        var coarser = candidates.Where(x => x != id && x.Depth < id.Depth && Ancestors(sheet, x.Column, id, lastRow)).Select(x => x.Column).ToList();
        var columns = new Dictionary<ColumnKind, int>(h.Columns) { [ColumnKind.Id] = id.Column };
        if (coarser.Count > 0) columns.TryAdd(ColumnKind.Category, coarser.Concat(h.CategoryColumns).Min());
        var categories = coarser.Concat(h.CategoryColumns).Order().ToList();
        var header = sheet[row, id.Column].Trim();
        var examples = string.Join(", ", id.Ids.Take(3).Select(v => v.Id));
        var name = CellRef.ColumnName(id.Column);
        var why = (header.Length == 0 ? $"見出しが空欄の {name} 列" : $"見出し「{Text.Collapsed(header)}」の {name} 列") +
            $"に項目番号の形の値（{examples} …）が {id.Ids.Count} 行並ぶため項目番号の列としました" +
            (coarser.Count > 0 ? $"（{string.Join("・", coarser.Select(CellRef.ColumnName))} 列はその上位の番号のため分類）" : "") +
            $" / column {name} ({(header.Length == 0 ? "blank header" : "header '" + Text.Collapsed(header) + "'")}) holds item ids ({examples} …) in {id.Ids.Count} rows, so it is the id column" +
            (coarser.Count > 0 ? $"; column(s) {string.Join(", ", coarser.Select(CellRef.ColumnName))} hold their parents and are categories" : "");
        return h with
        {
            Columns = columns,
            CategoryColumns = categories,
            Unrecognised = h.Unrecognised.Where(u => u.Column != id.Column && !coarser.Contains(u.Column)).ToList(),
            IdByContent = why,
            LastColumn = Math.Max(h.LastColumn, id.Column),
        };
    }

    private sealed record Candidate(int Column, List<(int Row, string Id)> Ids, bool Unique, int Depth);

    /// <summary>Whether a column's ids, carried down to the rows below them, number the parents of the id column's ids.</summary>
    private static bool Ancestors(RawSheet sheet, int column, Candidate id, int lastRow)
    {
        string? carried = null;
        int both = 0, parent = 0;
        var fine = id.Ids.ToDictionary(v => v.Row, v => v.Id);
        for (var r = id.Ids[0].Row; r <= lastRow; r++)
        {
            var text = ItemIds.Normalise(sheet[r, column]);
            if (ItemIds.IsIdToken(text)) carried = text;
            if (carried is null || !fine.TryGetValue(r, out var child)) continue;
            both++;
            if (ItemIds.Extends(carried, child)) parent++;
        }
        return both > 0 && parent >= 0.8 * both;
    }
}
