using Consolidator.Core.Reading;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// The bytes, not the name, decide: files saved by an office application and renamed .xlsx (or
/// .xls) are each recognised and refused with a message that names what they are. The files are
/// in Data/Hostile, made once by its make-fixtures.py.
/// </summary>
[TestClass]
public sealed class FormatSnifferTests
{
    [TestMethod]
    //       file                 code              the message names
    [DataRow("encrypted.xlsx",    "encrypted",      ".xlsx")]
    [DataRow("encrypted.xls",     "encrypted",      ".xls")]
    [DataRow("ods-renamed.xlsx",  "ods",            ".ods")]
    [DataRow("pdf-renamed.xlsx",  "not-a-workbook", "PDF")]
    [DataRow("png-renamed.xlsx",  "not-a-workbook", "PNG")]
    [DataRow("jpeg-renamed.xlsx", "not-a-workbook", "JPEG")]
    public void Read_RefusesAFileThatIsNoReadableWorkbook_NamingWhatItIs(string file, string code, string named)
    {
        var rejection = Reads.Rejection(Reads.Data("Hostile/" + file), file);

        Assert.IsNotNull(rejection, file + " was read");
        Assert.AreEqual(code, rejection.Code, rejection.ToString());
        Assert.Contains(named, rejection.MessageJa);
        Assert.Contains(named, rejection.MessageEn);
        HostileInputTests.AssertBilingual(rejection);
    }

    [TestMethod]
    public void Read_RefusesAnXlsbAndAWordDocumentNamedXlsx_NamingThem()
    {
        var xlsb = Reads.Rejection(HostileInputs.Xlsb(), "book.xlsx");
        var docx = Reads.Rejection(HostileInputs.Docx(), "book.xlsx");

        Assert.AreEqual("xlsb", xlsb?.Code);
        Assert.Contains(".xlsb", xlsb!.MessageEn);
        Assert.AreEqual("not-a-workbook", docx?.Code);
        Assert.Contains("Word", docx!.MessageEn);
    }

    [TestMethod]
    public void Sniff_TellsAnEncryptedXlsxFromAnEncryptedXls()
    {
        var xlsx = FormatSniffer.Sniff(new MemoryStream(Reads.Data("Hostile/encrypted.xlsx")), "a.xlsx");
        var xls = FormatSniffer.Sniff(new MemoryStream(Reads.Data("Hostile/encrypted.xls")), "a.xls");

        // An OOXML package is decrypted (or refused) by the sniffer; an .xls by its reader, which
        // tries Excel's built-in password first.
        Assert.AreEqual("encrypted xlsx", xlsx.Description);
        Assert.AreEqual(FileFormat.Xls, xls.Format);
        Assert.AreEqual("encrypted", Reads.Rejection(Reads.Data("Hostile/encrypted.xls"), "a.xls")?.Code);
    }

    [TestMethod]
    public void Ingest_ReadsTheXlsSavedByAnOfficeApplication_AsTheXlsxItCameFrom()
    {
        var xls = Reads.Ingest(Reads.Data("Hostile/seed-checklist.xls"), "チェックリスト_監査人.xls");
        var xlsx = Reads.Ingest(SeedAudit.Build()[SeedAudit.MemberFile], SeedAudit.MemberFile);

        Assert.IsNull(xls.Rejection, xls.Rejection?.ToString());
        Assert.AreEqual("xls", xls.Format);
        CollectionAssert.AreEqual(
            xlsx.Rows.Select(r => $"{r.Id} {r.Judgment?.Text}").ToList(),
            xls.Rows.Select(r => $"{r.Id} {r.Judgment?.Text}").ToList());
    }
}
