using Consolidator.Core.Model;
using Consolidator.Core.Tests.Support;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// Section headings — an id cell holding a heading (【1】…, "2.1 サーバ室", "5 技術的…", "5.1: …", V6
/// above 6.1), one text left of the judgments, one cell merged across the table — are no items and
/// set the category path of the rows below; several levels, with category columns, make the path.
/// </summary>
[TestClass]
public sealed class SectionHeadingTests
{
    [TestMethod]
    // id     category path (› between levels)
    [DataRow("1-1", "【1】組織的セキュリティ")]
    [DataRow("1-2", "【1】組織的セキュリティ")]
    [DataRow("2-1", "【2】物理的セキュリティ › 2.1 サーバ室")]
    [DataRow("2-2", "【2】物理的セキュリティ › 2.1 サーバ室 › 入退室管理")]
    [DataRow("5-1", "5 技術的セキュリティ › 5.1: アクセス制御")]
    [DataRow("5-2", "5 技術的セキュリティ › 5.1: アクセス制御")]
    [DataRow("6.1", "V6 運用")]
    public void HeadingRows_AreTheCategoryPathOfTheRowsBelow(string id, string path)
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("headings", writer);
            var row = s.Rows.Single(r => r.Id == id);
            Assert.AreEqual(path, string.Join(" › ", row.CategoryPath), writer);
            Assert.AreEqual(path, row.Category!.Text, writer);
            RecognitionData.AssertAccounted("headings", writer, s, items: 7, headings: 7, notes: 1, legend: 6, headers: 0, listed: 0);
        }
    }

    [TestMethod]
    // the heading rows, as written, none of them an item nor a problem
    [DataRow("A6", "【1】組織的セキュリティ")]
    [DataRow("A9", "【2】物理的セキュリティ")]
    [DataRow("A10", "2.1 サーバ室")]
    [DataRow("B12", "入退室管理")]
    [DataRow("A14", "5 技術的セキュリティ")]
    [DataRow("A15", "5.1: アクセス制御")]
    [DataRow("A18", "V6 運用")]
    public void HeadingRows_AreNeitherItemsNorProblems(string cell, string text)
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("headings", writer);
            var heading = s.OtherRows.Single(o => o.Text == text);
            Assert.AreEqual(cell, heading.Cell.Address, writer);
            Assert.AreEqual(RowKind.Heading, heading.Kind, writer);
            Assert.AreEqual(text, heading.Text, writer);
            Assert.IsFalse(s.Notes.Any(n => n.Cells.Any(c => c.Row == heading.Cell.Row)), writer);
        }
    }

    [TestMethod]
    // id        大分類 › 中分類 › 小分類 carried down; a heading row merged across the table above them
    [DataRow("1-1-1", "組織的対策 › 体制 › 管理者")]
    [DataRow("1-1-2", "組織的対策 › 体制 › 管理者")]
    [DataRow("1-1-3", "組織的対策 › 体制 › 連絡")]
    [DataRow("1-2-1", "組織的対策 › 教育")]
    [DataRow("2-1-1", "技術的対策 › アクセス制御 › ID")]
    [DataRow("2-1-2", "技術的対策 › アクセス制御 › パスワード")]
    public void CategoryColumns_AndHeadings_MakeOnePath(string id, string path)
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("categories", writer);
            Assert.AreEqual(SubmissionRole.Master, s.Role, writer);
            Assert.AreEqual(path, s.Rows.Single(r => r.Id == id).Category!.Text, writer);
            CollectionAssert.AreEqual(new[] { "分類", "分類", "分類", "項目番号", "監査項目", "根拠" }, s.Sheets[0].Columns.ToArray(), writer);
        }
    }

    [TestMethod]
    public void TheResult_ShowsTheCategoryPath()
    {
        var result = new Consolidation(RecognitionData.Options()).Run([RecognitionData.File("headings", "openpyxl")]);

        var (_, rows) = Core.Writing.ResultWorkbook.ItemTable(result.Audits.Single());
        var row = rows.Single(r => r[0] == "2-2");
        Assert.AreEqual("【2】物理的セキュリティ › 2.1 サーバ室 › 入退室管理", row[1]);
    }
}
