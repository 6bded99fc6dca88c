using Consolidator.Core.Writing;

namespace Consolidator.Core.Tests.Writing;

[TestClass]
public sealed class CellTextTests
{
    [TestMethod]
    //       text                     in the cell
    [DataRow("判定\u0000\u0001\u0008",  "判定")]
    [DataRow("\u001B[31m",            "[31m")]
    [DataRow("改行\r\nタブ\t",          "改行\r\nタブ\t")]
    [DataRow("\uFFFE\uFFFF",          "")]
    [DataRow("𠮷",                    "𠮷")]
    [DataRow(null,                    "")]
    public void Clean_RemovesCharactersXmlCannotHold(string? text, string clean) =>
        Assert.AreEqual(clean, CellText.Clean(text));

    [TestMethod]
    public void Clean_RemovesLoneSurrogates()
    {
        Assert.AreEqual("ab", CellText.Clean("a\uD800b"));
        Assert.AreEqual("ab", CellText.Clean("a\uDC00b"));
        Assert.AreEqual("a", CellText.Clean("a\uD800"));
    }

    [TestMethod]
    public void Clean_CutsTextOverExcelsLimit_WithAMark()
    {
        var clean = CellText.Clean(new string('長', 40_000));

        Assert.AreEqual(CellText.ExcelLimit, clean.Length);
        Assert.EndsWith("…", clean);
        Assert.AreEqual(new string('a', CellText.ExcelLimit), CellText.Clean(new string('a', CellText.ExcelLimit)), "at the limit nothing is cut");
    }

    [TestMethod]
    public void Clean_NeverCutsBetweenTheHalvesOfASurrogatePair()
    {
        // 𠮷 (two UTF-16 units) straddles the cut point.
        var text = new string('a', CellText.ExcelLimit - 2) + "𠮷𠮷𠮷";

        var clean = CellText.Clean(text);

        Assert.IsLessThanOrEqualTo(CellText.ExcelLimit, clean.Length);
        Assert.IsFalse(char.IsHighSurrogate(clean[^2]), "a lone high surrogate before the mark");
        Assert.EndsWith("…", clean);
    }
}
