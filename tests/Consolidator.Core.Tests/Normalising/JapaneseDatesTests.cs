using Consolidator.Core.Normalising;

namespace Consolidator.Core.Tests.Normalising;

[TestClass]
public sealed class JapaneseDatesTests
{
    [TestMethod]
    [DataRow("令和5年10月24日", "2023-10-24")]
    [DataRow("令和５年１０月２４日", "2023-10-24")]
    [DataRow("令和元年5月1日", "2019-05-01")]
    [DataRow("平成31年4月1日", "2019-04-01")]
    [DataRow("R5.10.24", "2023-10-24")]
    [DataRow("R5/10/24", "2023-10-24")]
    [DataRow("2023/10/24", "2023-10-24")]
    [DataRow("2023-10-24", "2023-10-24")]
    [DataRow("2023年10月24日", "2023-10-24")]
    [DataRow("令和5年10月24日(火)", "2023-10-24")]
    [DataRow("令和 5 年 10 月 24 日", "2023-10-24")]
    public void TryParseDate_ReadsEraAndWesternDates(string text, string expected)
    {
        Assert.IsTrue(JapaneseDates.TryParseDate(text, out var d), text);
        Assert.AreEqual(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("令和5年度")]
    [DataRow("令和5年2月30日")]
    [DataRow("未定")]
    [DataRow("2023/13/01")]
    public void TryParseDate_RefusesWhatIsNotAWholeDate(string text) =>
        Assert.IsFalse(JapaneseDates.TryParseDate(text, out _));

    [TestMethod]
    [DataRow("令和5年度", 2023)]
    [DataRow("令和５年度", 2023)]
    [DataRow("令和元年度", 2019)]
    [DataRow("平成31年度", 2019)]
    [DataRow("平成30年度", 2018)]
    [DataRow("R5", 2023)]
    [DataRow("R5年度", 2023)]
    [DataRow("2023", 2023)]
    [DataRow("2023年度", 2023)]
    [DataRow("２０２３年度", 2023)]
    [DataRow("令和6年", 2024)]
    [DataRow("令和6年3月1日", 2023)]
    public void TryParseFiscalYear_ReadsEveryForm(string text, int expected)
    {
        Assert.IsTrue(JapaneseDates.TryParseFiscalYear(text, out var fy), text);
        Assert.AreEqual(expected, fy);
    }

    [TestMethod]
    [DataRow(2023, "令和5年度")]
    [DataRow(2019, "令和元年度")]
    [DataRow(2018, "平成30年度")]
    public void FiscalYearLabel_WritesTheEra(int year, string label) =>
        Assert.AreEqual(label, JapaneseDates.FiscalYearLabel(year));
}
