using Consolidator.Core.Model;

namespace Consolidator.Core.Writing;

/// <summary>
/// 前年度判定 and 変化 in 監査結果 (and its CSV), after 判定区分, with the earlier year's id where it
/// differs (番号変更): written only when the audit has an earlier year to compare with.
/// </summary>
internal static class YearColumns
{
    /// <summary>Where the columns go: after No., 分類, 監査項目, 根拠, 判定, 判定区分.</summary>
    public const int At = 6;

    public static void Insert(AuditResult result, List<Column> columns, List<string?[]> rows)
    {
        if (result.Comparison is not { } comparison) return;
        var header = comparison.Previous.Key.FiscalYear == result.Key.FiscalYear - 1 ? "前年度" : "前回";
        columns.InsertRange(At,
        [
            new Column($"{header}判定\n（{comparison.Previous.Key.FiscalYearLabel}）", 8, 12, Center: true),
            new Column("変化", 6, 8, Center: true),
            new Column($"{header}No.", 6, 8, Center: true),
        ]);
        var changes = comparison.ByItemId();
        for (var r = 0; r < rows.Count && r < result.Items.Count; r++)
        {
            var change = changes.GetValueOrDefault(result.Items[r].Id);
            string?[] added = change is null ? ["", "", ""]
                : change.Change == YearChange.New ? ["", change.Change.Label(), ""]
                : [change.PreviousText, change.Change.Label(), change.ByText ? $"{change.PreviousId}（番号変更）" : change.PreviousId];
            rows[r] = [.. rows[r][..At], .. added, .. rows[r][At..]];
        }
    }
}
