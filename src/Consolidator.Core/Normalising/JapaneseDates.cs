using System.Globalization;
using System.Text.RegularExpressions;

namespace Consolidator.Core.Normalising;

/// <summary>
/// Dates and fiscal years as Japanese offices write them: 令和5年10月24日, 令和元年, R5.10.24,
/// 平成31年度, 2023/10/24, 2023年度, full-width digits. The fiscal year (年度) starts in April.
/// </summary>
public static partial class JapaneseDates
{
    private static readonly (string Name, string Initial, int Start)[] Eras =
    [
        ("令和", "R", 2018),
        ("平成", "H", 1988),
        ("昭和", "S", 1925),
    ];

    /// <summary>Reads a date. Returns false for anything that is not a whole date.</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        var t = Text.NfkcCollapsed(text).Replace(" ", "");
        if (t.Length == 0) return false;
        var m = EraDate().Match(t);
        int year;
        if (m.Success)
        {
            if (!TryEraYear(m.Groups["era"].Value, m.Groups["y"].Value, out year)) return false;
        }
        else
        {
            m = WesternDate().Match(t);
            if (!m.Success) return false;
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// Reads a fiscal year: 令和5年度, 令和元年度, R5, R5年度, 2023, 2023年度, 平成31年度 → 2019.
    /// A full date gives the fiscal year it falls in (April to March).
    /// </summary>
    public static bool TryParseFiscalYear(string? text, out int fiscalYear)
    {
        fiscalYear = 0;
        var t = Text.NfkcCollapsed(text).Replace(" ", "");
        if (t.Length == 0) return false;
        var m = EraYear().Match(t);
        if (m.Success && TryEraYear(m.Groups["era"].Value, m.Groups["y"].Value, out fiscalYear)
            && !(m.Groups["rest"].Value.Contains('月')))
            return true;
        m = WesternYear().Match(t);
        if (m.Success && !m.Groups["rest"].Value.Contains('月') && !m.Groups["rest"].Value.Contains('/'))
        {
            fiscalYear = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            return fiscalYear is >= 1989 and <= 2200;
        }
        if (TryParseDate(t, out var d))
        {
            fiscalYear = d.Month >= 4 ? d.Year : d.Year - 1;
            return true;
        }
        return false;
    }

    /// <summary>令和5年度 for 2023; 令和元年度 for 2019; 平成30年度 for 2018.</summary>
    public static string FiscalYearLabel(int fiscalYear)
    {
        foreach (var (name, _, start) in Eras)
        {
            var n = fiscalYear - start;
            if (n >= 1 && (name != "平成" || fiscalYear <= 2018) && (name != "昭和" || fiscalYear <= 1988))
                return $"{name}{(n == 1 ? "元" : n.ToString(CultureInfo.InvariantCulture))}年度";
        }
        return $"{fiscalYear}年度";
    }

    /// <summary>令和5年10月24日 for 2023-10-24.</summary>
    public static string DateLabel(DateOnly date)
    {
        // 令和 begins on 2019-05-01, 平成 on 1989-01-08.
        string era;
        int n;
        if (date >= new DateOnly(2019, 5, 1)) (era, n) = ("令和", date.Year - 2018);
        else if (date >= new DateOnly(1989, 1, 8)) (era, n) = ("平成", date.Year - 1988);
        else return $"{date.Year}年{date.Month}月{date.Day}日";
        return $"{era}{(n == 1 ? "元" : n.ToString(CultureInfo.InvariantCulture))}年{date.Month}月{date.Day}日";
    }

    private static bool TryEraYear(string era, string y, out int year)
    {
        year = 0;
        var start = Eras.FirstOrDefault(e => e.Name == era || string.Equals(e.Initial, era, StringComparison.OrdinalIgnoreCase)).Start;
        if (start == 0) return false;
        var n = y == "元" ? 1 : int.Parse(y, CultureInfo.InvariantCulture);
        if (n is < 1 or > 99) return false;
        year = start + n;
        return true;
    }

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|[RHSrhs])(?<y>元|\d{1,2})[年./\-](?<m>\d{1,2})[月./\-](?<d>\d{1,2})日?(\(.\))?$")]
    private static partial Regex EraDate();

    [GeneratedRegex(@"^(?<y>\d{4})[年./\-](?<m>\d{1,2})[月./\-](?<d>\d{1,2})日?(\(.\))?(\d{1,2}:\d{2}(:\d{2})?)?$")]
    private static partial Regex WesternDate();

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|[RHSrhs])(?<y>元|\d{1,2})(?<rest>年度?|年|\b)?$")]
    private static partial Regex EraYear();

    [GeneratedRegex(@"^(?<y>\d{4})(?<rest>年度?|\(.*\))?$")]
    private static partial Regex WesternYear();
}
