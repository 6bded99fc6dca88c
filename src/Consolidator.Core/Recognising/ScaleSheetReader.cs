using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>
/// An office's own judgment scale, from a sheet named 判定基準 in the master list. A header row
/// holds 記号 (symbol) and 判定 / 区分 / 名称 (label), optionally 別表記 / 表記ゆれ (other spellings,
/// separated by 、 , or spaces), 重大度 (a number, higher is more severe; otherwise the rows go
/// from least to most severe), 指摘 (marked 〇 for the 指摘事項 classes) and 対象外 (marked 〇 for
/// the out-of-scope class) and 判定の考え方 / 説明 (what the class means, for the report's
/// judgment-method table). Rows follow, one class each.
/// </summary>
internal static class ScaleSheetReader
{
    public static bool IsScaleSheet(RawSheet sheet) => Text.Nfkc(sheet.Name).Contains("判定基準");

    public static JudgmentScale? Read(RawSheet sheet)
    {
        for (var r = 1; r <= Math.Min(sheet.RowCount, 20); r++)
        {
            var cells = sheet.Row(r).Select(Text.HeaderKey).ToArray();
            int Find(params string[] names) => Array.FindIndex(cells, c => names.Any(n => c == n)) + 1;
            int Contains(string part) => Array.FindIndex(cells, c => c.Contains(part, StringComparison.Ordinal)) + 1;
            var symbol = Find("記号", "シンボル", "SYMBOL");
            var label = Find("判定", "区分", "名称", "判定区分", "LABEL");
            if (label == 0) continue;
            var spellings = Find("別表記", "表記ゆれ", "表記", "入力例");
            var severity = Find("重大度", "重さ", "深刻度", "SEVERITY");
            var criterion = Find("判定の考え方", "考え方", "判定基準", "基準", "説明", "意味", "内容", "定義", "DESCRIPTION");
            var finding = Contains("指摘");
            var scope = Contains("対象外");
            var classes = new List<JudgmentClass>();
            for (var row = r + 1; row <= sheet.RowCount; row++)
            {
                var name = Text.NfkcCollapsed(sheet[row, label]);
                if (name.Length == 0) continue;
                var sym = symbol > 0 ? Text.NfkcCollapsed(sheet[row, symbol]) : "";
                var outOfScope = scope > 0 ? Marked(sheet[row, scope]) : name is "対象外" or "該当なし";
                classes.Add(new JudgmentClass
                {
                    Symbol = sym.Length > 0 ? sym : name,
                    Label = name,
                    SymbolSpellings = [],
                    LabelSpellings = spellings > 0 ? Split(sheet[row, spellings]) : [],
                    Severity = severity > 0 && int.TryParse(Text.Nfkc(sheet[row, severity]), out var s) ? s : classes.Count + 1,
                    IsFinding = finding > 0 ? Marked(sheet[row, finding]) : false,
                    IsOutOfScope = outOfScope,
                    RequiresFinding = false,
                    Criterion = criterion > 0 && Text.Collapsed(sheet[row, criterion]) is { Length: > 0 } said ? said : null,
                });
            }
            if (classes.Count == 0) return null;
            if (finding == 0) classes = DefaultFindings(classes);
            // The most severe finding classes need 指摘内容, as △ and × do on the default scale.
            var leastFinding = classes.Where(c => c.IsFinding).MinBy(c => c.Severity);
            var findingCount = classes.Count(c => c.IsFinding);
            classes = classes.Select(c => c.IsFinding && (findingCount == 1 || c != leastFinding) ? c with { RequiresFinding = true } : c).ToList();
            var defaults = JudgmentScale.Default;
            classes = classes.Select(c => defaults.BySymbol(c.Symbol) is { } d && d.Label == c.Label ? c with { SymbolSpellings = d.SymbolSpellings, LabelSpellings = [.. d.LabelSpellings, .. c.LabelSpellings], Colour = d.Colour, Criterion = c.Criterion ?? d.Criterion } : c).ToList();
            return new JudgmentScale(classes, "判定基準");
        }
        return null;
    }

    /// <summary>Without a 指摘 column: the default scale's finding labels, else every in-scope class but the least severe.</summary>
    private static List<JudgmentClass> DefaultFindings(List<JudgmentClass> classes)
    {
        var known = JudgmentScale.Default.Classes.Where(c => c.IsFinding).Select(c => c.Label).ToHashSet();
        if (classes.Any(c => known.Contains(c.Label)))
            return classes.Select(c => c with { IsFinding = known.Contains(c.Label) }).ToList();
        var least = classes.Where(c => !c.IsOutOfScope).MinBy(c => c.Severity);
        return classes.Select(c => c with { IsFinding = !c.IsOutOfScope && c != least }).ToList();
    }

    private static bool Marked(string text) => Text.Nfkc(text) is "〇" or "○" or "◯" or "O" or "o" or "はい" or "✓" or "✔" or "Yes" or "YES" or "yes" or "1" or "TRUE" or "対象" or "指摘";

    private static string[] Split(string text) =>
        Text.Nfkc(text).Split(['、', ',', ' ', '/', '／'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
