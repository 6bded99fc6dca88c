using System.Text;

namespace Consolidator.Fixtures;

public static partial class SeedAudit
{
    /// <summary>
    /// The member auditor's checklist as CSV, the way Excel's 「CSV (コンマ区切り)」 saves it: a
    /// metadata block above the table, quoted fields where needed, CRLF. With CP932 it is what
    /// Japanese Excel writes; with UTF-8 (and a BOM) what 「CSV UTF-8」 writes.
    /// </summary>
    public static byte[] MemberChecklistCsv(Encoding encoding)
    {
        var sb = new StringBuilder();
        void Line(params string?[] cells) => sb.Append(string.Join(",", cells.Select(Quote))).Append("\r\n");
        Line($"{Year} 情報セキュリティ監査 チェックリスト（{Target}）");
        Line();
        Line("区分", "監査人", "", "対象業務", Target);
        Line("年度", Year, "", "実施日", AuditDate);
        Line("所属", "行政経営部 監査室", "", "監査人", "高橋 美咲（監査人）");
        Line();
        Line("分類", "No.", "監査項目", "根拠", "判定", "指摘内容", "改善提案", "備考");
        foreach (var i in Items.Where(i => i.Auditor == Auditor.Member))
            Line(i.Category, i.Id, i.Text, i.Basis, i.Judgment, i.Finding, i.Recommendation, i.Remarks);
        return encoding.GetPreamble().Concat(encoding.GetBytes(sb.ToString())).ToArray();
    }

    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
