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
        var name = OutputNames.ResultStem(new AuditKey(target, 2023)) + ".xlsx";

        Assert.AreEqual(expected, name);
        AssertValidEverywhere(name);
    }

    [TestMethod]
    public void ResultWorkbook_CutsALongTarget_KeepingYearAndSuffix_AndTwoLongTargetsApart()
    {
        var a = OutputNames.ResultStem(new AuditKey(new string('長', 300) + "A", 2023)) + ".xlsx";
        var b = OutputNames.ResultStem(new AuditKey(new string('長', 300) + "B", 2023)) + ".xlsx";

        AssertValidEverywhere(a);
        Assert.EndsWith("_令和5年度_監査結果.xlsx", a);
        Assert.Contains("~", a);
        Assert.AreNotEqual(a, b, "names of two different targets collide");
        Assert.AreEqual(OutputNames.ResultStem(new AuditKey(new string('長', 300) + "A", 2023)) + ".csv", a[..^5] + ".csv");
    }

    [TestMethod]
    //       real target                      second target
    [DataRow("庶務事務システム",                 "庶務事務システム.",            DisplayName = "a trailing dot")]
    [DataRow("庶務事務システム",                 "庶務事務システム...",          DisplayName = "trailing dots")]
    [DataRow("庶務_事務システム",                "庶務/事務システム",            DisplayName = "a slash beside an underscore")]
    [DataRow("庶務_事務システム",                "庶務:事務システム",            DisplayName = "a colon beside an underscore")]
    [DataRow("庶務_事務システム",                "庶務\u200B事務システム",      DisplayName = "a zero-width space beside an underscore")]
    [DataRow("ABC会計システム",                  "abc会計システム",              DisplayName = "upper and lower case")]
    [DataRow("ＡＢＣ会計システム",                "ａｂｃ会計システム",            DisplayName = "full-width upper and lower case")]
    public void Assign_KeysThatCleanUpToOneName_GetDistinctNames_AndEachKnowsTheOther(string real, string other)
    {
        var a = new AuditKey(real, 2023);
        var b = new AuditKey(other, 2023);
        Assert.IsTrue(OutputNames.SameOnShares(OutputNames.ResultStem(a), OutputNames.ResultStem(b)), "the case needs no disambiguation");

        var names = OutputNames.Assign([b, a]);

        Assert.IsFalse(OutputNames.SameOnShares(names[a].Stem, names[b].Stem), $"{names[a].Stem} / {names[b].Stem}");
        Assert.AreEqual(OutputNames.ResultStem(a), names[a].Stem, "the target that needed no cleaning keeps the plain name");
        StringAssert.StartsWith(names[b].Stem, OutputNames.ResultStem(b).Replace("_令和5年度_監査結果", "", StringComparison.Ordinal) + "~");
        StringAssert.EndsWith(names[b].Stem, "_令和5年度_監査結果");
        CollectionAssert.AreEqual(new[] { b }, names[a].CollidedWith.ToArray());
        CollectionAssert.AreEqual(new[] { a }, names[b].CollidedWith.ToArray());
        AssertValidEverywhere(names[b].Stem + ".xlsx");
    }

    [TestMethod]
    public void Assign_NamesDoNotDependOnTheOrderKeysArriveIn_AndLoneKeysKeepTheirPlainName()
    {
        AuditKey[] keys = [new("庶務事務システム", 2023), new("庶務事務システム.", 2023), new("庶務事務システム..", 2023), new("財務会計システム", 2023), new("庶務事務システム.", 2024)];

        var forward = OutputNames.Assign(keys);
        var backward = OutputNames.Assign(keys.Reverse());

        foreach (var k in keys) Assert.AreEqual(forward[k].Stem, backward[k].Stem, k.ToString());
        Assert.AreEqual(keys.Length, forward.Values.Select(n => n.Stem.ToUpperInvariant()).Distinct().Count());
        Assert.AreEqual("財務会計システム_令和5年度_監査結果", forward[keys[3]].Stem);
        Assert.AreEqual("庶務事務システム_令和6年度_監査結果", forward[keys[4]].Stem, "another year is another file");
        Assert.IsEmpty(forward[keys[4]].CollidedWith);
        Assert.HasCount(2, forward[keys[0]].CollidedWith);
    }

    [TestMethod]
    public void Assign_ATargetSpeltAsAnotherAuditsHashedName_StillGetsItsOwn()
    {
        var real = new AuditKey("X", 2023);
        var dotted = new AuditKey("X.", 2023);
        var hashed = OutputNames.Assign([real, dotted])[dotted].Stem;
        var impostor = new AuditKey(hashed.Replace("_令和5年度_監査結果", "", StringComparison.Ordinal).ToUpperInvariant(), 2023);

        var names = OutputNames.Assign([real, dotted, impostor]);

        Assert.AreEqual(3, names.Values.Select(n => n.Stem.ToUpperInvariant()).Distinct().Count(), string.Join(", ", names.Values.Select(n => n.Stem)));
    }

    [TestMethod]
    // One file on an NTFS volume or SMB share: NTFS upper-cases each UTF-16 unit through its table.
    [DataRow("abc",          "ABC",          true)]
    [DataRow("Abc会計",       "aBC会計",       true)]
    [DataRow("ａｂｃ",        "ＡＢＣ",        true)]
    [DataRow("σ",            "Σ",            true)]
    [DataRow("ς",            "Σ",            true)]
    [DataRow("é",            "É",            true)]
    [DataRow("ж",            "Ж",            true)]
    [DataRow("ǆ",            "Ǆ",            true)]
    // Two files: no normalisation, no width folding, no multi-character case mapping.
    [DataRow("ａｂｃ",        "abc",          false)]
    [DataRow("ß",            "SS",           false)]
    [DataRow("e\u0301",      "é",            false)]
    [DataRow("ｶﾞ",           "ガ",           false)]
    [DataRow("庶務_事務",      "庶務/事務",      false)]
    public void SameOnShares_ComparesAsNtfsDoes(string a, string b, bool same) =>
        Assert.AreEqual(same, OutputNames.SameOnShares(a, b), $"{a} / {b}");

    [TestMethod]
    //       target                 names something
    [DataRow("庶務事務システム",       true)]
    [DataRow("庶務事務システム.",      true)]
    [DataRow("A",                  true)]
    [DataRow("〇〇",                true)]
    [DataRow("2023",               true)]
    [DataRow(".",                  false)]
    [DataRow("...",                false)]
    [DataRow(" . ",                false)]
    [DataRow("．。",                false)]
    [DataRow("/",                  false)]
    [DataRow("／＼",                false)]
    [DataRow("\u3000",             false)]
    [DataRow("\u200B\u200D",       false)]
    [DataRow("\u202E.",            false)]
    [DataRow("?*<>|:\"",           false)]
    [DataRow("・・",                false)]
    [DataRow("",                   false)]
    public void IsName_RefusesTargetsOfDotsSpacesSlashesAndInvisibles(string target, bool named) =>
        Assert.AreEqual(named, OutputNames.IsName(target), target);

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
