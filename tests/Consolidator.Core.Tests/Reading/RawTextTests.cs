using Consolidator.Core.Reading;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// What readers hand on holds no character a worksheet cannot hold: control characters (escape
/// sequences included) are removed from cells and sheet names, tabs and line breaks kept.
/// </summary>
[TestClass]
public sealed class RawTextTests
{
    [TestMethod]
    //       raw                         handed on
    [DataRow("監査\u0001項目",            "監査項目")]
    [DataRow("\u001B[31m赤\u001B[0m",     "[31m赤[0m")]
    [DataRow("\u009B31m",                "31m")]
    [DataRow("行1\n行2\r\n\t字下げ",      "行1\n行2\r\n\t字下げ")]
    [DataRow("\uFFFE\uFFFF値",            "値")]
    [DataRow("𠮷野家",                    "𠮷野家")]
    [DataRow("",                          "")]
    public void Clean_RemovesWhatNoWorksheetCanHold(string raw, string clean) =>
        Assert.AreEqual(clean, RawText.Clean(raw));

    [TestMethod]
    public void Clean_RemovesLoneSurrogates_KeepsPairs()
    {
        // Built in code: lone surrogates do not survive as test data.
        Assert.AreEqual("孤立", RawText.Clean("\uD800孤立"));
        Assert.AreEqual("孤立", RawText.Clean("孤立\uDC00"));
        Assert.AreEqual("孤立", RawText.Clean("孤\uDC00\uD800立"));
        Assert.AreEqual("\uD842\uDFB7", RawText.Clean("\uD842\uDFB7"));
    }

    [TestMethod]
    //       name                              shown
    [DataRow("チェックリスト",                   "チェックリスト")]
    [DataRow("表紙\u0007\u001B",                "表紙")]
    [DataRow("改\n行",                          "改 行")]
    [DataRow("",                                "Sheet3")]
    [DataRow("\u0001",                          "Sheet3")]
    public void SheetName_IsCleanedAndNeverEmpty(string name, string shown) =>
        Assert.AreEqual(shown, RawText.SheetName(name, 3));

    [TestMethod]
    public void Read_RemovesControlCharactersFromCells_AndCutsLongSheetNames()
    {
        // Excel escapes control characters in XML as _xHHHH_; the reader decodes them.
        var b = new XlsxBuilder();
        b.AddSheet("表紙" + new string('長', 150)).Text(1, 1, "No._x0001__x001B_[2J").Text(2, 1, "改行\nあり");

        var book = Reads.Book(b.ToBytes(), "a.xlsx");

        var sheet = book.Sheets[0];
        Assert.AreEqual("No.[2J", sheet[1, 1]);
        Assert.AreEqual("改行\nあり", sheet[2, 1]);
        Assert.AreEqual(RawText.MaxSheetName, sheet.Name.Length);
        Assert.StartsWith("表紙長", sheet.Name);
        Assert.EndsWith("…", sheet.Name);
    }

    [TestMethod]
    public void Read_RemovesControlCharactersFromCsv()
    {
        var rows = string.Concat(Enumerable.Range(2, 30).Select(i => $"{i},監査項目のテキスト{i}\r\n"));
        var csv = System.Text.Encoding.UTF8.GetBytes("No.,監査項目\r\n1,ベル\u0007と\u001B[31mエスケープ\r\n" + rows);

        var book = Reads.Book(csv, "a.csv");

        Assert.AreEqual("ベルと[31mエスケープ", book.Sheets[0][2, 2]);
    }
}
