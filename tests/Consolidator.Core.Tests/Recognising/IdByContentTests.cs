using Consolidator.Core.Model;
using Consolidator.Core.Tests.Support;
using Consolidator.Fixtures;

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

    // Columns under a header that names 確認項目 and 判定 but no id (blank or unknown header cells):
    // each column's cells below, top to bottom, separated by |; which column is the id, and the categories.
    [TestMethod]
    // first column    last column (beside 判定)   id column  category path of the first row
    [DataRow("1|2|3", "", "A", "")]
    [DataRow("1||2", "1-1|1-2|2-1", "D", "1")]
    [DataRow("5|3|5", "", null, "")]
    [DataRow("高|中|高", "", null, "")]
    [DataRow("R-1|R-2|R-3", "A|B|C", "A", "")]
    public void TheIdColumn_IsTheFinestUniqueColumnOfIds_CoarserOnesAreCategories(string first, string last, string? id, string path)
    {
        var a = first.Split('|');
        var d = last.Length == 0 ? new string[a.Length] : last.Split('|');
        var spec = new SheetSpec().Meta("区分", "監査人").Meta("対象業務", "X").Meta("年度", "R6");
        spec.Headers = ["", "確認項目", "判定", ""];
        for (var i = 0; i < a.Length; i++) spec.Row(a[i].Length == 0 ? null : a[i], $"項目{i}", "〇", d[i]);

        var s = new Consolidation().Ingest(SourceFile.FromBytes("a.xlsx", Books.Xlsx(spec), RecognitionData.At));

        if (id is null)
        {
            Assert.AreEqual("no-table", s.Rejection?.Code);
            return;
        }
        Assert.IsNull(s.Rejection);
        Assert.AreEqual(id, CellRef.ColumnName(s.Rows[0].RawId.Cell.Column));
        Assert.AreEqual(path, string.Join(" › ", s.Rows[0].CategoryPath));
        Assert.AreEqual(a.Length, s.Counts!.Items);
    }
}
