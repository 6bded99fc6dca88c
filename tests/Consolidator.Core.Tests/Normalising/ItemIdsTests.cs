using Consolidator.Core.Normalising;

namespace Consolidator.Core.Tests.Normalising;

[TestClass]
public sealed class ItemIdsTests
{
    [TestMethod]
    // full-width digits and dots
    [DataRow("１．１", "1.1")]
    [DataRow("３.２", "3.2")]
    [DataRow("５－１", "5-1")]
    // every dash form
    [DataRow("2‐1", "2-1")]
    [DataRow("2‑1", "2-1")]
    [DataRow("2–3", "2-3")]
    [DataRow("2—3", "2-3")]
    [DataRow("5―2", "5-2")]
    [DataRow("3−2", "3-2")]
    [DataRow("1ー2", "1-2")]
    [DataRow("1ｰ2", "1-2")]
    // "No." prefixes
    [DataRow("No.1.2", "1.2")]
    [DataRow("No. 3.3", "3.3")]
    [DataRow("Ｎｏ．２．２", "2.2")]
    [DataRow("NO.5-4", "5-4")]
    [DataRow("no1", "1")]
    [DataRow("№7", "7")]
    // spaces and padding
    [DataRow(" 1-1 ", "1-1")]
    [DataRow("1 - 1", "1-1")]
    [DataRow("L-02", "L-02")]
    [DataRow("01", "01")]
    [DataRow("5.10", "5.10")]
    public void Normalise_GivesOneFormPerId(string raw, string expected) =>
        Assert.AreEqual(expected, ItemIds.Normalise(raw));

    [TestMethod]
    [DataRow("1-1", true)]
    [DataRow("L-02", true)]
    [DataRow("〇", false)]
    [DataRow("―", false)]
    [DataRow("※ 注意", false)]
    [DataRow("", false)]
    [DataRow("記号", false)]
    public void LooksLikeId_NeedsADigit_SoLegendsAndNotesAreNotItems(string raw, bool expected) =>
        Assert.AreEqual(expected, ItemIds.LooksLikeId(ItemIds.Normalise(raw)));

    // An id and nothing else, as ids stand in the id column of files nobody here made.
    [TestMethod]
    [DataRow("1", true)]
    [DataRow("1-1", true)]
    [DataRow("1.2.3", true)]
    [DataRow("A-3", true)]
    [DataRow("SEC-01", true)]
    [DataRow("２．１０", true)]
    [DataRow("MSTG-ARCH-1", true)]
    [DataRow("A.5.1.1", true)]
    [DataRow("1-(1)-ア", true)]
    [DataRow("V1", true)]
    [DataRow("5 技術的セキュリティ", false)]
    [DataRow("【3】物理的セキュリティ", false)]
    [DataRow("第5章", false)]
    [DataRow("Pass", false)]
    [DataRow("〇", false)]
    [DataRow("※1", false)]
    public void IsIdToken_IsAnIdAndNothingElse(string raw, bool expected) =>
        Assert.AreEqual(expected, ItemIds.IsIdToken(ItemIds.Normalise(raw)), raw);

    // A heading written in the id column: its number and its words; an id alone or words alone are none.
    [TestMethod]
    [DataRow("【3】物理的セキュリティ", "3", "物理的セキュリティ")]
    [DataRow("［2］人的セキュリティ", "2", "人的セキュリティ")]
    [DataRow("第5章 技術的対策", "第5章", "技術的対策")]
    [DataRow("第十章", "第十章", "")]
    [DataRow("1.1.1: アクセス制御", "1.1.1", "アクセス制御")]
    [DataRow("1.1.1：アクセス制御", "1.1.1", "アクセス制御")]
    [DataRow("5 技術的セキュリティ", "5", "技術的セキュリティ")]
    [DataRow("A.5 情報セキュリティのための方針群", "A.5", "情報セキュリティのための方針群")]
    [DataRow("V1 Architecture", "V1", "Architecture")]
    [DataRow("1-1", null, null)]
    [DataRow("No. 3.3", null, null)]
    [DataRow("Ｎｏ．２．２", null, null)]
    [DataRow("パスワード", null, null)]
    [DataRow("5.1 ", null, null)]
    public void SplitHeading_FindsTheNumberAndTheWords(string raw, string? id, string? words)
    {
        var split = ItemIds.SplitHeading(raw);

        Assert.AreEqual(id, split?.Id, raw);
        Assert.AreEqual(words, split?.Words, raw);
    }

    // Whether an id numbers a level below another: the row of the first is then a heading.
    [TestMethod]
    [DataRow("V1", "1.1", true)]
    [DataRow("1", "1-2", true)]
    [DataRow("A.5", "A.5.1", true)]
    [DataRow("1.1", "1.1.1", true)]
    [DataRow("5.1", "5.10", false)]
    [DataRow("1", "10", false)]
    [DataRow("1-1", "1-2", false)]
    [DataRow("2", "1.1", false)]
    public void Extends_IsALevelBelow(string parent, string child, bool expected) =>
        Assert.AreEqual(expected, ItemIds.Extends(parent, child));

    [TestMethod]
    public void CompareNatural_OrdersAsPeopleRead()
    {
        var ids = new[] { "1-10", "1-2", "10-1", "2-1", "1-1", "L-10", "L-02", "5.10", "5.9" };

        var sorted = ids.Order(ItemIds.NaturalComparer).ToArray();

        CollectionAssert.AreEqual(new[] { "1-1", "1-2", "1-10", "2-1", "5.9", "5.10", "10-1", "L-02", "L-10" }, sorted);
    }
}
