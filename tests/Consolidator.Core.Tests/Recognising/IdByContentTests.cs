using Consolidator.Core.Tests.Support;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// A header row naming other columns but not the id (blank, or unknown): the column whose cells
/// look like item ids is the id column; with several such columns the finest unique one is the id
/// and the coarser ones are categories. validate says why.
/// </summary>
[TestClass]
public sealed class IdByContentTests
{
    [TestMethod]
    // sheet     ids read, in order                                   categories of the first and last
    [DataRow("点検表", "1-1,1.2.3,A-3,SEC-01,2.10,MSTG-ARCH-1", "", "")]
    [DataRow("階層番号", "1.1.1,1.1.2,1.2.1,2.1.1", "1 › 1.1", "2 › 2.1")]
    public void TheIdColumn_IsFoundByItsContent(string sheet, string ids, string firstPath, string lastPath)
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("id-by-content", writer);
            var rows = s.Rows.Where(r => r.Sheet == sheet).ToList();
            Assert.AreEqual(ids, string.Join(",", rows.Select(r => r.Id)), writer);
            Assert.AreEqual(firstPath, string.Join(" › ", rows[0].CategoryPath), writer);
            Assert.AreEqual(lastPath, string.Join(" › ", rows[^1].CategoryPath), writer);
            var report = s.Sheets.Single(x => x.Name == sheet);
            Assert.IsNotNull(report.IdByContent, writer);
            StringAssert.Contains(report.IdByContent, "項目番号の列", writer);
            RecognitionData.AssertAccounted("id-by-content", writer, s, items: 10, headings: 0, notes: 0, legend: 0, headers: 0, listed: 0);
        }
    }

    [TestMethod]
    public void TheCoarserIdColumns_AreNamedAsCategories()
    {
        var s = RecognitionData.Read("id-by-content", "builder");
        var report = s.Sheets.Single(x => x.Name == "階層番号");
        StringAssert.Contains(report.IdByContent, "C 列");
        StringAssert.Contains(report.IdByContent, "A・B 列はその上位の番号のため分類");
        CollectionAssert.AreEqual(new[] { "分類", "分類", "項目番号", "監査項目", "判定" }, report.Columns.ToArray());
    }
}
