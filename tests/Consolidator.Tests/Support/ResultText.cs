using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Consolidator.Tests.Support;

/// <summary>
/// The outputs of a folder as text, for comparing two results: every CSV verbatim and every
/// cell of every workbook sheet, leaving out only the generation time.
/// </summary>
internal static partial class ResultText
{
    /// <summary>
    /// The seed audit's 取込履歴 in <paramref name="output"/>: each file's 状態 and 理由, found by their
    /// headers (取込履歴 gains columns as the product grows), read with the product's own reader.
    /// </summary>
    public static Dictionary<string, (string Status, string Reason)> SeedHistory(string output)
    {
        var path = Path.Combine(output, "庶務事務システム_令和5年度_監査結果.xlsx");
        using var stream = File.OpenRead(path);
        var sheet = Core.Reading.WorkbookReader.Read(stream, "result.xlsx").Sheets.Single(s => s.Name == "取込履歴");
        var header = sheet.Row(3).ToList();
        int Column(string name) => header.IndexOf(name) + 1;
        var (file, status, reason) = (Column("ファイル"), Column("状態"), Column("理由 / Reason"));
        return Enumerable.Range(4, sheet.RowCount - 3).ToDictionary(r => sheet[r, file], r => (sheet[r, status], sheet[r, reason]));
    }

    public static string OfFolder(string outputFolder)
    {
        var sb = new StringBuilder();
        foreach (var path in Directory.GetFiles(outputFolder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.')) continue;
            sb.Append("== ").Append(name).Append('\n');
            if (name.EndsWith(".csv", StringComparison.Ordinal)) sb.Append(File.ReadAllText(path));
            else if (name.EndsWith(".xlsx", StringComparison.Ordinal)) sb.Append(OfWorkbook(path));
        }
        return sb.ToString();
    }

    public static string OfWorkbook(string path)
    {
        var sb = new StringBuilder();
        using var wb = new XLWorkbook(path);
        foreach (var ws in wb.Worksheets)
        {
            foreach (var row in ws.RowsUsed())
            {
                var generatedRow = row.Cell(1).GetString() == "作成日時";
                foreach (var cell in row.CellsUsed())
                {
                    if (generatedRow && cell.Address.ColumnNumber > 1) continue;
                    sb.Append(ws.Name).Append('!').Append(cell.Address.ToString()).Append(' ')
                      .Append(Generated().Replace(cell.GetString(), "作成 (time)")).Append('\n');
                }
            }
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"作成 \d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    private static partial Regex Generated();
}
