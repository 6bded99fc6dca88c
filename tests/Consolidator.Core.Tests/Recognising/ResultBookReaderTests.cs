using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// A workbook this product wrote, dropped into the inbox: recognised by its sheets, read for
/// 前年度比較 (key, items, judgments, status, generated-at), and never counted as a submission.
/// </summary>
[TestClass]
public sealed class ResultBookReaderTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2024, 3, 29, 18, 0, 0, TimeSpan.FromHours(9));

    private static byte[] ResultOf(Scenario scenario, int fiscalYear)
    {
        var audit = new Consolidation().Run(scenario.Sources).Audits.Single(a => a.Key.FiscalYear == fiscalYear);
        using var ms = new MemoryStream();
        ResultWorkbook.Write(audit, GeneratedAt, ms);
        return ms.ToArray();
    }

    [TestMethod]
    public void ResultWorkbook_IsReadAsTheEarlierYear_NotAsAChecklist()
    {
        var s = new Consolidation().Ingest(SourceFile.FromBytes("介護保険システム_令和5年度_監査結果.xlsx", ResultOf(Scenarios.TwoYears(), 2023), GeneratedAt));

        Assert.AreEqual(SubmissionRole.Result, s.Role);
        Assert.IsFalse(s.IsRejected);
        Assert.AreEqual(0, s.RowsRead);
        Assert.AreEqual(new AuditKey("介護保険システム", 2023), s.Key);
        var p = s.Previous!;
        Assert.AreEqual("確定", p.Status);
        Assert.AreEqual("2024-03-29 18:00", p.GeneratedAt);
        Assert.AreEqual("1-1 〇 適合 | 1-2 △ 不適合 | 2-1 〇 適合 | 2-2 □ 注意事項 | 3-1 ― 対象外 | 3-2 △ 不適合 | 4-1 × 重大な不適合",
            string.Join(" | ", p.Items.Select(i => $"{i.Id} {i.Symbol} {i.Label}")));
        Assert.IsTrue(p.Items.All(i => i.Text.Length > 0), "item texts are kept for matching renumbered items");
    }

    [TestMethod]
    public void ResultWorkbook_WithItsOwnComparisonColumns_ReadsTheSameItems()
    {
        // 令和6年度's result has 前年度判定, 変化 and 前年度No. beside 判定: they are not its judgments.
        var s = new Consolidation().Ingest(SourceFile.FromBytes("r6.xlsx", ResultOf(Scenarios.TwoYears(), 2024), GeneratedAt));

        Assert.AreEqual("1-1 〇 | 1-2 〇 | 2-1 × | 2-2 □ | 3-1 ― | 3-3 △ | 4-2 〇", string.Join(" | ", s.Previous!.Items.Select(i => $"{i.Id} {i.Symbol}")));
    }

    [TestMethod]
    public void ResultWorkbook_WithPendingItems_ReadsThemAsNotJudged()
    {
        var s = new Consolidation().Ingest(SourceFile.FromBytes("c.xlsx", ResultOf(Scenarios.Conflicts(), 2023), GeneratedAt));

        Assert.AreEqual("暫定", s.Previous!.Status);
        // 4-1 blank and 5-3 要検討 are 未判定 in the result: no judgment, whatever 判定区分 says beside it.
        var pending = s.Previous.Items.Where(i => i.Id is "4-1" or "5-3").ToList();
        Assert.AreEqual(2, pending.Count);
        Assert.IsTrue(pending.All(i => i.Symbol.Length == 0 && i.Label.Length == 0), string.Join(", ", pending));
    }

    [TestMethod]
    public void Overview_IsOurOutputToo_NoSubmissionAndNoAudit()
    {
        var result = new Consolidation().Run(Scenarios.MultiAudit().Sources);
        using var ms = new MemoryStream();
        OverviewWorkbook.Write(result, GeneratedAt, ms);

        var s = new Consolidation().Ingest(SourceFile.FromBytes("監査結果一覧.xlsx", ms.ToArray(), GeneratedAt));

        Assert.AreEqual(SubmissionRole.Result, s.Role);
        Assert.IsNull(s.Previous);
        Assert.IsNull(s.Key);
        var again = new Consolidation().Run([.. Scenarios.MultiAudit().Sources, SourceFile.FromBytes("監査結果一覧.xlsx", ms.ToArray(), GeneratedAt)]);
        Assert.AreEqual(2, again.Audits.Count);
        Assert.AreEqual(FileStatus.Referenced, again.Files.Single(f => f.Source.RelativePath == "監査結果一覧.xlsx").Status);
    }

    [TestMethod]
    public void ChecklistWithASheetNamed総括_IsStillAChecklist()
    {
        var checklist = Scenarios.Checklist("庶務事務システム", "令和5年度", "高橋 美咲", "令和5年10月10日", [["分類", "1-1", "項目", "基準", "〇", null, null, null]]);
        var cover = new SheetSpec { Name = "総括", Title = "情報セキュリティ監査 結果総括" };
        var s = new Consolidation().Ingest(SourceFile.FromBytes("c.xlsx", Books.Xlsx(cover, checklist), Scenarios.At(2023, 10, 1)));

        Assert.AreEqual(SubmissionRole.Auditor, s.Role, "a result workbook has 総括, 監査結果 and 取込履歴");
    }
}
