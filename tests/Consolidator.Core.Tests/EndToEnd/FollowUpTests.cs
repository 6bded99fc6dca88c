using Consolidator.Core.Model;
using Consolidator.Core.Reading;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Consolidator.Core.Tests.EndToEnd;

/// <summary>
/// 提出状況 and 前年度比較 in the written result: an inbox holding two fiscal years of one system
/// (each its own master list, checklist and pre-answer, the earlier one in subfolders) shows the
/// comparison on the later year only; a roster gives the 提出状況 sheet and 総括's counts.
/// </summary>
[TestClass]
public sealed class FollowUpTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 28, 6, 0, 0, TimeSpan.FromHours(9));

    private static RawWorkbook Written(AuditResult audit)
    {
        using var ms = new MemoryStream();
        ResultWorkbook.Write(audit, GeneratedAt, ms);
        return WorkbookReader.Read(new MemoryStream(ms.ToArray()), "result.xlsx");
    }

    /// <summary>Each row's non-empty cells, a merged range once.</summary>
    private static List<string> Lines(RawSheet sheet) => Enumerable.Range(1, sheet.RowCount)
        .Select(r => string.Join(" | ", sheet.Row(r).Select((c, i) => (c, i)).Where(x => x.c.Length > 0 && !sheet.IsMergeFollower(r, x.i + 1)).Select(x => x.c)))
        .Where(l => l.Length > 0).ToList();

    [TestMethod]
    public void TwoFiscalYearsInOneInbox_TheLaterShows前年度比較_TheEarlierDoesNot()
    {
        var result = new Consolidation().Run(Scenarios.TwoYears().Sources);

        var later = Written(result.Audits.Single(a => a.Key.FiscalYear == 2024));
        var items = later.Sheets.Single(s => s.Name == "監査結果");
        CollectionAssert.AreEqual(new[] { "No.", "分類", "監査項目", "根拠", "判定", "判定区分", "前年度判定\n（令和5年度）", "変化", "前年度No.", "指摘内容" },
            items.Row(3).Take(10).ToArray());
        var rows = Enumerable.Range(4, 7).Select(r => string.Join(" ", items.Row(r)[0], items.Row(r)[4], items.Row(r)[6], items.Row(r)[7], items.Row(r)[8])).ToList();
        CollectionAssert.AreEqual(new[]
        {
            "1-1 〇 〇 適合 継続 1-1",
            "1-2 〇 △ 不適合 改善 1-2",
            "2-1 × 〇 適合 悪化 2-1",
            "2-2 □ □ 注意事項 継続 2-2",
            "3-1 ― ― 対象外 継続 3-1",
            "3-3 △ △ 不適合 継続 3-2（番号変更）",
            "4-2 〇  新規 ",
        }, rows);

        var summary = Lines(later.Sheets.Single(s => s.Name == "総括"));
        CollectionAssert.Contains(summary, "前年度比較（比較対象: 令和5年度の提出ファイルから集約した結果）");
        CollectionAssert.Contains(summary, "改善 1、悪化 1、継続 4、新規 1、削除 1（番号が変わった 1 項目は同じ項目文で照合）。項目ごとの変化は監査結果シートにあります。");
        CollectionAssert.Contains(summary, "前回指摘事項の状況（令和5年度の指摘事項 4 件: 改善 1、悪化 0、継続 2、削除 1）");
        var follow = summary.SkipWhile(l => !l.StartsWith("前年度No.", StringComparison.Ordinal)).Take(5).ToList();
        Assert.AreEqual("前年度No. | 前年度判定 | 監査項目 | 今年度No. | 今年度判定 | 変化", follow[0]);
        // Most severe first: 4-1 × (removed), then the △ 1-2 (fixed) and 3-2 (renumbered), then 2-2 □.
        StringAssert.StartsWith(follow[1], "4-1 | × 重大な不適合 | ");
        StringAssert.EndsWith(follow[1], " | （なし） | （項目なし） | 削除");
        StringAssert.EndsWith(follow[2], " | 1-2 | 〇 適合 | 改善");
        StringAssert.EndsWith(follow[3], " | 3-3 | △ 不適合 | 継続（番号変更）");
        StringAssert.EndsWith(follow[4], " | 2-2 | □ 注意事項 | 継続");
        CollectionAssert.Contains(summary, "照合できなかった項目（番号も項目文も一致しないもの）: 今年度のみ（新規） 4-2（1 件）／前年度のみ（削除） 4-1（1 件）");

        var earlier = Written(result.Audits.Single(a => a.Key.FiscalYear == 2023));
        Assert.IsFalse(earlier.Sheets.Single(s => s.Name == "監査結果").Row(3).Any(c => c.StartsWith("前年度", StringComparison.Ordinal)));
        Assert.IsFalse(Lines(earlier.Sheets.Single(s => s.Name == "総括")).Any(l => l.Contains("前年度比較", StringComparison.Ordinal)));
        Assert.IsFalse(earlier.Sheets.Any(s => s.Name == "提出状況"));
    }

    [TestMethod]
    public void TwoFiscalYears_TheCsvCarriesTheComparisonToo()
    {
        var later = new Consolidation().Run(Scenarios.TwoYears().Sources).Audits.Single(a => a.Key.FiscalYear == 2024);
        using var ms = new MemoryStream();
        ItemsCsv.Write(later, ms);
        var text = new System.Text.UTF8Encoding(true).GetString(ms.ToArray());

        StringAssert.Contains(text, "変化");
        StringAssert.Contains(text, "3-2（番号変更）");
    }

    [TestMethod]
    public void Roster_GivesThe提出状況Sheet_And総括Counts()
    {
        var audit = new Consolidation(new ConsolidationOptions { Calendar = new FakeTimeProvider(Scenarios.RosterDay) }).Run(Scenarios.Roster().Sources).Audits.Single();
        var book = Written(audit);

        var sheet = Lines(book.Sheets.Single(s => s.Name == "提出状況"));
        Assert.AreEqual("提出状況（国民健康保険システム 令和5年度、期限の判定日 令和5年10月16日）", sheet[0]);
        StringAssert.StartsWith(sheet[2], "1 | 監査人 | 佐藤 健一（監査責任者） | 完了 | 1-* | 2 | 2 | 令和5年10月13日 | 監査室/チェックリスト_佐藤.xlsx（2023-10-11 17:00） | 2023-10-11 17:00 | ");
        Assert.AreEqual("2 | 監査人 | 高橋 美咲 | 未提出 | 2-* | 2 | 0 | 令和5年10月13日 | 期限超過 | 監査項目一覧_国民健康保険システム.xlsx!提出予定!A6", sheet[3]);
        StringAssert.StartsWith(sheet[5], "4 | 事業者 | 株式会社みなと情報システム | 一部 | 1-2、2-*、3-1 | 4 | 3 | 令和5年10月6日 | 期限超過 | ");
        StringAssert.StartsWith(sheet[7], "6 | 事業者 | 株式会社さくらソリューションズ | 名簿外 | （名簿にない提出者） | 1 | 1 | ");

        var summary = Lines(book.Sheets.Single(s => s.Name == "総括"));
        CollectionAssert.Contains(summary, "区分 | 予定 | 完了 | 一部 | 未提出 | うち期限超過 | 名簿外");
        CollectionAssert.Contains(summary, "監査人 | 3 | 2 | 0 | 1 | 1 | 0");
        CollectionAssert.Contains(summary, "事業者 | 2 | 1 | 1 | 0 | 1 | 1");
        CollectionAssert.Contains(summary, "計 | 5 | 3 | 1 | 1 | 2 | 1");
        CollectionAssert.Contains(summary, "未提出 1: 高橋 美咲（監査人、期限 令和5年10月13日 超過）");
        CollectionAssert.Contains(summary, "一部のみ 1: 株式会社みなと情報システム（事業者、3/4 項目、期限 令和5年10月6日 超過）");
        Assert.IsTrue(summary.Any(l => l.StartsWith("状態 | 暫定 | 提出予定の監査人 1 名（高橋 美咲）が未提出です", StringComparison.Ordinal)), string.Join("\n", summary));
    }
}
