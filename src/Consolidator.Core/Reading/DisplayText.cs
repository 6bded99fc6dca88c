using System.Collections.Concurrent;
using System.Globalization;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Reading;

/// <summary>
/// Turns a cell's stored value into the text Excel displays: 5.1 with format 0.00 is
/// "5.10", 1 with format 00 is "01", a date with an era format is 令和5年10月24日.
/// Item ids must be read this way (the 1.10 → 1.1 trap).
/// </summary>
internal static class DisplayText
{
    private static readonly ConcurrentDictionary<string, ExcelNumberFormat.NumberFormat?> Formats = new();

    /// <summary>Excel's own limit on a number format's length; a longer one is not from Excel and is shown as General.</summary>
    private const int MaxFormatLength = 255;

    private const int MaxCachedFormats = 2_000;

    public static string Of(object? value, string? format)
    {
        switch (value)
        {
            case null:
                return "";
            case string s:
                return s;
            case bool b:
                return b ? "TRUE" : "FALSE";
            case DateTime dt:
                return FormatDate(dt, format);
            case double or float or int or long or decimal:
                return FormatNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture), format);
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
    }

    /// <summary>A number as its number format shows it (<paramref name="format"/> null: General).</summary>
    public static string Number(double d, string? format) => FormatNumber(d, format);

    /// <summary>
    /// Whether a number format shows a date (a date section: yyyy/m/d, h:mm, ggge年) or a duration
    /// (an elapsed-time section: [h]:mm), as the number format parser reads it; a format it cannot
    /// parse is neither.
    /// </summary>
    public static (bool Date, bool Duration) Kind(string? format)
    {
        if (string.IsNullOrEmpty(format) || format.Equals("General", StringComparison.OrdinalIgnoreCase) || format == "@") return (false, false);
        ExcelNumberFormat.NumberFormat? nf;
        if (format.Length > MaxFormatLength) nf = Parse(format);
        else if (!Formats.TryGetValue(format, out nf))
        {
            nf = Parse(format);
            if (Formats.Count < MaxCachedFormats) Formats.TryAdd(format, nf);
        }
        return nf is null ? (false, false) : (nf.IsDateTimeFormat, nf.IsTimeSpanFormat);
    }

    public static string General(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return "";
        if (Math.Abs(d) < 1e15 && d == Math.Floor(d)) return ((long)d).ToString(CultureInfo.InvariantCulture);
        return d.ToString("G15", CultureInfo.InvariantCulture);
    }

    private static string FormatNumber(double d, string? format)
    {
        if (string.IsNullOrEmpty(format) || format.Equals("General", StringComparison.OrdinalIgnoreCase) || format == "@"
            || format.Length > MaxFormatLength)
            return General(d);
        if (TryPlain(d, format, out var plain)) return plain;
        if (!Formats.TryGetValue(format, out var nf))
        {
            nf = Parse(format);
            // The cache lives as long as the process; formats come from files, so it is bounded.
            if (Formats.Count < MaxCachedFormats) Formats.TryAdd(format, nf);
        }
        if (nf is null) return General(d);
        try
        {
            if (nf.IsDateTimeFormat)
                return FormatDate(DateTime.FromOADate(d), format);
            return nf.Format(d, CultureInfo.InvariantCulture);
        }
        catch (Exception)
        {
            return General(d);
        }
    }

    /// <summary>
    /// Plain digit formats (0, 00, 0.00, #,##0, #,##0.00 …), the ones ids and counts use, formatted
    /// as Excel does: rounding half away from zero, minimum digits padded with zeros.
    /// </summary>
    private static bool TryPlain(double d, string format, out string text)
    {
        text = "";
        if (format.Length > 20 || format.Any(c => c is not ('0' or '#' or '.' or ','))) return false;
        var dot = format.IndexOf('.');
        var integerPart = dot < 0 ? format : format[..dot];
        var fraction = dot < 0 ? "" : format[(dot + 1)..];
        if (fraction.Contains('.') || fraction.Contains(',') || Math.Abs(d) >= 1e15) return false;
        var decimals = fraction.Length;
        var minInteger = integerPart.Count(c => c == '0');
        var grouping = integerPart.Contains(',');
        var rounded = Math.Round((decimal)d, decimals, MidpointRounding.AwayFromZero);
        var pattern = (grouping ? "#,##" : "") + new string('0', Math.Max(1, minInteger)) + (decimals > 0 ? "." + new string('0', decimals) : "");
        if (minInteger == 0 && Math.Abs(rounded) < 1) pattern = (decimals > 0 ? "#." + new string('0', decimals) : "0");
        text = rounded.ToString(pattern, CultureInfo.InvariantCulture);
        return true;
    }

    private static ExcelNumberFormat.NumberFormat? Parse(string format)
    {
        try
        {
            var n = new ExcelNumberFormat.NumberFormat(format);
            return n.IsValid ? n : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static string FormatDate(DateTime dt, string? format)
    {
        // Era formats (ggge年m月d日) are how Japanese Excel shows 令和; the library does not know them.
        if (!string.IsNullOrEmpty(format) && (format.Contains("ggg", StringComparison.Ordinal) || format.Contains('e') && format.Contains("[$-")))
            return JapaneseDates.DateLabel(DateOnly.FromDateTime(dt));
        if (dt.TimeOfDay == TimeSpan.Zero)
            return dt.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        return dt.ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
    }
}
