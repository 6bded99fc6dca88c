using System.Text;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;

namespace Consolidator.Core.Tests.Writing;

/// <summary>Names made from text that came in with a file are valid on Windows and Linux.</summary>
[TestClass]
public sealed class OutputNamesTests
{
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("<>:\"/\\|?*");

    [TestMethod]
    //       target                           result workbook
    [DataRow("庶務事務システム",                 "庶務事務システム_令和5年度_監査結果.xlsx")]
    [DataRow("基幹系/内部:情報系",               "基幹系_内部_情報系_令和5年度_監査結果.xlsx")]
    [DataRow("a<b>c\"d|e?f*g\\h",               "a_b_c_d_e_f_g_h_令和5年度_監査結果.xlsx")]
    [DataRow("CON",                             "CON_令和5年度_監査結果.xlsx")]
    [DataRow("改行\nタブ\t制御\u0001",            "改行_タブ_制御__令和5年度_監査結果.xlsx")]
    [DataRow("文書\u202Excod.exe",               "文書_xcod.exe_令和5年度_監査結果.xlsx")]
    public void ResultWorkbook_ReplacesWhatWindowsForbids(string target, string expected)
    {
        var name = OutputNames.ResultWorkbook(new AuditKey(target, 2023));

        Assert.AreEqual(expected, name);
        AssertValidEverywhere(name);
    }

    [TestMethod]
    public void ResultWorkbook_CutsALongTarget_KeepingYearAndSuffix_AndTwoLongTargetsApart()
    {
        var a = OutputNames.ResultWorkbook(new AuditKey(new string('長', 300) + "A", 2023));
        var b = OutputNames.ResultWorkbook(new AuditKey(new string('長', 300) + "B", 2023));

        AssertValidEverywhere(a);
        Assert.EndsWith("_令和5年度_監査結果.xlsx", a);
        Assert.Contains("~", a);
        Assert.AreNotEqual(a, b, "names of two different targets collide");
        Assert.AreEqual(OutputNames.ResultCsv(new AuditKey(new string('長', 300) + "A", 2023)), a[..^5] + ".csv");
    }

    [TestMethod]
    //       submitted file name             stored as
    [DataRow("チェックリスト_監査人.xlsx",      "チェックリスト_監査人.xlsx")]
    [DataRow("a:b?.xlsx",                    "a_b_.xlsx")]
    [DataRow("CON.xlsx",                     "_CON.xlsx")]
    [DataRow("nul",                          "_nul")]
    [DataRow("COM1.tar.gz",                  "_COM1.tar.gz")]
    [DataRow("trailing dot..",               "trailing dot")]
    [DataRow("  spaces  .csv",               "spaces.csv")]
    [DataRow("報告\u202Eslx.exe",             "報告_slx.exe")]
    [DataRow(".xlsx",                        "_.xlsx")]
    public void SafeFileName_KeepsThePlainExtension_AndMakesTheRestSafe(string fileName, string expected)
    {
        Assert.AreEqual(expected, OutputNames.SafeFileName(fileName));
        AssertValidEverywhere(OutputNames.SafeFileName(fileName));
    }

    [TestMethod]
    public void ErrorFile_FitsTheLimit_EvenForTheLongestName()
    {
        var longName = new string('監', 250) + ".xlsx";

        var error = OutputNames.ErrorFile(longName);

        AssertValidEverywhere(error);
        Assert.EndsWith(".xlsx.error.txt", error);
        Assert.AreEqual("チェックリスト.xlsx.error.txt", OutputNames.ErrorFile("チェックリスト.xlsx"));
    }

    [TestMethod]
    //       sheet name                       Excel sheet name
    [DataRow("総括",                           "総括")]
    [DataRow("a[b]c:d*e?f/g\\h",               "a_b_c_d_e_f_g_h")]
    [DataRow("'quoted'",                      "quoted")]
    [DataRow("History",                       "_History")]
    [DataRow("",                              "_")]
    [DataRow("とても長いシートの名前はエクセルでは三十一文字までしか使えません",  "とても長いシートの名前はエクセルでは三十一文字までしか使えませ")]
    public void Sheet_IsAcceptedByExcel(string name, string expected)
    {
        var sheet = OutputNames.Sheet(name);

        Assert.AreEqual(expected, sheet);
        Assert.IsLessThanOrEqualTo(OutputNames.MaxSheetName, sheet.Length);
    }

    [TestMethod]
    public void Sheet_IsMadeUnique_IgnoringCase()
    {
        Assert.AreEqual("Items (2)", OutputNames.Sheet("Items", ["items"]));
        Assert.AreEqual("Items (3)", OutputNames.Sheet("Items", ["ITEMS", "Items (2)"]));
        var longName = new string('長', 40);
        Assert.AreEqual(new string('長', 27) + " (2)", OutputNames.Sheet(longName, [new string('長', 31)]));
    }

    /// <summary>Valid on Windows (no forbidden or control character, no trailing dot or space, not reserved) and Linux (255 bytes).</summary>
    private static void AssertValidEverywhere(string name)
    {
        Assert.IsLessThanOrEqualTo(OutputNames.MaxNameBytes, Encoding.UTF8.GetByteCount(name), name);
        Assert.AreEqual(-1, name.AsSpan().IndexOfAny(Forbidden), name);
        Assert.IsFalse(name.Any(char.IsControl), name);
        Assert.IsFalse(name.EndsWith('.') || name.EndsWith(' '), name);
        var stem = name.Split('.')[0].ToUpperInvariant();
        Assert.IsFalse(stem is "CON" or "PRN" or "AUX" or "NUL" || (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal)) && char.IsDigit(stem[3])), name);
    }
}
