using System.Text;
using Consolidator.Core.Model;

namespace Consolidator.Core.Writing;

/// <summary>
/// The 監査結果 item list as CSV: UTF-8 with BOM so Japanese Excel opens it, CRLF, every field
/// quoted. A field that would start a formula (= + - @, tab, CR) is prefixed with ' so no
/// submitted text ever runs as a formula.
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
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n')
            v = "'" + v;
        return "\"" + v.Replace("\"", "\"\"") + "\"";
    }
}
