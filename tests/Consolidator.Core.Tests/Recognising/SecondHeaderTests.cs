using Consolidator.Core.Tests.Support;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// A header row lower in a sheet: the same columns again (repeated for printing) is a header row;
/// other columns start a new table, whose rows are read with its columns.
/// </summary>
[TestClass]
public sealed class SecondHeaderTests
{
    [TestMethod]
    // id     judgment cell  judged
    [DataRow("1-1", "C6", "〇")]
    [DataRow("1-3", "C9", "〇")]
    [DataRow("2-1", "D13", "〇")]
    [DataRow("2-2", "D14", "△")]
    public void RowsUnderASecondHeader_AreReadWithItsColumns(string id, string cell, string judged)
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("second-header", writer);
            var row = s.Rows.Single(r => r.Id == id);
            Assert.AreEqual(cell, row.Judgment!.Cell.Address, writer);
            Assert.AreEqual(judged, row.ParsedJudgment.Class!.Symbol, writer);
            CollectionAssert.AreEqual(new[] { 12 }, s.Sheets[0].MoreHeaderRows.ToArray(), writer);
            RecognitionData.AssertAccounted("second-header", writer, s, items: 5, headings: 1, notes: 0, legend: 0, headers: 2, listed: 0);
        }
    }
}
