using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Reading;
using Consolidator.Core.Recognising;
using Consolidator.Core.Tests.EndToEnd;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Merging;

/// <summary>
/// An office's own scale (ISMS-style 適合 / 観察事項 / 不適合): from settings or from a 判定基準
/// sheet in the master list; judgments, the 総括 table and the sentence follow it.
/// </summary>
[TestClass]
public sealed class JudgmentScaleConfigurationTests
{
    private static readonly JudgmentScale Isms = new(
    [
        new JudgmentClass { Symbol = "適合", Label = "適合", LabelSpellings = ["OK", "〇"], Severity = 1 },
        new JudgmentClass { Symbol = "観察事項", Label = "観察事項", LabelSpellings = ["観察"], Severity = 2, IsFinding = true },
        new JudgmentClass { Symbol = "不適合", Label = "不適合", LabelSpellings = ["NC"], Severity = 3, IsFinding = true, RequiresFinding = true },
    ], "isms");

    private static Scenario IsmsAudit(SheetSpec? scaleSheet = null)
    {
        const string t = "電子申請システム", y = "令和6年度";
        var master = Scenarios.Master(t, y, [("A.5.1", "組織"), ("A.5.2", "組織"), ("A.8.1", "技術"), ("A.8.2", "技術")]);
        var checklist = Scenarios.Checklist(t, y, "高橋 美咲", "令和6年9月2日",
        [
            ["組織", "A.5.1", "方針", "A.5.1", "適合", null, null, null],
            ["組織", "A.5.2", "役割", "A.5.2", "観察", "役割分担表が旧版のまま。", null, null],
            ["技術", "A.8.1", "端末", "A.8.1", "NC", "暗号化されていない端末があった。", null, null],
            ["技術", "A.8.2", "特権", "A.8.2", "〇", null, null, null],
        ]);
        var masterBytes = scaleSheet is null ? Books.Xlsx(master) : Books.Xlsx(master, scaleSheet);
        return new Scenario("isms",
        [
            new("監査項目一覧.xlsx", masterBytes, Scenarios.At(2024, 8, 1)),
            new("チェックリスト_高橋.xlsx", Books.Xlsx(checklist), Scenarios.At(2024, 9, 3)),
        ]);
    }

    private static void AssertIsmsResult(AuditResult a)
    {
        CollectionAssert.AreEqual(new[] { "適合", "観察事項", "不適合" }, a.Scale.Classes.Select(c => c.Label).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 1, 1 }, a.Counts.Select(c => c.Count).ToArray());
        Assert.AreEqual(0, a.Pending, string.Join("\n", a.Notes));
        Assert.AreEqual("「不適合」1件、「観察事項」1件を検出した。", SummarySentence.For(a));
        Assert.AreEqual(AuditStatus.Final, a.Status, string.Join("\n", a.Notes));
    }

    [TestMethod]
    public void ScaleFromSettings_JudgesAndCountsOnIt()
    {
        var options = new ConsolidationOptions { Recognition = new RecognitionOptions { Scale = Isms } };

        var a = new Consolidation(options).Run(IsmsAudit().Sources).Audits.Single();

        AssertIsmsResult(a);
    }

    [TestMethod]
    public void ScaleFromTheMasterLists判定基準Sheet_WinsOverTheDefault()
    {
        var sheet = new SheetSpec { Name = "判定基準" };
        sheet.Headers = ["判定", "別表記", "指摘", "説明"];
        sheet.Row("適合", "OK、〇", null, "基準を満たす")
             .Row("観察事項", "観察", "〇", "改善の機会")
             .Row("不適合", "NC", "〇", "基準を満たさない");

        var a = new Consolidation().Run(IsmsAudit(sheet).Sources).Audits.Single();

        AssertIsmsResult(a);
    }

    // A checklist with one sheet per site, judged in the master list's own words: every sheet is read
    // again on the audit's scale and the sites merged again (観察 on one site, NC on the other: 不適合).
    [TestMethod]
    public void ParallelSheets_AreJudgedAgainOnTheMasterListsScale_EverySheet()
    {
        var sheet = new SheetSpec { Name = "判定基準" };
        sheet.Headers = ["判定", "別表記", "指摘"];
        sheet.Row("適合", "OK", null).Row("観察事項", "観察", "〇").Row("不適合", "NC", "〇");
        var audit = IsmsAudit(sheet);
        SheetSpec Site(string name, string a51, string a52)
        {
            var s = new SheetSpec { Name = name };
            if (name == "本庁") s.Meta("区分", "監査人").Meta("対象業務", "電子申請システム").Meta("年度", "令和6年度").Meta("監査人", "高橋 美咲");
            s.Headers = ["分類", "No.", "監査項目", "根拠", "判定", "指摘内容"];
            s.Row("組織", "A.5.1", "方針", "A.5.1", a51, a51 == "OK" ? null : "記録がない。").Row("組織", "A.5.2", "役割", "A.5.2", a52, a52 == "OK" ? null : "役割分担表が旧版のまま。");
            return s;
        }
        var sites = new InputFile("チェックリスト_高橋.xlsx", Books.Xlsx(Site("本庁", "観察", "OK"), Site("支所", "NC", "OK")), Scenarios.At(2024, 9, 3));

        var a = new Consolidation().Run([audit.Sources.First(), sites.ToSource()]).Audits.Single();

        var item = a.Items.Single(i => i.Id == "A.5.1");
        Assert.AreEqual("不適合", item.Judgment!.Label);
        CollectionAssert.AreEqual(new[] { "観察事項", "不適合" }, item.Judgments.Single().Scopes.Select(x => x.Parsed.Class!.Label).ToArray());
        Assert.AreEqual("適合", a.Items.Single(i => i.Id == "A.5.2").Judgment!.Label);
        Assert.IsFalse(a.Notes.Any(n => n.Kind is ReviewKind.JudgmentDisagreement or ReviewKind.InvalidJudgment), string.Join("\n", a.Notes));
    }

    [TestMethod]
    public void WithoutTheCustomScale_TheSameFilesAreInvalidOnTheDefaultScale()
    {
        var a = new Consolidation().Run(IsmsAudit().Sources).Audits.Single();

        Assert.AreEqual(2, a.Pending);
        Assert.AreEqual(2, a.Notes.Count(n => n.Kind == ReviewKind.InvalidJudgment));
    }

    [TestMethod]
    public void SummaryTable_FollowsTheScale_指摘事項OverItsFindingClasses()
    {
        var options = new ConsolidationOptions { Recognition = new RecognitionOptions { Scale = Isms } };
        var a = new Consolidation(options).Run(IsmsAudit().Sources).Audits.Single();
        using var ms = new MemoryStream();
        ResultWorkbook.Write(a, DateTimeOffset.UnixEpoch, ms);

        var summary = WorkbookReader.Read(new MemoryStream(ms.ToArray()), "x.xlsx").Sheets[0];

        var header = Enumerable.Range(1, summary.RowCount).First(r => summary.Row(r).Contains("観察事項"));
        CollectionAssert.AreEqual(new[] { "適合", "指摘事項", "指摘事項", "計" }, summary.Row(header - 1).Take(4).ToArray());
        CollectionAssert.AreEqual(new[] { "適合", "観察事項", "不適合", "計" }, summary.Row(header).Take(4).ToArray());
        CollectionAssert.AreEqual(new[] { "2", "1", "1", "4" }, summary.Row(header + 1).Take(4).ToArray());
    }
}
