using Consolidator.Core.Model;
using Consolidator.Core.Tests.Support;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// The same ids on two sheets of one workbook (one sheet per building) are one auditor's judgments
/// of two scopes: merged item by item as several auditors' are (most severe wins, ― only when both
/// say ―), every sheet's judgment kept and named in 出典, no 判定不一致. A repeat inside one sheet
/// is a duplicate.
/// </summary>
[TestClass]
public sealed class ParallelSheetsTests
{
    [TestMethod]
    // id    庁舎A  庁舎B  merged
    [DataRow("1-1", "〇", "△", "△")]
    [DataRow("1-2", "△", "〇", "△")]
    [DataRow("1-3", "―", "―", "―")]
    [DataRow("1-4", "―", "〇", "〇")]
    [DataRow("1-5", "", "〇", "〇")]
    [DataRow("1-6", "×", "×", "×")]
    public void SameIdsOnTwoSheets_MergeMostSevereFirst_KeepingEverySheet(string id, string a, string b, string merged)
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("parallel-sheets", writer);
            var row = s.Rows.Single(r => r.Id == id && !r.IsDuplicate);
            Assert.AreEqual(merged, row.ParsedJudgment.Class?.Symbol, writer);
            CollectionAssert.AreEqual(new[] { "庁舎A", "庁舎B" }, row.Scopes.Select(x => x.Sheet).ToArray(), writer);
            Assert.AreEqual(a, row.Scopes[0].Parsed.Class?.Symbol ?? "", writer);
            Assert.AreEqual(b, row.Scopes[1].Parsed.Class?.Symbol ?? "", writer);
            RecognitionData.AssertAccounted("parallel-sheets", writer, s, items: 13, headings: 0, notes: 0, legend: 0, headers: 0, listed: 0);
        }
    }

    [TestMethod]
    public void ARepeatInsideOneSheet_IsADuplicate_TheOtherSheetIsNot()
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("parallel-sheets", writer);
            var duplicate = s.Notes.Single(n => n.Kind == ReviewKind.DuplicateItemId);
            Assert.AreEqual("庁舎A!A12", $"{duplicate.Cells[0].Sheet}!{duplicate.Cells[0].Address}", writer);
            Assert.AreEqual("庁舎A!A11", $"{duplicate.Cells[1].Sheet}!{duplicate.Cells[1].Address}", writer);
        }
    }

    [TestMethod]
    public void TheResult_NamesEverySheetInItsSource_TheFindingsOnlyWhereTheyWereMade_AndNoDisagreement()
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var result = new Consolidation(RecognitionData.Options()).Run([RecognitionData.File("parallel-sheets", writer)]);

            var audit = result.Audits.Single();
            Assert.IsFalse(audit.Notes.Any(n => n.Kind == ReviewKind.JudgmentDisagreement), writer);
            Assert.AreEqual("対象外1 適合2 不適合2 重大な不適合1", string.Join(" ", audit.Counts.Where(c => c.Count > 0).Select(c => $"{c.Class.Label}{c.Count}")), writer);
            var item = audit.Items.Single(i => i.Id == "1-1");
            var judgment = item.Judgments.Single();
            var name = RecognitionData.File("parallel-sheets", writer).Name;
            CollectionAssert.AreEqual(new[] { $"{name}!庁舎A!C6（〇）", $"{name}!庁舎B!C6（△）" }, judgment.SourceLines().ToArray(), writer);
            var conforming = audit.Scale.Classes.Where(c => !c.IsOutOfScope).MinBy(c => c.Severity);
            Assert.AreEqual(1, judgment.SourceLines(c => !c.IsOutOfScope && c != conforming).Count(), writer);
            StringAssert.Contains(judgment.SourceLines(c => !c.IsOutOfScope && c != conforming).Single(), "庁舎B", writer);
            Assert.AreEqual("【庁舎A】庁舎Aで共用。\n【庁舎B】庁舎Bで共用。", audit.Items.Single(i => i.Id == "1-6").Findings, writer);
            var (_, rows) = Core.Writing.ResultWorkbook.ItemTable(audit);
            StringAssert.Contains(rows.Single(r => r[0] == "1-1")[^1], "庁舎B!C6（△）", writer);
            // Every row of both sheets is merged or listed (the repeat of 1-6).
            var file = result.Files.Single();
            Assert.AreEqual((13, 12, 1), (file.RowsRead, file.RowsMerged, file.RowsListed), writer);
        }
    }
}
