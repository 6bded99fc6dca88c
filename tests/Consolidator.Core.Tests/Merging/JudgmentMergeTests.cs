using Consolidator.Core.Merging;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using static Consolidator.Core.Tests.Merging.MergeParts;

namespace Consolidator.Core.Tests.Merging;

[TestClass]
public sealed class JudgmentMergeTests
{
    private static (List<ResultItem> Items, List<ReviewNote> Notes, RowLedger Ledger) Merge(params SubmissionPart[] auditors)
    {
        var ledger = new RowLedger();
        var universe = ItemUniverse.Of(null, auditors, ledger);
        var notes = new List<ReviewNote>();
        var items = new JudgmentMerge(Scale, Scale).Merge(universe, auditors, ledger, notes);
        return (items, notes, ledger);
    }

    [TestMethod]
    // The most severe valid judgment wins; a 判定不一致 entry only where they differ.
    [DataRow("〇", "〇", "〇", false)]
    [DataRow("〇", "△", "△", true)]
    [DataRow("×", "□", "×", true)]
    [DataRow("―", "〇", "〇", true)]
    [DataRow("〇", "？", "〇", false)]
    public void TwoAuditors_MergeToTheMostSevere(string first, string second, string merged, bool disagreement)
    {
        var (items, notes, _) = Merge(
            Part(SubmissionRole.Auditor, "a.xlsx", "高橋", Row("a.xlsx", 2, "1-1", first, "事実")),
            Part(SubmissionRole.Auditor, "b.xlsx", "鈴木", Row("b.xlsx", 2, "1-1", second, "事実")));

        Assert.AreEqual(merged, items.Single().Judgment?.Symbol);
        Assert.AreEqual(disagreement, notes.Any(n => n.Kind == ReviewKind.JudgmentDisagreement));
        Assert.AreEqual(2, items.Single().Judgments.Count);
    }

    [TestMethod]
    public void NoJudgment_IsPending_WithAnEntry_AndAnInvalidOneKeepsItsText()
    {
        var (items, notes, _) = Merge(Part(SubmissionRole.Auditor, "a.xlsx", "高橋",
            Row("a.xlsx", 2, "1-1", ""), Row("a.xlsx", 3, "1-2", "たぶん")));

        Assert.IsNull(items[0].Judgment);
        Assert.IsNull(items[1].Judgment);
        Assert.AreEqual(1, notes.Count(n => n.Kind == ReviewKind.Pending && n.ItemId == "1-1"));
        Assert.AreEqual("たぶん", items[1].InvalidJudgmentText);
        Assert.IsFalse(notes.Any(n => n.Kind == ReviewKind.Pending && n.ItemId == "1-2"), "an invalid judgment is named as such, not as 未判定");
    }

    [TestMethod]
    public void DifferentFindings_AreEachUnderTheirAuditor_TheSameOneOnce()
    {
        var (items, _, _) = Merge(
            Part(SubmissionRole.Auditor, "a.xlsx", "高橋", Row("a.xlsx", 2, "1-1", "△", "施錠なし"), Row("a.xlsx", 3, "1-2", "△", "同じ")),
            Part(SubmissionRole.Auditor, "b.xlsx", "鈴木", Row("b.xlsx", 2, "1-1", "△", "記録なし"), Row("b.xlsx", 3, "1-2", "△", "同じ")));

        Assert.AreEqual("【高橋】施錠なし\n【鈴木】記録なし", items[0].Findings);
        Assert.AreEqual("同じ", items[1].Findings);
    }

    [TestMethod]
    public void RowsOutsideTheUniverse_AndRepeatedRows_AreListed()
    {
        var master = Part(SubmissionRole.Master, "m.xlsx", "", Row("m.xlsx", 2, "1-1"));
        var auditor = Part(SubmissionRole.Auditor, "a.xlsx", "高橋",
            Row("a.xlsx", 2, "1-1", "〇"), Row("a.xlsx", 3, "1-1", "△", duplicate: true), Row("a.xlsx", 4, "8-8", "〇"));
        var ledger = new RowLedger();
        var notes = new List<ReviewNote>();

        var items = new JudgmentMerge(Scale, Scale).Merge(ItemUniverse.Of(master, [auditor], ledger), [auditor], ledger, notes);

        Assert.AreEqual("〇", items.Single().Judgment?.Symbol);
        Assert.AreEqual(1, ledger.MergedCount("a.xlsx"));
        Assert.AreEqual(2, ledger.ListedCount("a.xlsx"));
        Assert.AreEqual("8-8", notes.Single(n => n.Kind == ReviewKind.UnknownItemId).ItemId);
    }

    [TestMethod]
    public void AnotherScale_JudgesTheRowsAgain()
    {
        // Read on the default scale, the audit's own scale knows only 適 and 否.
        var own = new JudgmentScale([
            new JudgmentClass { Symbol = "適", Label = "適合", Severity = 0 },
            new JudgmentClass { Symbol = "否", Label = "不適合", Severity = 1, IsFinding = true },
        ]);
        var auditor = Part(SubmissionRole.Auditor, "a.xlsx", "高橋", Row("a.xlsx", 2, "1-1", "否"), Row("a.xlsx", 3, "1-2", "〇"));
        var ledger = new RowLedger();
        var notes = new List<ReviewNote>();

        var items = new JudgmentMerge(own, Scale).Merge(ItemUniverse.Of(null, [auditor], ledger), [auditor], ledger, notes);

        Assert.AreEqual("否", items[0].Judgment?.Symbol);
        Assert.IsNull(items[1].Judgment, "〇 is not on the audit's scale");
        Assert.IsTrue(notes.Any(n => n.Kind == ReviewKind.InvalidJudgment && n.ItemId == "1-2"));
    }
}
