using System.Text;
using System.Text.RegularExpressions;
using Consolidator.Core.Model;

namespace Consolidator.Core.Writing;

/// <summary>
/// The 監査結果 item list as CSV: UTF-8 with BOM so Japanese Excel opens it, CRLF, every field
/// quoted. A field that would start a formula (= + - @, tab, CR, LF, their full-width forms,
/// also after leading spaces) is prefixed with ' so no submitted text ever runs as a formula.
/// A field that a spreadsheet opening the file would turn into a number or a date — item ids
/// such as 1-1, 5-10, 1/2, 001, 1.10 become 1月1日, 5月10日, 1月2日, 1 and 1.1 in Japanese Excel,
/// and LibreOffice's Japanese import does the same — is written as <c>="5-10"</c>, the form
/// both open as the text it is. That is the only formula ever written: a string literal around a
/// text of digits, separators, signs of numbers and dates (never a quote), as
/// <see cref="LooksLikeNumberOrDate"/> decides.
/// </summary>
public static partial class ItemsCsv
{
    public static void Write(AuditResult result, Stream stream)
    {
        var (columns, rows) = ResultWorkbook.ItemTable(result);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true);
        writer.NewLine = "\r\n";
        writer.WriteLine(string.Join(",", columns.Select(c => Quote(c.Header.Replace('\n', ' ')))));
        foreach (var row in rows)
            writer.WriteLine(string.Join(",", row.Select(Quote)));
    }

    public static void Write(AuditResult result, string path) => AtomicFile.Write(path, s => Write(result, s));

    /// <summary>Quotes a field, neutralises formula starts and keeps number- and date-like text as text.</summary>
    public static string Quote(string? value)
    {
        var v = CellText.Clean(value);
        if (StartsFormula(v)) v = "'" + v;
        else if (LooksLikeNumberOrDate(v)) v = "=\"" + v + "\"";
        return "\"" + v.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>
    /// Whether a spreadsheet opening the CSV could take the field for a formula (or a DDE call):
    /// it starts with = + - @, a tab, CR or LF, their full-width forms (Japanese input methods
    /// type ＝ and ＋, and some spreadsheets accept them), or spaces before any of these.
    /// </summary>
    internal static bool StartsFormula(string v)
    {
        if (v.Length == 0) return false;
        if (v[0] is '\t' or '\r' or '\n') return true;
        var first = v.TrimStart(' ', '\u3000');
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@' or '＝' or '＋' or '－' or '＠' or '\t' or '\r' or '\n';
    }

    /// <summary>
    /// Whether Japanese Excel (or LibreOffice in a Japanese locale) would read the text as a value
    /// rather than text when the CSV is opened: a number (001, 1.10, 1,000, 10%, (5), ¥100, 1E5, 1 1/2),
    /// a date or time (1-1, 5-10, 1/2, 2023/10/24, 5-10-1, 12:30, 10月24日, 2023年10月, R5.10.24,
    /// 令和5年10月24日) or a truth value (TRUE). Full-width digits count as digits (Excel reads them so),
    /// and so does 〇 (U+3007, the kanji zero, also the judgment symbol of 適合): LibreOffice's
    /// Japanese import reads a lone 〇 as the number 0. Only such texts are wrapped, and none of
    /// them holds a quote.
    /// </summary>
    public static bool LooksLikeNumberOrDate(string v)
    {
        if (v.Length == 0 || v.Length > 40 || v.Contains('"', StringComparison.Ordinal) || v.Contains('\n', StringComparison.Ordinal)) return false;
        var t = v.Normalize(NormalizationForm.FormKC).Trim().Replace('〇', '0');
        if (t.Length == 0) return false;
        return Number().IsMatch(t) || Date().IsMatch(t) || Time().IsMatch(t) || JapaneseDate().IsMatch(t) || EraDate().IsMatch(t)
            || Fraction().IsMatch(t) || t.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || t.Equals("FALSE", StringComparison.OrdinalIgnoreCase);
    }

    // 001  1.10  1,000  .5  10%  (5)  ¥100  $5  1E5  1e+05
    [GeneratedRegex(@"^\(?[¥$€£]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?\)?$")]
    private static partial Regex Number();

    // 1-1  5-10  1/2  2023/10/24  5-10-1  1.2.3 (same separator twice)
    [GeneratedRegex(@"^\d{1,4}([-/.])\d{1,2}(\1\d{1,4})?$")]
    private static partial Regex Date();

    // 12:30  9:05:10  12:30 PM
    [GeneratedRegex(@"^\d{1,2}:\d{1,2}(:\d{1,2})?(\s?[AaPp][Mm])?$")]
    private static partial Regex Time();

    // 10月24日  2023年10月  2023年10月24日
    [GeneratedRegex(@"^(\d{1,4}年\d{1,2}月(\d{1,2}日)?|\d{1,2}月\d{1,2}日)$")]
    private static partial Regex JapaneseDate();

    // R5.10.24  H30/4/1  令和5年10月24日  平成元年4月
    [GeneratedRegex(@"^([MTSHRmtshr]\d{1,2}[./-]\d{1,2}[./-]\d{1,2}|(明治|大正|昭和|平成|令和)(\d{1,2}|元)年\d{1,2}月(\d{1,2}日)?)$")]
    private static partial Regex EraDate();

    // 1 1/2
    [GeneratedRegex(@"^\d+\s+\d+/\d+$")]
    private static partial Regex Fraction();
}
