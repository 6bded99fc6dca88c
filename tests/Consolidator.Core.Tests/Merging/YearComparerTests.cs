using Consolidator.Core.Merging;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Merging;

/// <summary>
/// 前年度比較: two fiscal years of one system — a finding fixed, one worse, one unchanged, a new
/// item, one removed, one renumbered — from the earlier year's files or from its result workbook;
/// items matched by id, else by identical text, and never guessed.
/// </summary>
[TestClass]
public sealed class YearComparerTests
{
    private static string Describe(YearComparison c) => string.Join(" | ", c.Items.Select(i =>
        $"{i.Id ?? "-"}←{i.PreviousId ?? "-"} {i.PreviousText}→{i.Current?.Symbol ?? (i.Change == YearChange.Removed ? "-" : "未判定")} {i.Change.Label()}{(i.ByText ? " 番号変更" : "")}"));

    private const string Expected =
        "1-1←1-1 〇 適合→〇 継続 | 1-2←1-2 △ 不適合→〇 改善 | 2-1←2-1 〇 適合→× 悪化 | 2-2←2-2 □ 注意事項→□ 継続 | "
        + "3-1←3-1 ― 対象外→― 継続 | 3-3←3-2 △ 不適合→△ 継続 番号変更 | 4-2←- 未判定→〇 新規 | -←4-1 × 重大な不適合→- 削除";

    [TestMethod]
    public void TwoFiscalYears_FixedWorseUnchangedNewRemovedRenumbered()
    {
        var result = new Consolidation().Run(Scenarios.TwoYears().Sources);

        Assert.AreEqual(2, result.Audits.Count);
        var earlier = result.Audits.Single(a => a.Key.FiscalYear == 2023);
        var later = result.Audits.Single(a => a.Key.FiscalYear == 2024);
        Assert.IsNull(earlier.Comparison, "the earliest year compares with nothing");
        var c = later.Comparison!;
        Assert.AreEqual(Expected, Describe(c));
        Assert.AreEqual(new AuditKey("介護保険システム", 2023), c.Previous.Key);
        Assert.IsNull(c.Previous.File);
        Assert.AreEqual("改善 1、悪化 1、継続 4、新規 1、削除 1", Core.Writing.FollowUpTexts.Changes(c.All));
        // 前回指摘事項: 1-2 △, 2-2 □, 3-2 △ (now 3-3), 4-1 ×.
        Assert.AreEqual(4, c.Findings.Total);
        Assert.AreEqual("改善 1、悪化 0、継続 2、削除 1", Core.Writing.FollowUpTexts.Changes(c.Findings, findings: true));
        Assert.AreEqual(1, c.Renumbered);
    }

    [TestMethod]
    public void FromThePreviousResultWorkbook_TheSameComparison_AndTheWorkbookIsNoSubmission()
    {
        var result = new Consolidation().Run(Scenarios.TwoYearsFromResult().Sources);

        var later = result.Audits.Single();
        Assert.AreEqual(2024, later.Key.FiscalYear);
        Assert.AreEqual(Expected, Describe(later.Comparison!));
        Assert.AreEqual("前年度/介護保険システム_令和5年度_監査結果.xlsx", later.Comparison!.Previous.File);
        Assert.AreEqual("確定", later.Comparison.Previous.Status);
        Assert.AreEqual("2024-03-29 18:00", later.Comparison.Previous.GeneratedAt);

        // Listed in the later year's 取込履歴 as 参照 with what it was used for; its rows count nowhere.
        var book = later.Inputs.Single(i => i.Role == SubmissionRole.Result);
        Assert.AreEqual(FileStatus.Referenced, book.Status);
        StringAssert.Contains(book.ReasonJa, "介護保険システム 令和6年度の前年度比較に使用しました");
        Assert.AreEqual(0, book.RowsMerged);
        Assert.AreEqual(1, later.AuditorChecklists);
        Assert.AreEqual(1, result.Files.Count(f => f.Status == FileStatus.Referenced));
    }

    [TestMethod]
    public void ResultWorkbook_OfAYearConsolidatedFromItsFiles_IsNotUsed()
    {
        var twoYears = Scenarios.TwoYears();
        var book = Scenarios.TwoYearsFromResult().Files[0];

        var result = new Consolidation().Run(twoYears.Files.Append(book).Select(f => f.ToSource()));

        Assert.AreEqual(2, result.Audits.Count);
        var later = result.Audits.Single(a => a.Key.FiscalYear == 2024);
        Assert.IsNull(later.Comparison!.Previous.File, "the files of 令和5年度 win over its result workbook");
        var record = result.Files.Single(f => f.Source.RelativePath == book.Path);
        Assert.AreEqual(FileStatus.Referenced, record.Status);
        StringAssert.Contains(record.ReasonJa, "提出ファイルから集約しているため");
    }

    [TestMethod]
    public void ThreeYears_EachComparesWithTheOneBefore()
    {
        // 令和4年度 as the 令和5年度 files relabelled; 令和5年度 then compares with it, 令和6年度 with 令和5年度.
        var twoYears = Scenarios.TwoYears();
        var pipeline = new Consolidation();
        var result = pipeline.Run(twoYears.Sources.Concat(Scenarios.CareEarlierYear("令和4年度/", "令和4年度").Select(f => f.ToSource())));

        Assert.AreEqual(3, result.Audits.Count);
        Assert.IsNull(result.Audits.Single(a => a.Key.FiscalYear == 2022).Comparison);
        Assert.AreEqual(2022, result.Audits.Single(a => a.Key.FiscalYear == 2023).Comparison!.Previous.Key.FiscalYear);
        Assert.AreEqual(7, result.Audits.Single(a => a.Key.FiscalYear == 2023).Comparison!.All[YearChange.Unchanged]);
        Assert.AreEqual(2023, result.Audits.Single(a => a.Key.FiscalYear == 2024).Comparison!.Previous.Key.FiscalYear);
    }

    [TestMethod]
    public void IdenticalTexts_AreNotGuessed_TheItemsAreListed()
    {
        var scale = JudgmentScale.Default;
        var current = new AuditResult
        {
            Key = new AuditKey("X", 2024),
            Scale = scale,
            Items =
            [
                new ResultItem { Id = "A-1", Text = "同じ文", Judgment = scale.BySymbol("〇") },
                new ResultItem { Id = "A-2", Text = "同じ文", Judgment = scale.BySymbol("△") },
                new ResultItem { Id = "B-9", Text = "前年と同じ 文", Judgment = scale.BySymbol("〇") },
                new ResultItem { Id = "C-1", Text = "言い回しを変えた文", Judgment = null },
            ],
        };
        var previous = new YearSnapshot
        {
            Key = new AuditKey("X", 2023),
            Items =
            [
                new SnapshotItem("Z-1", "", "同じ文", "×", "重大な不適合"),
                new SnapshotItem("Z-2", "", "同じ文", "〇", "適合"),
                new SnapshotItem("B-1", "", "前年と同じ文", "□", ""),
                new SnapshotItem("C-1", "", "元の文", "△", "不適合"),
            ],
        };

        var c = YearComparer.Compare(current, previous);

        // A-1/A-2 and Z-1/Z-2 share one text: no pairing is guessed. B-9 is B-1 renumbered (spaces aside);
        // C-1 keeps its id though its text was reworded, and is not judged this year.
        Assert.AreEqual("A-1←- 未判定→〇 新規 | A-2←- 未判定→△ 新規 | B-9←B-1 □→〇 改善 番号変更 | C-1←C-1 △ 不適合→未判定 判定なし | "
            + "-←Z-1 × 重大な不適合→- 削除 | -←Z-2 〇 適合→- 削除", Describe(c));
    }

    [TestMethod]
    // The earlier judgment is read on this year's scale, by label first.
    [DataRow("△", "不適合", "〇", "改善")]
    [DataRow("〇", "適合", "□", "悪化")]
    [DataRow("×", "重大な不適合", "×", "継続")]
    [DataRow("―", "対象外", "△", "対象変更")]
    [DataRow("△", "不適合", "―", "対象変更")]
    [DataRow("―", "対象外", "―", "継続")]
    [DataRow("", "", "〇", "判定なし")]
    [DataRow("?", "要検討", "〇", "判定なし")]
    [DataRow("X", "", "△", "改善")]
    public void Change_OfOneItem(string symbol, string label, string now, string change)
    {
        var scale = JudgmentScale.Default;
        var current = new AuditResult { Key = new AuditKey("X", 2024), Scale = scale, Items = [new ResultItem { Id = "1", Text = "t", Judgment = scale.BySymbol(now) }] };
        var previous = new YearSnapshot { Key = new AuditKey("X", 2023), Items = [new SnapshotItem("1", "", "t", symbol, label)] };

        Assert.AreEqual(change, YearComparer.Compare(current, previous).Items.Single().Change.Label());
    }
}
