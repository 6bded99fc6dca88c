using Consolidator.Core.Writing;

namespace Consolidator.Core.Tests.Writing;

/// <summary>No field of the CSV export can run as a formula when a spreadsheet opens it.</summary>
[TestClass]
public sealed class ItemsCsvTests
{
    [TestMethod]
    // formula and DDE starts are prefixed with '
    [DataRow("=1+1",                       "\"'=1+1\"")]
    [DataRow("+cmd|' /C calc'!A0",         "\"'+cmd|' /C calc'!A0\"")]
    [DataRow("-2+3",                       "\"'-2+3\"")]
    [DataRow("@SUM(A1:A2)",                "\"'@SUM(A1:A2)\"")]
    [DataRow("\tタブ",                      "\"'\tタブ\"")]
    [DataRow("\rCR",                       "\"'\rCR\"")]
    [DataRow("\n改行",                      "\"'\n改行\"")]
    [DataRow("＝全角",                      "\"'＝全角\"")]
    [DataRow("＋全角",                      "\"'＋全角\"")]
    [DataRow(" =SPACE(1)",                 "\"' =SPACE(1)\"")]
    [DataRow("\u3000=全角スペース",          "\"'\u3000=全角スペース\"")]
    [DataRow("=HYPERLINK(\"http://x\")",   "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    // everything else is only quoted
    [DataRow("〇",                          "\"〇\"")]
    [DataRow("5-10",                       "\"5-10\"")]
    [DataRow("a=b",                        "\"a=b\"")]
    [DataRow("",                           "\"\"")]
    [DataRow("制御\u0001文字",              "\"制御文字\"")]
    public void Quote_NeutralisesFormulaStarts(string value, string field) =>
        Assert.AreEqual(field, ItemsCsv.Quote(value));
}
