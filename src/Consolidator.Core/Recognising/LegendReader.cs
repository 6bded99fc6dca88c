using System.Text.RegularExpressions;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>One line of a legend of the scale: a spelling, the meaning the file gives it, and the class that meaning names (null: none).</summary>
internal sealed record LegendEntry(string Spelling, string Meaning, JudgmentClass? Class, CellRef Cell);

/// <summary>What a sheet's legends say, and which of its rows are wholly legend (its title, its header, its lines).</summary>
internal sealed record Legend(IReadOnlyList<LegendEntry> Entries, IReadOnlySet<int> Rows)
{
    public static Legend None { get; } = new([], new HashSet<int>());
}

/// <summary>
/// Finds the legends of the scale a sheet carries beside, above or below its table: rows of a
/// symbol and its meaning (〇 | 適合, Pass | 要件は…, o | 適合, ? | 未確認), optionally under a header
/// of legend words (記号 / シンボル / 判定 / 説明 …) and a title (凡例, 【判定基準】, 記録内容), and
/// single cells listing several (〇：適合　△：不適合 …). A run of such rows is a legend when a legend
/// header stands above it, or when at least two of its symbols or meanings are spellings of the
/// scale. Inside the table a legend's symbol never stands in the judgment or answer column unless
/// a legend header is above it: a judgment without an id there is a row to list, not a legend.
/// </summary>
internal static partial class LegendReader
{
    private static readonly HashSet<string> HeaderWords = new(StringComparer.Ordinal)
    {
        "記号", "シンボル", "SYMBOL", "SYMBOLS", "凡例", "LEGEND", "KEY", "判定", "判定区分", "区分", "評価", "結果", "説明", "意味",
        "内容", "定義", "基準", "判定基準", "評価基準", "DESCRIPTION", "MEANING", "LABEL", "名称", "記入内容", "記録内容", "入力値", "値", "VALUE",
    };

    public static Legend Read(RawSheet sheet, string file, JudgmentScale scale, HeaderRow? header, OwnCells? cells = null)
    {
        cells ??= new OwnCells(sheet);
        var entries = new List<LegendEntry>();
        var rows = new HashSet<int>();
        var judgmentColumns = header is null ? [] : new[] { header.Column(ColumnKind.Judgment), header.Column(ColumnKind.Answer) }.OfType<int>().ToHashSet();
        var slices = new List<Slice>();
        for (var r = 1; r <= sheet.RowCount; r++)
            slices.Add(new Slice(r, cells[r]));
        Blocks(slices, sheet, file, scale, header, judgmentColumns, entries, rows);
        // A legend beside the table: the cells right of its last header column, on the table's own rows.
        if (header is not null)
        {
            List<(int Column, string Text)> none = [];
            var beside = slices.Select(s => s.Cells.Count > 0 && s.Cells[^1].Column > header.LastColumn
                ? s with { Cells = s.Cells.Where(c => c.Column > header.LastColumn).ToList() }
                : s with { Cells = none }).ToList();
            var besideRows = new HashSet<int>();
            Blocks(beside, sheet, file, scale, null, [], entries, besideRows);
        }
        // Several pairs in one cell: 〇：適合　△：不適合 ×：重大な不適合 ―：対象外, 判定は 〇（適合）/△（不適合）.
        // Only rows of one or two cells: such a list stands alone (a note above the table, a line below it).
        for (var r = 1; r <= sheet.RowCount; r++)
            foreach (var (c, text) in slices[r - 1].Cells.Count <= 2 ? slices[r - 1].Cells : [])
            {
                var pairs = Inline(text, scale);
                if (pairs.Count < 2) continue;
                entries.AddRange(pairs.Select(p => new LegendEntry(p.Spelling, p.Meaning, p.Class, new CellRef(file, sheet.Name, r, c))));
                if (slices[r - 1].Cells.Count == 1) rows.Add(r);
            }
        return new Legend(entries, rows);
    }

    private sealed record Slice(int Row, List<(int Column, string Text)> Cells);

    private static void Blocks(List<Slice> slices, RawSheet sheet, string file, JudgmentScale scale, HeaderRow? header,
        HashSet<int> judgmentColumns, List<LegendEntry> entries, HashSet<int> rows)
    {
        var i = 0;
        while (i < slices.Count)
        {
            if (!IsLine(slices[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < slices.Count && IsLine(slices[i])) i++;
            var run = slices.GetRange(start, i - start);
            var headed = start > 0 && IsLegendHeader(slices[start - 1]);
            // A header of legend words is itself a line (記号 | 判定): it leads the run rather than stands above it.
            if (!headed && IsLegendHeader(run[0]) && run.Count > 1)
            {
                headed = true;
                start++;
                run = run.Skip(1).ToList();
            }
            var inTable = header is not null && run[0].Row > header.Row;
            // Rows of items (an id first) or of judgments without ids are no legend unless a legend header says so.
            if (!headed && (run.Any(s => ItemIds.IsIdToken(ItemIds.Normalise(s.Cells[0].Text))) || inTable && run.Any(s => judgmentColumns.Contains(s.Cells[0].Column))))
                continue;
            var lines = run.Select(s => Line(s, file, sheet.Name, scale)).ToList();
            var known = lines.Count(l => l.Class is not null || scale.Known(l.Spelling).Class is not null || JudgmentScale.IsPendingSpelling(l.Spelling));
            if (!headed && known < 2) continue;
            entries.AddRange(lines);
            foreach (var s in run) rows.Add(s.Row);
            var top = start - 1;
            if (headed)
            {
                rows.Add(slices[top].Row);
                top--;
            }
            // A title directly above: one short text (凡例, 【判定基準】, 記録内容).
            if (top >= 0 && slices[top].Cells.Count == 1 && slices[top].Cells[0].Text.Length <= 20 &&
                (headed || Text.HeaderKey(slices[top].Cells[0].Text) is var key && (key.Contains("凡例") || key.Contains("基準") || key.Contains("LEGEND") || key.Contains("記号"))))
                rows.Add(slices[top].Row);
        }
    }

    /// <summary>A line of a legend: a short spelling, then one to three cells of meaning.</summary>
    private static bool IsLine(Slice s) =>
        s.Cells.Count is >= 2 and <= 4 && Text.NfkcCollapsed(s.Cells[0].Text) is { Length: > 0 and <= 8 } t && !t.Contains(' ');

    private static bool IsLegendHeader(Slice s) =>
        s.Cells.Count is >= 2 and <= 4 && s.Cells.All(c => HeaderWords.Contains(Text.HeaderKey(c.Text)));

    private static LegendEntry Line(Slice s, string file, string sheet, JudgmentScale scale)
    {
        var spelling = Text.NfkcCollapsed(s.Cells[0].Text);
        var meanings = s.Cells.Skip(1).Select(c => Text.Collapsed(c.Text)).ToList();
        foreach (var m in meanings)
            if (MeaningClass(m, scale) is { } k)
                return new LegendEntry(spelling, m, k, new CellRef(file, sheet, s.Row, s.Cells[0].Column));
        return new LegendEntry(spelling, meanings[0], null, new CellRef(file, sheet, s.Row, s.Cells[0].Column));
    }

    /// <summary>The class a meaning names: 適合, 不適合（軽微）, 重大な不適合：リスク大, N/A; null for a description or a word the scale lacks.</summary>
    public static JudgmentClass? MeaningClass(string meaning, JudgmentScale scale)
    {
        if (meaning.Length > 60) return null;
        var t = Text.NfkcCollapsed(meaning);
        if (t.Length == 0 || t.Length > 40) return null;
        if (scale.Parse(t) is { IsValid: true, Class: { } c }) return c;
        var stripped = Text.NfkcCollapsed(Text.HeaderKeyWithoutBracketed(t));
        if (stripped.Length > 0 && scale.Known(stripped).Class is { } s) return s;
        var head = t.Split([' ', ':', '：', '、', ',', '(', '（', '/', '／', '-'], StringSplitOptions.RemoveEmptyEntries);
        return head.Length > 1 && scale.Known(head[0]).Class is { } h ? h : null;
    }

    /// <summary>Whether a meaning is a label (適用, 未確認) rather than a description (要件は…ません。).</summary>
    public static bool IsLabel(string meaning)
    {
        var t = Text.NfkcCollapsed(meaning);
        return t.Length is > 0 and <= 12 && !t.EndsWith('。') && !t.EndsWith('.') && !t.Contains(' ');
    }

    private static List<(string Spelling, string Meaning, JudgmentClass? Class)> Inline(string text, JudgmentScale scale)
    {
        var pairs = new List<(string, string, JudgmentClass?)>();
        // At least two separators (〇：適合　△：不適合, 〇（適合）／△（不適合）) before any normalisation.
        if (text.Length > 200 || text.Count(ch => ch is ':' or '：' or '(' or '（' or '=') < 2) return pairs;
        var t = Text.NfkcCollapsed(text);
        foreach (Match m in Pair().Matches(t))
        {
            var spelling = m.Groups["sym"].Value;
            var meaning = m.Groups["label"].Value;
            var k = MeaningClass(meaning, scale);
            if (k is null) continue;
            pairs.Add((spelling, meaning, k));
        }
        return pairs;
    }

    [GeneratedRegex(@"(?<sym>[^\s:：=（()）/／、,]{1,6})\s*(?:[:：=]\s*(?<label>[^\s/／、,()（）]{1,12})|\(\s*(?<label>[^()]{1,12})\s*\))")]
    private static partial Regex Pair();
}
