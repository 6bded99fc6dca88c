using Consolidator.Core.Merging;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using static Consolidator.Core.Tests.Merging.MergeParts;

namespace Consolidator.Core.Tests.Merging;

/// <summary>Vendors' answers attached to the merged items (<see cref="AnswerMerge"/>) and checked against the judgment (<see cref="CrossChecks"/>).</summary>
[TestClass]
public sealed class AnswerMergeTests
{
    private static (List<ResultItem> Items, List<VendorAnswerRecord> Answers, List<ReviewNote> Notes, RowLedger Ledger) Merge(
        SubmissionPart auditor, params SubmissionPart[] vendors)
    {
        var ledger = new RowLedger();
        var notes = new List<ReviewNote>();
        var universe = ItemUniverse.Of(null, [auditor], ledger);
        var judged = new JudgmentMerge(Scale, Scale).Merge(universe, [auditor], ledger, notes);
        notes.Clear();
        var (items, answers) = AnswerMerge.Merge(Scale, judged, vendors, universe.FromMaster, ledger, notes);
        return (items, answers, notes, ledger);
    }

    [TestMethod]
    // The truth table of the cross-checks: judgment × answer → the 要確認 entry, if any.
    [DataRow("〇", VendorAnswer.Implemented, null)]
    [DataRow("〇", VendorAnswer.NotImplemented, ReviewKind.VendorNotImplemented)]
    [DataRow("△", VendorAnswer.NotImplemented, null)]
    [DataRow("⦿", VendorAnswer.NotImplemented, null)]
    [DataRow("〇", VendorAnswer.NotApplicable, ReviewKind.VendorNotApplicable)]
    [DataRow("△", VendorAnswer.NotApplicable, ReviewKind.VendorNotApplicable)]
    [DataRow("―", VendorAnswer.NotApplicable, null)]
    [DataRow("", VendorAnswer.NotApplicable, null)]
    [DataRow("〇", VendorAnswer.NoAnswer, ReviewKind.VendorNoAnswer)]
    [DataRow("〇", VendorAnswer.Partial, null)]
    public void CrossCheck_OfAnAnswerAgainstTheJudgment(string judgment, VendorAnswer answer, ReviewKind? expected)
    {
        var auditor = Part(SubmissionRole.Auditor, "a.xlsx", "高橋", Row("a.xlsx", 2, "1-1", judgment, "事実"));
        var vendor = Part(SubmissionRole.Vendor, "v.xlsx", "みなと情報システム", Row("v.xlsx", 2, "1-1", answer: answer, answerText: "回答"));

        var (_, _, notes, _) = Merge(auditor, vendor);

        Assert.AreEqual(expected, notes.SingleOrDefault()?.Kind);
    }

    [TestMethod]
    public void Answers_AttachPerVendor_UnknownIdsAreKeptAndListed()
    {
        var auditor = Part(SubmissionRole.Auditor, "a.xlsx", "高橋", Row("a.xlsx", 2, "1-1", "〇", text: "施錠"), Row("a.xlsx", 3, "1-2", "〇"));
        var b = Part(SubmissionRole.Vendor, "b.xlsx", "B社", Row("b.xlsx", 2, "1-1", answer: VendorAnswer.Implemented, answerText: "実施"));
        var a = Part(SubmissionRole.Vendor, "v.xlsx", "A社",
            Row("v.xlsx", 2, "1-1", answer: VendorAnswer.Partial, answerText: "一部"),
            Row("v.xlsx", 3, "7-7", answer: VendorAnswer.Implemented, answerText: "実施"),
            Row("v.xlsx", 4, "1-1", answer: VendorAnswer.Implemented, answerText: "実施", duplicate: true));

        var (items, answers, notes, ledger) = Merge(auditor, b, a);

        CollectionAssert.AreEqual(new[] { "A社", "B社" }, items[0].Answers.Keys.Order().ToArray());
        Assert.AreEqual(0, items[1].Answers.Count);
        CollectionAssert.AreEqual(new[] { "A社 1-1", "A社 7-7", "B社 1-1" }, answers.Select(x => $"{x.Vendor} {x.ItemId}").ToArray(), "事前回答 by vendor, then item");
        Assert.AreEqual("施錠", answers[0].ItemText, "an answer shows the item's text");
        Assert.IsFalse(answers[1].Known);
        Assert.AreEqual("7-7", notes.Single(n => n.Kind == ReviewKind.UnknownItemId).ItemId);
        Assert.AreEqual(1, ledger.MergedCount("v.xlsx"));
        Assert.AreEqual(2, ledger.ListedCount("v.xlsx"));
    }
}
