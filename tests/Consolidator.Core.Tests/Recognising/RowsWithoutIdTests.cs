using Consolidator.Core.Model;
using Consolidator.Core.Tests.Support;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// Rows with an item text or a judgment but no id are listed in 要確認 with their cell and text,
/// never dropped; where the id of the row above continues (its cell merged over this row, or this
/// row's left blank under a numbered one) the note names the item it belongs to.
/// </summary>
[TestClass]
public sealed class RowsWithoutIdTests
{
    [TestMethod]
    // cell   item above  what the note says
    [DataRow("B7", "1-1", "監査項目が記入されていますが、項目番号がありません")]
    [DataRow("C9", "1-2", "判定又は回答が記入されていますが、項目番号がありません")]
    [DataRow("C11", "1-3", "項目番号のセルが上の行と結合されており")]
    [DataRow("B13", "1-4", "監査項目が記入されていますが、項目番号がありません")]
    public void ARowWithoutId_IsListed_NamingTheItemAbove(string cell, string above, string says)
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("rows-without-id", writer);
            var note = s.Notes.Single(n => n.Kind == ReviewKind.MissingItemId && n.Cells[0].Address == cell);
            StringAssert.Contains(note.MessageJa, says, writer);
            StringAssert.Contains(note.MessageJa, $"項目 {above}", writer);
            StringAssert.Contains(note.MessageEn, $"item {above}", writer);
            Assert.IsTrue(note.Original.Length > 0, writer);
            Assert.AreEqual("1-1,1-2,1-3,1-4", string.Join(",", s.Rows.Select(r => r.Id)), writer);
            RecognitionData.AssertAccounted("rows-without-id", writer, s, items: 4, headings: 0, notes: 0, legend: 0, headers: 0, listed: 4);
        }
    }

    [TestMethod]
    public void ListedRows_MakeTheAuditProvisional_AndAreCountedInTheHistory()
    {
        var result = new Consolidation(RecognitionData.Options()).Run([RecognitionData.File("rows-without-id", "openpyxl")]);

        var audit = result.Audits.Single();
        Assert.AreEqual(AuditStatus.Provisional, audit.Status);
        Assert.AreEqual(4, audit.Notes.Count(n => n.Kind == ReviewKind.MissingItemId));
        var file = result.Files.Single();
        Assert.AreEqual((8, 4, 4), (file.RowsRead, file.RowsMerged, file.RowsListed));
    }
}
