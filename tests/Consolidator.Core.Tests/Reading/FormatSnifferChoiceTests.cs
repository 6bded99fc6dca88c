using System.IO.Compression;
using System.Text;
using Consolidator.Core.Reading;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>The bytes choose the reader, not the extension; what is not a workbook is named.</summary>
[TestClass]
public sealed class FormatSnifferChoiceTests
{
    private static SniffResult Sniff(byte[] bytes, string name = "file.xlsx") => FormatSniffer.Sniff(new MemoryStream(bytes), name);

    private static byte[] Zip(params string[] names)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
            foreach (var n in names)
            {
                using var w = new StreamWriter(zip.CreateEntry(n).Open());
                w.Write(n == "mimetype" ? "application/vnd.oasis.opendocument.spreadsheet" : "<x/>");
            }
        return ms.ToArray();
    }

    [TestMethod]
    public void Xlsx_IsRecognised_WhateverItsName()
    {
        var bytes = Books.Xlsx(ReaderFixtures.TitleRows());

        Assert.AreEqual(FileFormat.Xlsx, Sniff(bytes, "checklist.xlsx").Format);
        Assert.AreEqual(FileFormat.Xlsx, Sniff(bytes, "checklist.xlsm").Format);
        Assert.AreEqual(FileFormat.Xlsx, Sniff(bytes, "checklist.xls").Format);
        Assert.AreEqual(FileFormat.Xlsx, Sniff(bytes, "no-extension").Format);
    }

    [TestMethod]
    public void Xls_IsRecognised_ByItsCompoundFile() =>
        Assert.AreEqual(FileFormat.Xls, Sniff(File.ReadAllBytes(SameScenarioEveryFormatTests.Data("title-rows.libreoffice.xls")), "x.xlsx").Format);

    [TestMethod]
    [DataRow("utf8", "x.csv")]
    [DataRow("sjis", "x.csv")]
    [DataRow("utf8", "renamed.xlsx")]
    public void Text_IsReadAsCsv(string encoding, string name)
    {
        var bytes = encoding == "utf8" ? Encoding.UTF8.GetBytes("No,判定\r\n1,〇\r\n") : Books.ShiftJis.GetBytes("No,判定\r\n1,〇\r\n");

        Assert.AreEqual(FileFormat.Csv, Sniff(bytes, name).Format);
    }

    [TestMethod]
    [DataRow("xl/workbook.bin", "xlsb")]
    [DataRow("mimetype", "ods")]
    [DataRow("word/document.xml", "docx")]
    [DataRow("参考資料/a.txt", "zip")]
    public void OtherZips_AreRejected_NamingWhatTheyAre(string entry, string what)
    {
        var r = Sniff(Zip(entry));

        Assert.AreEqual(FileFormat.Rejected, r.Format);
        Assert.AreEqual(what, r.Description);
        Assert.IsFalse(string.IsNullOrEmpty(r.Rejection!.MessageJa));
    }

    [TestMethod]
    [DataRow(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "PDF")]
    [DataRow(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A }, "PNG")]
    [DataRow(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 }, "JPEG")]
    [DataRow(new byte[] { 0x00, 0x01, 0x02, 0x03, 0x00, 0xFF }, "binary")]
    public void NotWorkbooks_AreRejected(byte[] head, string what)
    {
        var bytes = head.Concat(new byte[200]).ToArray();

        Assert.AreEqual(what, Sniff(bytes).Description);
    }

    [TestMethod]
    public void EmptyFile_IsRejectedAsEmpty() =>
        Assert.AreEqual("empty", Sniff([]).Rejection!.Code);
}
