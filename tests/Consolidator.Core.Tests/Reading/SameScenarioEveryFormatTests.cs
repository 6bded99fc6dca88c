using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Reading;
using Consolidator.Core.Recognising;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// One reading scenario, every format: the .xlsx the fixtures write (Japanese Excel's shape,
/// furigana included), and what LibreOffice made of it — BIFF8 .xls, a re-saved .xlsx, CSV in
/// UTF-8 and in Shift_JIS (Data/Reading, made once by scripts/make-reader-fixtures.sh). Each
/// must read as the same submission, down to the cell addresses.
/// </summary>
[TestClass]
public sealed class SameScenarioEveryFormatTests
{
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Reading", name);

    private static Submission Recognise(string file, byte[]? bytes = null)
    {
        bytes ??= File.ReadAllBytes(Data(file));
        var source = SourceFile.FromBytes(file, bytes, DateTimeOffset.UnixEpoch);
        return new Consolidation().Ingest(source, new MemoryStream(bytes));
    }

    [TestMethod]
    [DataRow("title-rows.xlsx", "xlsx")]
    [DataRow("title-rows.libreoffice.xlsx", "xlsx")]
    [DataRow("title-rows.libreoffice.xls", "xls")]
    [DataRow("title-rows.utf8.csv", "csv UTF-8")]
    [DataRow("title-rows.sjis.csv", "csv Shift_JIS (CP932)")]
    public void TitleRows_ReadsTheSameInEveryFormat(string file, string format)
    {
        var s = Recognise(file);

        Assert.IsNull(s.Rejection, s.Rejection?.MessageEn);
        Assert.AreEqual(format, s.Format);
        Assert.AreEqual(SubmissionRole.Auditor, s.Role);
        Assert.AreEqual(new AuditKey("文書管理システム", 2023), s.Key);
        Assert.AreEqual("伊藤 直子", s.Auditor!.Person, "the furigana reading must not be appended to the name");
        Assert.AreEqual(new DateOnly(2023, 11, 9), s.AuditDate);
        var expected = ReaderFixtures.TitleRowsExpected;
        Assert.AreEqual(expected.Length, s.Rows.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (id, judgment, category, row) = expected[i];
            var r = s.Rows[i];
            Assert.AreEqual(id, r.Id, $"row {i}");
            Assert.AreEqual(judgment, r.ParsedJudgment.Class?.Symbol, $"row {i}");
            Assert.AreEqual(category, r.Category!.Text, $"row {i}: merged categories are filled down");
            Assert.AreEqual(row, r.Row, $"row {i}");
            Assert.AreEqual("E" + row, r.Judgment!.Cell.Address);
        }
        Assert.AreEqual(0, s.Notes.Count, string.Join("\n", s.Notes));
        Assert.IsFalse(s.Rows.Any(r => r.ItemText!.Text.Contains("ウンヨウ", StringComparison.Ordinal)), "furigana leaked into item text");
    }

    [TestMethod]
    [DataRow("hidden-sheet.xlsx")]
    [DataRow("hidden-sheet.libreoffice.xlsx")]
    [DataRow("hidden-sheet.libreoffice.xls")]
    public void HiddenSheet_WithATableIsRead_MetadataComesFromTheCover(string file)
    {
        var s = Recognise(file);

        Assert.IsNull(s.Rejection, s.Rejection?.MessageEn);
        Assert.AreEqual(SubmissionRole.Vendor, s.Role);
        Assert.AreEqual(new AuditKey("図書館システム", 2023), s.Key);
        Assert.AreEqual("株式会社あおばシステム開発", s.Vendor!.Organisation);
        Assert.AreEqual(new DateOnly(2023, 11, 13), s.SubmittedOn);
        CollectionAssert.AreEqual(new[] { "L-01", "L-02" }, s.Rows.Select(r => r.Id).ToArray());
        Assert.AreEqual("回答", s.Rows[0].Sheet);
        Assert.AreEqual("一部実施", s.Rows[1].ParsedAnswer.Label());
        var sheets = s.Sheets.ToDictionary(x => x.Name);
        Assert.IsTrue(sheets["回答"].Hidden);
        Assert.AreEqual(2, sheets["回答"].Items);
        Assert.IsNull(sheets["メモ"].HeaderRow, "a hidden sheet without a table is not read as items");
    }

    [TestMethod]
    public void ShiftJisCsv_IsDetected_NotConfigured()
    {
        var bytes = File.ReadAllBytes(Data("title-rows.sjis.csv"));

        Assert.IsFalse(bytes.AsSpan().StartsWith("\xEF\xBB\xBF"u8));
        Assert.AreEqual("Shift_JIS (CP932)", TextDecoding.Detect(bytes).Name);
    }

    [TestMethod]
    public void JapaneseExcelShape_SharedStringsCarryFurigana_ReaderTakesOnlyTheText()
    {
        var bytes = File.ReadAllBytes(Data("title-rows.xlsx"));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open());
        var xml = reader.ReadToEnd();
        StringAssert.Contains(xml, "<rPh sb=\"0\" eb=\"5\"><t>イトウ ナオコ</t></rPh>");
        StringAssert.Contains(xml, "<phoneticPr fontId=\"1\"/>");

        var book = WorkbookReader.Read(new MemoryStream(bytes), "title-rows.xlsx");

        var texts = book.Sheets.SelectMany(s => s.Rows).SelectMany(r => r).ToList();
        Assert.IsTrue(texts.Contains("伊藤 直子"));
        Assert.IsFalse(texts.Any(t => t.Contains("イトウ", StringComparison.Ordinal)));
    }
}
