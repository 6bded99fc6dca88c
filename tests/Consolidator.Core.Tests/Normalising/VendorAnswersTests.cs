using Consolidator.Core.Normalising;

namespace Consolidator.Core.Tests.Normalising;

[TestClass]
public sealed class VendorAnswersTests
{
    [TestMethod]
    // 実施
    [DataRow("実施", VendorAnswer.Implemented)]
    [DataRow("はい", VendorAnswer.Implemented)]
    [DataRow("Yes", VendorAnswer.Implemented)]
    [DataRow("YES", VendorAnswer.Implemented)]
    [DataRow("実施済", VendorAnswer.Implemented)]
    [DataRow("実施済み", VendorAnswer.Implemented)]
    [DataRow("対応済", VendorAnswer.Implemented)]
    [DataRow("○", VendorAnswer.Implemented)]
    [DataRow("〇", VendorAnswer.Implemented)]
    [DataRow("実施（委託先を含む）", VendorAnswer.Implemented)]
    // 一部実施
    [DataRow("一部実施", VendorAnswer.Partial)]
    [DataRow("一部", VendorAnswer.Partial)]
    // 未実施
    [DataRow("未実施", VendorAnswer.NotImplemented)]
    [DataRow("いいえ", VendorAnswer.NotImplemented)]
    [DataRow("No", VendorAnswer.NotImplemented)]
    [DataRow("×", VendorAnswer.NotImplemented)]
    [DataRow("未対応", VendorAnswer.NotImplemented)]
    // 該当なし
    [DataRow("該当なし", VendorAnswer.NotApplicable)]
    [DataRow("対象外", VendorAnswer.NotApplicable)]
    [DataRow("N/A", VendorAnswer.NotApplicable)]
    [DataRow("―", VendorAnswer.NotApplicable)]
    [DataRow("-", VendorAnswer.NotApplicable)]
    // blank and junk
    [DataRow("", VendorAnswer.NoAnswer)]
    [DataRow("  ", VendorAnswer.NoAnswer)]
    [DataRow("検討中", VendorAnswer.Invalid)]
    [DataRow("?", VendorAnswer.Invalid)]
    public void Parse_NormalisesEverySpelling(string raw, VendorAnswer expected) =>
        Assert.AreEqual(expected, VendorAnswers.Parse(raw));

    [TestMethod]
    public void Label_IsTheJapaneseWord() =>
        CollectionAssert.AreEqual(new[] { "実施", "一部実施", "未実施", "該当なし", "未回答" },
            new[] { VendorAnswer.Implemented, VendorAnswer.Partial, VendorAnswer.NotImplemented, VendorAnswer.NotApplicable, VendorAnswer.NoAnswer }.Select(a => a.Label()).ToArray());
}
