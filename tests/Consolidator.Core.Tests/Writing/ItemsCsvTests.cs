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
    [DataRow("－全角",                      "\"'－全角\"")]
    [DataRow("＠全角",                      "\"'＠全角\"")]
    [DataRow("－1",                         "\"'－1\"")]
    [DataRow("＠SUM(A1)",                   "\"'＠SUM(A1)\"")]
    [DataRow(" =SPACE(1)",                 "\"' =SPACE(1)\"")]
    [DataRow("\u3000=全角スペース",          "\"'\u3000=全角スペース\"")]
    [DataRow("=HYPERLINK(\"http://x\")",   "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    // number- and date-like text is kept as text: ="…"
    [DataRow("5-10",                       "\"=\"\"5-10\"\"\"")]
    [DataRow("001",                        "\"=\"\"001\"\"\"")]
    // everything else is only quoted
    [DataRow("〇",                          "\"=\"\"〇\"\"\"")]
    [DataRow("△",                          "\"△\"")]
    [DataRow("5-10 アクセス制御",           "\"5-10 アクセス制御\"")]
    [DataRow("a=b",                        "\"a=b\"")]
    [DataRow("",                           "\"\"")]
    [DataRow("制御\u0001文字",              "\"制御文字\"")]
    public void Quote_NeutralisesFormulaStarts(string value, string field) =>
        Assert.AreEqual(field, ItemsCsv.Quote(value));

    [TestMethod]
    // what Japanese Excel turns into a number or a date when the CSV is double-clicked
    [DataRow("1-1",              true)]
    [DataRow("5-10",             true)]
    [DataRow("5-10-1",           true)]
    [DataRow("1/2",              true)]
    [DataRow("2023/10/24",       true)]
    [DataRow("1.2.3",            true)]
    [DataRow("001",              true)]
    [DataRow("1.10",             true)]
    [DataRow("1,000",            true)]
    [DataRow(".5",               true)]
    [DataRow("10%",              true)]
    [DataRow("(5)",              true)]
    [DataRow("¥100",             true)]
    [DataRow("1E5",              true)]
    [DataRow("1 1/2",            true)]
    [DataRow("12:30",            true)]
    [DataRow("10月24日",          true)]
    [DataRow("2023年10月",        true)]
    [DataRow("R5.10.24",         true)]
    [DataRow("H30/4/1",          true)]
    [DataRow("令和5年10月24日",    true)]
    [DataRow("平成元年4月",        true)]
    [DataRow("ＴＲＵＥ",           true)]
    [DataRow("１－１",            true)]
    [DataRow("５.１０",           true)]
    [DataRow(" 1-1 ",            true)]
    [DataRow("〇",                true)]
    // text stays text without help
    [DataRow("A-1",              false)]
    [DataRow("No.5",             false)]
    [DataRow("5-10 アクセス制御",  false)]
    [DataRow("1-2-3-4",          false)]
    [DataRow("1-2/3",            false)]
    [DataRow("△",                false)]
    [DataRow("一",                false)]
    [DataRow("適合",              false)]
    [DataRow("令和5年度",          false)]
    [DataRow("チェックリスト.xlsx!チェックリスト!A12", false)]
    [DataRow("",                 false)]
    [DataRow("1\"2",             false)]
    public void LooksLikeNumberOrDate_IsWhatASpreadsheetWouldConvert(string text, bool converted) =>
        Assert.AreEqual(converted, ItemsCsv.LooksLikeNumberOrDate(text), text);
}
