using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>
/// Reads key/value cells (対象業務 | 庶務事務システム) from the rows above a table or from a 表紙 /
/// 基本情報 sheet. Cells are taken left to right: a key's value is the next non-empty cell
/// to its right, so 区分 | 監査人 reads 監査人 as the value of 区分, not as a key. A single
/// cell "対象業務：庶務事務システム" also counts.
/// </summary>
internal static class MetadataReader
{
    public static readonly string[] CoverSheetNames = ["表紙", "基本情報", "概要", "提出情報", "情報"];

    public static Dictionary<MetaKey, Field> Read(RawSheet sheet, string file, int firstRow, int lastRow, Lexicon lexicon)
    {
        MetaKey? Key(string? text) => lexicon.MetaKey(text);
        var found = new Dictionary<MetaKey, Field>();
        for (var r = firstRow; r <= Math.Min(lastRow, sheet.RowCount); r++)
        {
            var cells = sheet.Row(r);
            var consumed = new bool[cells.Length];
            for (var c = 0; c < cells.Length; c++)
            {
                if (consumed[c] || string.IsNullOrWhiteSpace(cells[c])) continue;
                if (sheet.IsMergeFollower(r, c + 1)) continue;
                var key = Key(cells[c]);
                if (key is null)
                {
                    TryInline(cells[c], new CellRef(file, sheet.Name, r, c + 1), found, lexicon);
                    continue;
                }
                // The value: the next non-empty cell to the right that is not itself a merge of the key.
                for (var v = c + 1; v < cells.Length && v <= c + 4; v++)
                {
                    if (string.IsNullOrWhiteSpace(cells[v]) || cells[v] == cells[c] && sheet.IsMergeFollower(r, v + 1)) continue;
                    var valueIsKey = Key(cells[v]) is not null;
                    if (valueIsKey && key != MetaKey.Role) break;
                    consumed[v] = true;
                    found.TryAdd(key.Value, new Field(Text.Collapsed(cells[v]), new CellRef(file, sheet.Name, r, v + 1)));
                    break;
                }
            }
        }
        return found;
    }

    private static void TryInline(string text, CellRef cell, Dictionary<MetaKey, Field> found, Lexicon lexicon)
    {
        var i = text.IndexOfAny([':', '：']);
        if (i <= 0 || i >= text.Length - 1 || i > 12) return;
        var key = lexicon.MetaKey(text[..i]);
        var value = Text.Collapsed(text[(i + 1)..]);
        if (key is { } k && value.Length > 0) found.TryAdd(k, new Field(value, cell));
    }

    /// <summary>The built-in keys, keyed by <see cref="Text.HeaderKey"/>; a <see cref="Lexicon"/> adds an office's own.</summary>
    public static Dictionary<string, MetaKey> DefaultKeys()
    {
        var d = new Dictionary<string, MetaKey>(StringComparer.Ordinal);
        void Add(MetaKey k, params string[] names)
        {
            foreach (var n in names) d[Text.HeaderKey(n)] = k;
        }
        Add(MetaKey.Target, "対象業務", "対象システム", "監査対象", "システム名", "対象業務システム", "業務名", "対象業務名", "監査対象システム", "対象情報システム");
        Add(MetaKey.FiscalYear, "年度", "監査年度", "実施年度", "対象年度");
        Add(MetaKey.AuditDate, "実施日", "監査実施日", "監査日", "実施年月日");
        Add(MetaKey.SubmittedOn, "提出日", "回答日", "記入日", "提出年月日", "作成日", "回答年月日");
        Add(MetaKey.Submitter, "提出者", "回答者", "記入者", "作成者", "担当者", "回答担当者");
        Add(MetaKey.Auditor, "監査人", "監査担当者", "監査員", "担当監査人", "監査担当");
        Add(MetaKey.Vendor, "事業者名", "事業者", "会社名", "委託事業者", "委託事業者名", "受託者", "受託事業者", "回答事業者");
        Add(MetaKey.Organisation, "所属", "部署", "所属部署", "組織", "所属名");
        Add(MetaKey.Role, "区分", "種別", "書類区分", "提出区分");
        return d;
    }
}
