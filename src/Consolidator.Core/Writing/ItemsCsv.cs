using System.Text;
using Consolidator.Core.Model;

namespace Consolidator.Core.Writing;

/// <summary>
/// The 監査結果 item list as CSV: UTF-8 with BOM so Japanese Excel opens it, CRLF, every field
/// quoted. A field that would start a formula (= + - @, tab, CR, LF, their full-width forms,
/// also after leading spaces) is prefixed with ' so no submitted text ever runs as a formula.
/// </summary>
public static class ItemsCsv
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

    /// <summary>Quotes a field and neutralises formula starts.</summary>
    public static string Quote(string? value)
    {
        var v = CellText.Clean(value);
        if (StartsFormula(v)) v = "'" + v;
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
}
