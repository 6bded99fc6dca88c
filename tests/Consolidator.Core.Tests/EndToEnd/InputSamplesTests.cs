using Consolidator.Core.Model;
using Consolidator.Core.Reading;
using Consolidator.Core.Writing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Consolidator.Core.Tests.EndToEnd;

/// <summary>
/// input-samples/ through the pipeline and the writer, then the written workbook read back as
/// a person would see it: the 総括 table laid out as the seed report's, the sentence, the
/// status, the six sheets; and the Open XML SDK validator finds nothing to repair.
/// </summary>
[TestClass]
public sealed class InputSamplesTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 28, 6, 0, 0, TimeSpan.FromHours(9));

    private static (AuditResult Audit, byte[] Workbook) Consolidate()
    {
        var files = Directory.GetFiles(Repository.InputSamples)
            .Select(p => SourceFile.FromDisk(p, Path.GetFileName(p)))
            .ToList();
        var result = new Consolidation().Run(files);
        Assert.AreEqual(1, result.Audits.Count);
        using var ms = new MemoryStream();
        ResultWorkbook.Write(result.Audits[0], GeneratedAt, ms);
        return (result.Audits[0], ms.ToArray());
    }

    [TestMethod]
    public void Workbook_ReadBack_ShowsTheSeedReportsSummary()
    {
        var (_, bytes) = Consolidate();
        var book = WorkbookReader.Read(new MemoryStream(bytes), "result.xlsx");

        CollectionAssert.AreEqual(new[] { "総括", "監査結果", "指摘事項", "事前回答", "要確認", "取込履歴" }, book.Sheets.Select(s => s.Name).ToArray());
        var summary = book.Sheets[0];
        var (headerRow, columns) = FindCountTable(summary);
        // Two header rows: the classes, 指摘事項 merged over its three, 計.
        Assert.AreEqual("指摘事項", summary[headerRow - 1, columns["注意事項"]]);
        Assert.IsTrue(summary.Merges.Any(m => m.FirstRow == headerRow - 1 && m.LastRow == headerRow - 1
            && m.FirstColumn == columns["注意事項"] && m.LastColumn == columns["重大な不適合"]), "指摘事項 must be one cell merged over its three columns");
        var numbers = new[] { "対象外", "適合", "参考意見", "注意事項", "不適合", "重大な不適合", "計" }
            .Select(c => summary[headerRow + 1, columns[c]]).ToArray();
        CollectionAssert.AreEqual(new[] { "13", "24", "0", "0", "0", "1", "38" }, numbers);
        var texts = summary.Rows.SelectMany(r => r).ToList();
        Assert.IsTrue(texts.Contains("「重大な不適合」1件を検出した。「不適合」「注意事項」はなかった。"));
        Assert.AreEqual(1, texts.Count(t => t == "確定"));
        Assert.AreEqual(0, texts.Count(t => t == "暫定"));
        Assert.IsTrue(texts.Contains("庶務事務システム"));
        Assert.IsTrue(texts.Contains("令和5年度"));
        Assert.IsTrue(texts.Contains("令和5年10月24日"));
    }

    [TestMethod]
    public void Workbook_ItemsSheet_HoldsEveryItemWithItsJudgment()
    {
        var (audit, bytes) = Consolidate();
        var items = WorkbookReader.Read(new MemoryStream(bytes), "result.xlsx").Sheets.Single(s => s.Name == "監査結果");

        var header = Enumerable.Range(1, items.RowCount).First(r => items[r, 1] == "No.");
        var ids = Enumerable.Range(header + 1, items.RowCount - header).Select(r => (Id: items[r, 1], Judgment: items[r, 5])).ToList();
        Assert.AreEqual(38, ids.Count);
        CollectionAssert.AreEqual(audit.Items.Select(i => i.Id).ToArray(), ids.Select(x => x.Id).ToArray());
        Assert.AreEqual("×", ids.Single(x => x.Id == "5-2").Judgment);
        Assert.AreEqual(13, ids.Count(x => x.Judgment == "―"));
    }

    [TestMethod]
    public void Workbook_HasNoValidationErrors()
    {
        var (_, bytes) = Consolidate();

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
    }

    [TestMethod]
    public void Csv_IsUtf8WithBom_AndListsEveryItem()
    {
        var (audit, _) = Consolidate();
        using var ms = new MemoryStream();
        ItemsCsv.Write(audit, ms);
        var bytes = ms.ToArray();

        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(39, lines.Length);
        StringAssert.StartsWith(lines[0], "\"No.\",\"分類\",\"監査項目\"");
    }

    [TestMethod]
    public void RunningTwice_GivesTheSameWorkbook()
    {
        var first = Consolidate().Workbook;
        var second = Consolidate().Workbook;

        CollectionAssert.AreEqual(Cells(first), Cells(second));
    }

    private static List<string> Cells(byte[] workbook) =>
        WorkbookReader.Read(new MemoryStream(workbook), "x.xlsx").Sheets
            .SelectMany(s => s.Rows.SelectMany((r, i) => r.Select((c, j) => $"{s.Name}!{i + 1}:{j + 1}={c}"))).ToList();

    internal static (int HeaderRow, Dictionary<string, int> Columns) FindCountTable(RawSheet sheet)
    {
        for (var r = 2; r <= sheet.RowCount; r++)
        {
            var row = sheet.Row(r);
            var major = Array.IndexOf(row, "重大な不適合");
            if (major < 0 || Array.IndexOf(row, "注意事項") < 0) continue;
            var columns = new Dictionary<string, int>();
            foreach (var name in new[] { "注意事項", "不適合", "重大な不適合" }) columns[name] = Array.IndexOf(row, name) + 1;
            var above = sheet.Row(r - 1);
            foreach (var name in new[] { "対象外", "適合", "参考意見", "計" }) columns[name] = Array.IndexOf(above, name) + 1;
            return (r, columns);
        }
        throw new AssertFailedException("count table not found on 総括");
    }
}
