using Consolidator.Core.Normalising;

namespace Consolidator.Core.Tests.Normalising;

[TestClass]
public sealed class JudgmentScaleTests
{
    private static readonly JudgmentScale Scale = JudgmentScale.Default;

    [TestMethod]
    // symbol
    [DataRow("〇", "〇")]
    [DataRow("○", "〇")]
    [DataRow("◯", "〇")]
    [DataRow("O", "〇")]
    [DataRow("o", "〇")]
    [DataRow("Ｏ", "〇")]
    [DataRow(" 〇 ", "〇")]
    [DataRow("⦿", "⦿")]
    [DataRow("◎", "⦿")]
    [DataRow("◉", "⦿")]
    [DataRow("□", "□")]
    [DataRow("☐", "□")]
    [DataRow("▢", "□")]
    [DataRow("△", "△")]
    [DataRow("▵", "△")]
    [DataRow("×", "×")]
    [DataRow("✕", "×")]
    [DataRow("✖", "×")]
    [DataRow("X", "×")]
    [DataRow("x", "×")]
    [DataRow("―", "―")]
    [DataRow("—", "―")]
    [DataRow("–", "―")]
    [DataRow("-", "―")]
    [DataRow("ー", "―")]
    [DataRow("－", "―")]
    // label
    [DataRow("適合", "〇")]
    [DataRow("OK", "〇")]
    [DataRow("ok", "〇")]
    [DataRow("参考意見", "⦿")]
    [DataRow("参考", "⦿")]
    [DataRow("注意事項", "□")]
    [DataRow("注意", "□")]
    [DataRow("不適合", "△")]
    [DataRow("重大な不適合", "×")]
    [DataRow("重大不適合", "×")]
    [DataRow("対象外", "―")]
    [DataRow("N/A", "―")]
    [DataRow("NA", "―")]
    [DataRow("該当なし", "―")]
    // both
    [DataRow("△ 不適合", "△")]
    [DataRow("×（重大な不適合）", "×")]
    [DataRow("×重大な不適合", "×")]
    [DataRow("〇(適合)", "〇")]
    [DataRow("適合（〇）", "〇")]
    [DataRow("― 対象外", "―")]
    [DataRow("□　注意事項", "□")]
    public void Parse_ReturnsClass_ForEverySpelling(string raw, string symbol)
    {
        var parsed = Scale.Parse(raw);

        Assert.AreEqual(JudgmentState.Valid, parsed.State, raw);
        Assert.AreEqual(symbol, parsed.Class!.Symbol, raw);
        Assert.AreEqual(raw, parsed.Original);
    }

    [TestMethod]
    [DataRow("△ 重大な不適合")]
    [DataRow("×（適合）")]
    [DataRow("〇 不適合")]
    [DataRow("適合 ×")]
    public void Parse_ReturnsContradictory_WhenSymbolAndLabelDisagree(string raw) =>
        Assert.AreEqual(JudgmentState.Contradictory, Scale.Parse(raw).State);

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow(null)]
    [DataRow("　")]
    public void Parse_ReturnsEmpty_WhenBlank(string? raw) =>
        Assert.AreEqual(JudgmentState.Empty, Scale.Parse(raw).State);

    // ? and 未確認 say the judgment is still open: 未判定, the original kept, never an invalid judgment.
    [TestMethod]
    [DataRow("?")]
    [DataRow("？")]
    [DataRow("未確認")]
    [DataRow("未判定")]
    [DataRow(" 確認中 ")]
    public void Parse_ReturnsEmpty_ForSpellingsOfPending_AndKeepsTheOriginal(string raw)
    {
        var parsed = Scale.Parse(raw);

        Assert.AreEqual(JudgmentState.Empty, parsed.State);
        Assert.AreEqual(raw, parsed.Original);
    }

    [TestMethod]
    [DataRow("要検討")]
    [DataRow("0")]
    [DataRow("〇〇")]
    [DataRow("適合?")]
    [DataRow("◆")]
    public void Parse_ReturnsInvalid_ForJunk_AndKeepsTheOriginal(string raw)
    {
        var parsed = Scale.Parse(raw);

        Assert.AreEqual(JudgmentState.Invalid, parsed.State);
        Assert.AreEqual(raw, parsed.Original);
    }

    [TestMethod]
    [DataRow("〇,△", "△")]
    [DataRow("―,〇", "〇")]
    [DataRow("〇,⦿", "⦿")]
    [DataRow("□,×,△", "×")]
    [DataRow("―,―", "―")]
    public void MostSevere_PicksTheWorst_AndOutOfScopeOnlyWhenAllAre(string judgments, string expected)
    {
        var classes = judgments.Split(',').Select(s => Scale.BySymbol(s)!);

        Assert.AreEqual(expected, JudgmentScale.MostSevere(classes).Symbol);
    }

    // An office's spellings (Recognition:JudgmentSpellings) read as the class they name, also where the
    // default reads the spelling otherwise; the classes stay the scale's own objects.
    [TestMethod]
    [DataRow("Pass", "〇", "〇")]
    [DataRow("Fail", "△", "△")]
    [DataRow("pass", "〇", "〇")]
    [DataRow("x", "不適合", "△")]
    [DataRow("Pass（OK）", "〇", "〇")]
    [DataRow("Pass Fail", "〇", null)]
    public void WithSpellings_ReadsTheOfficesSpelling_AsTheNamedClass(string spelling, string target, string? expected)
    {
        var scale = Scale.WithSpellings(new Dictionary<string, string> { ["Pass"] = "〇", ["Fail"] = "△", ["x"] = target == "不適合" ? "不適合" : "×" });

        var parsed = scale.Parse(spelling);

        Assert.AreEqual(expected, parsed.Class?.Symbol, spelling);
        if (parsed.Class is { } c) Assert.IsTrue(Scale.Classes.Any(k => ReferenceEquals(k, c)));
    }

    [TestMethod]
    public void WithSpellings_None_IsTheScaleItself() =>
        Assert.AreSame(Scale, Scale.WithSpellings(new Dictionary<string, string>()));

    // A file's legend on top of the scale: x meaning 不適合 reads as △; O given a meaning the scale lacks is invalid.
    [TestMethod]
    [DataRow("x", "△")]
    [DataRow("X", "△")]
    [DataRow("x（不適合）", "△")]
    [DataRow("O", null)]
    [DataRow("〇", "〇")]
    public void Parse_WithOverrides_FollowsTheLegend(string raw, string? expected)
    {
        var overrides = new Dictionary<string, JudgmentClass?>(StringComparer.OrdinalIgnoreCase) { ["x"] = Scale.BySymbol("△"), ["O"] = null };

        var parsed = Scale.Parse(raw, overrides);

        Assert.AreEqual(expected, parsed.Class?.Symbol);
        Assert.AreEqual(expected is null ? JudgmentState.Invalid : JudgmentState.Valid, parsed.State);
    }

    [TestMethod]
    public void Classes_AreInTableOrder_OutOfScopeFirstThenRisingSeverity() =>
        CollectionAssert.AreEqual(new[] { "対象外", "適合", "参考意見", "注意事項", "不適合", "重大な不適合" },
            Scale.Classes.Select(c => c.Label).ToArray());
}
