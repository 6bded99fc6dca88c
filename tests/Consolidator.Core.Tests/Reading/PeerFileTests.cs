using Consolidator.Core.Model;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// The shapes of files from other spreadsheet libraries' test suites that were once read wrongly
/// (called empty, damaged or "not a workbook" though Excel opens them), each rebuilt from the seed
/// checklist in Data/Peers by its make-fixtures.py (README.md there names the peer file of each).
/// Each is read with the values it holds, or refused for its true reason.
/// </summary>
[TestClass]
public sealed class PeerFileTests
{
    /// <summary>The seed auditor's checklist: 20 items, read from the .xlsx the fixtures were made from.</summary>
    private static readonly Submission Seed = Reads.Ingest(SeedAudit.Build()[SeedAudit.MemberFile], SeedAudit.MemberFile);

    [TestMethod]
    //       file                                       format read as                                       peer file it reproduces
    [DataRow("strict-open-xml.xlsx",                    "xlsx (Strict Open XML)")]                           // ExcelDataReader strict/Test10x10000.xlsx
    [DataRow("parts-in-another-folder.xlsx",            "xlsx")]                                             // SheetJS wtf_path.xlsx
    [DataRow("parts-at-the-root.xlsx",                  "xlsx")]                                             // ExcelDataReader Test_git_issue_629.xlsx
    [DataRow("backslash-part-names.xlsx",               "xlsx")]
    [DataRow("default-password-standard.xlsx",          "xlsx (encrypted with Excel's built-in password)")]  // POI 58616.xlsx, ExcelDataReader TestExcel_2040.xlsx
    [DataRow("default-password-agile.xlsx",             "xlsx (encrypted with Excel's built-in password)")]  // ExcelDataReader Test_git_issue289.xlsx
    [DataRow("default-password.xls",                    "xls")]                                              // POI 50833.xls, ExcelDataReader TestExcel_2040.xls
    [DataRow("book-in-capitals-with-zero-records.xls",  "xls")]                                              // POI BOOK_in_capitals.xls, ExcelDataReader Test_git_issue_609.xls
    [DataRow("sst-flag-only-continue.xls",              "xls")]                                              // ExcelDataReader Test_git_issue_467_sst_empty_continue.xls
    [DataRow("long-formula-string.xls",                 "xls")]                                              // POI StringContinueRecords.xls
    [DataRow("sheet-offset-past-bof.xls",               "xls")]                                              // ExcelDataReader Test_git_issue624.xls
    [DataRow("stream-chain-longer-than-size.xls",       "xls")]                                              // POI 45290.xls
    public void Ingest_ReadsTheSeedChecklist_WithEveryItemAndJudgment(string file, string format)
    {
        var read = Reads.Ingest(Reads.Data("Peers/" + file), file);

        Assert.IsNull(read.Rejection, read.Rejection?.ToString());
        Assert.AreEqual(format, read.Format);
        Assert.HasCount(20, read.Rows);
        CollectionAssert.AreEqual(
            Seed.Rows.Select(r => $"{r.Id} {r.Judgment?.Text} {r.Finding?.Text}").ToList(),
            read.Rows.Select(r => $"{r.Id} {r.Judgment?.Text} {r.Finding?.Text}").ToList());
        Assert.AreEqual(SeedAudit.Target, read.Key?.Target);
    }

    [TestMethod]
    public void Read_StrictOpenXml_HoldsEveryValueTheTransitionalPackageHolds()
    {
        var strict = Reads.Book(Reads.Data("Peers/strict-open-xml.xlsx"), "strict.xlsx");
        var transitional = Reads.Book(SeedAudit.Build()[SeedAudit.MemberFile], "transitional.xlsx");

        Assert.AreEqual(138, Values(strict), "values in the seed checklist's one sheet");
        CollectionAssert.AreEqual(Cells(transitional), Cells(strict));
    }

    [TestMethod]
    public void Read_TakesTheFormulasCachedStringWholeAcrossItsContinueRecords()
    {
        var book = Reads.Book(Reads.Data("Peers/long-formula-string.xls"), "long.xls");

        var memo = book.Sheets.Single(s => s.Name == "メモ");
        Assert.AreEqual(string.Concat(Enumerable.Repeat("監査証跡", 2500)), memo[1, 1]);
    }

    [TestMethod]
    //       file                             format                  sheet
    [DataRow("embedded-workbook-stream.xls",  "xls (Excel 5.0/95)",   "チェックリスト")]   // ExcelDataReader Test_git_issue_411.xls
    [DataRow("excel-95.xls",                  "xls (Excel 5.0/95)",   "チェックリスト")]
    [DataRow("excel-2-worksheet.xls",         "xls (Excel 2.x–4.0)",  "Sheet")]
    public void Ingest_ReadsAnOldExcelWorkbook_FromItsOwnStream(string file, string format, string sheet)
    {
        var read = Reads.Ingest(Reads.Data("Peers/" + file), file);

        Assert.IsNull(read.Rejection, read.Rejection?.ToString());
        Assert.AreEqual(format, read.Format);
        Assert.AreEqual(sheet, read.Sheets.Single().Name);
        CollectionAssert.AreEqual(
            new[] { "1 〇 ", "2 × 変更されていない", "3 ― " },
            read.Rows.Select(r => $"{r.Id} {r.Judgment?.Text} {r.Finding?.Text}").ToList());
        Assert.AreEqual("情報 太郎", read.Auditor?.Person);
    }

    [TestMethod]
    //       file                         named as
    [DataRow("Hostile/encrypted.xls",     "a.xls",    ".xls")]
    [DataRow("Hostile/encrypted.xlsx",    "a.xlsx",   ".xlsx")]
    [DataRow("Hostile/encrypted.xlsx",    "a.xlsb",   ".xlsb")]
    public void Read_RefusesARealPassword_NamingTheFileAndTheFix(string file, string name, string named)
    {
        var rejection = Reads.Rejection(Reads.Data(file), name);

        Assert.AreEqual("encrypted", rejection?.Code, rejection?.ToString());
        Assert.Contains(named, rejection!.MessageJa);
        Assert.Contains(named, rejection.MessageEn);
        Assert.Contains("パスワードを解除", rejection.FixJa);
        HostileInputTests.AssertBilingual(rejection);
    }

    [TestMethod]
    public void Ingest_ReadsAnExcel2007BetaPackage_ThroughItsNamespace()
    {
        // POI's sample-beta.xlsx: the namespace and <sstItem> of Excel 2007's beta; it was "empty".
        var beta = Zips.Rewrite(SeedAudit.Build()[SeedAudit.MemberFile], (name, bytes) => name.EndsWith(".xml", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes)
                .Replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://schemas.microsoft.com/office/excel/2006/2")
                .Replace("<si>", "<sstItem>").Replace("</si>", "</sstItem>"))
            : bytes);

        var read = Reads.Ingest(beta, "beta.xlsx");

        Assert.IsNull(read.Rejection, read.Rejection?.ToString());
        Assert.AreEqual("xlsx (Excel 2007 beta)", read.Format);
        CollectionAssert.AreEqual(Seed.Rows.Select(r => $"{r.Id} {r.Judgment?.Text}").ToList(), read.Rows.Select(r => $"{r.Id} {r.Judgment?.Text}").ToList());
    }

    [TestMethod]
    public void Read_CallsAWorkbookOfErrorValuesOnly_Empty_NotUnread()
    {
        // POI's 49783.xlsx: every cell an error (#REF!), which the reader hands on as no value.
        var builder = new XlsxBuilder();
        builder.AddSheet("Sheet1").Text(1, 1, "x");
        var bytes = Zips.Edit(builder.ToBytes(), "xl/worksheets/sheet1.xml",
            x => System.Text.RegularExpressions.Regex.Replace(x, "<c r=\"A1\"[^>]*>.*?</c>", "<c r=\"A1\" t=\"e\"><f>#REF!*2</f><v>#REF!</v></c>"));

        var read = Reads.Ingest(bytes, "errors.xlsx");

        Assert.Contains("#REF!", Zips.Read(bytes, "xl/worksheets/sheet1.xml"));
        Assert.AreEqual("empty-workbook", read.Rejection?.Code, read.Rejection?.ToString());
    }

    [TestMethod]
    public void Read_PlacesCellsWhoseReferenceHasNoColumnLetters_AfterThePreviousOne()
    {
        // ExcelDataReader's Fillreport.xlsx: a generator wrote r="0", r="1" … for A, B …; the reader
        // places such a cell after the previous one. It was refused as outside Excel's grid.
        var builder = new XlsxBuilder();
        builder.AddSheet("Fill report").Text(1, 1, "Account").Text(1, 2, "Trader").Text(2, 1, "74085").Text(2, 2, "User");
        var bytes = Zips.Edit(builder.ToBytes(), "xl/worksheets/sheet1.xml",
            x => System.Text.RegularExpressions.Regex.Replace(x, "<c r=\"([A-Z]+)[0-9]+\"", m => $"<c r=\"{m.Groups[1].Value[0] - 'A'}\""));

        var sheet = Reads.Book(bytes, "fill.xlsx").Sheets.Single();

        Assert.DoesNotContain("r=\"A1\"", Zips.Read(bytes, "xl/worksheets/sheet1.xml"));
        Assert.AreEqual("Account", sheet[1, 1]);
        Assert.AreEqual("User", sheet[2, 2]);
    }

    [TestMethod]
    public void Read_RefusesAValueInColumn300OfASmallFile_ByItsColumn_NotAsTooLarge()
    {
        var builder = new XlsxBuilder();
        builder.AddSheet("チェックリスト").Text(1, 1, "No.").Text(1, 300, "メモ");
        var bytes = builder.ToBytes();

        var rejection = Reads.Rejection(bytes, "small.xlsx");

        Assert.IsLessThan(20_000, bytes.Length);
        Assert.AreEqual("too-large", rejection?.Code, rejection?.ToString());
        Assert.Contains("KN1 が 256 列目より右", rejection!.MessageJa);
        Assert.Contains("right of column 256", rejection.MessageEn);
        Assert.DoesNotContain("大きすぎ", rejection.MessageJa);
        Assert.DoesNotContain("too large", rejection.MessageEn);
    }

    [TestMethod]
    public void Ingest_RefusesATextFileWithoutExtension_SayingSoWithoutAnEmptyBracket()
    {
        var read = Reads.Ingest("議事メモ\n次回は来週\n"u8.ToArray(), "議事メモ");

        Assert.AreEqual("no-table", read.Rejection?.Code, read.Rejection?.ToString());
        Assert.Contains("（拡張子なし）", read.Rejection!.MessageJa);
        Assert.Contains("has no extension", read.Rejection.MessageEn);
        Assert.DoesNotContain("（拡張子は ）", read.Rejection.MessageJa);
    }

    [TestMethod]
    public void Read_RefusesAPackageWhoseSheetsCannotBeFound_AsUnread_NotAsEmpty()
    {
        // The workbook's relationships renamed out of the schema: no sheet can be found, yet the worksheet part holds values.
        var bytes = Zips.Edit(SeedAudit.Build()[SeedAudit.MemberFile], "xl/_rels/workbook.xml.rels", x => x.Replace("<Relationship ", "<Relation "));

        var rejection = Reads.Rejection(bytes, "a.xlsx");

        Assert.AreEqual("unreadable", rejection?.Code, rejection?.ToString());
        Assert.Contains("114", rejection!.MessageEn, "the cells of the sheet's XML with a value (138 once merged cells are filled)");
        HostileInputTests.AssertBilingual(rejection);
    }

    [TestMethod]
    public void Read_NeverNamesAnExceptionType_ForADamagedPackage()
    {
        var bytes = SeedAudit.Build()[SeedAudit.MemberFile];
        var cut = bytes[..(bytes.Length / 2)].Concat(bytes[^200..]).ToArray();

        var rejection = Reads.Rejection(cut, "cut.xlsx");

        Assert.AreEqual("corrupt", rejection?.Code, rejection?.ToString());
        Assert.DoesNotMatchRegex(new System.Text.RegularExpressions.Regex("[A-Z][a-z]+Exception"), rejection!.MessageJa + rejection.MessageEn);
    }

    private static int Values(RawWorkbook book) => book.Sheets.Sum(s => s.Rows.Sum(r => r.Count(c => c.Length > 0)));

    private static List<string> Cells(RawWorkbook book) =>
        book.Sheets.SelectMany(s => s.Rows.SelectMany((r, i) => r.Select((c, j) => $"{s.Name}!{i + 1},{j + 1}={c}"))).ToList();
}
