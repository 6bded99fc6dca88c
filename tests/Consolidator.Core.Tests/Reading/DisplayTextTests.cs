using Consolidator.Core.Reading;

namespace Consolidator.Core.Tests.Reading;

[TestClass]
public sealed class DisplayTextTests
{
    [TestMethod]
    // The 1.10 → 1.1 trap: the stored number is 5.1, Excel shows 5.10.
    [DataRow(5.1, "0.00", "5.10")]
    [DataRow(5.1, "General", "5.1")]
    [DataRow(5.1, null, "5.1")]
    [DataRow(1.0, "00", "01")]
    [DataRow(12.0, "00", "12")]
    [DataRow(1.0, "General", "1")]
    [DataRow(4.1, "General", "4.1")]
    [DataRow(0.30000000000000004, "General", "0.3")]
    [DataRow(13.0, "0", "13")]
    [DataRow(1234.5, "#,##0", "1,235")]
    [DataRow(3.0, "@", "3")]
    public void Of_Number_IsTheTextExcelShows(double value, string? format, string expected) =>
        Assert.AreEqual(expected, DisplayText.Of(value, format));

    [TestMethod]
    public void Of_Date_WithAnEraFormat_IsAJapaneseEraDate() =>
        Assert.AreEqual("令和5年10月24日", DisplayText.Of(new DateTime(2023, 10, 24), "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\";@"));

    [TestMethod]
    public void Of_Date_OtherwiseIsIsoLike() =>
        Assert.AreEqual("2023/10/24", DisplayText.Of(new DateTime(2023, 10, 24), "yyyy/m/d"));

    [TestMethod]
    public void Of_TextAndBooleans_AreAsStored()
    {
        Assert.AreEqual("〇", DisplayText.Of("〇", "General"));
        Assert.AreEqual("TRUE", DisplayText.Of(true, null));
        Assert.AreEqual("", DisplayText.Of(null, null));
    }
}
