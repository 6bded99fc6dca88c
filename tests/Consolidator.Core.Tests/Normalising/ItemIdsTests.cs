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

    [TestMethod]
    public void CompareNatural_OrdersAsPeopleRead()
    {
        var ids = new[] { "1-10", "1-2", "10-1", "2-1", "1-1", "L-10", "L-02", "5.10", "5.9" };

        var sorted = ids.Order(ItemIds.NaturalComparer).ToArray();

        CollectionAssert.AreEqual(new[] { "1-1", "1-2", "1-10", "2-1", "5.9", "5.10", "10-1", "L-02", "L-10" }, sorted);
    }
}
