using System.Text;
using Consolidator.Core.Model;
using ExcelDataReader;

namespace Consolidator.Core.Reading;

/// <summary>
/// The .xls reader's sheets (and those of <see cref="Xlsx.ExcelDataReaderXlsxReader"/>, the .xlsx
/// reference): streams every sheet through ExcelDataReader, which reads cached formula values
/// (formulas are never calculated, links never followed) and leaves furigana (&lt;rPh&gt;) out of
/// shared strings, and turns each value into its displayed text. Every sheet and every row of its
/// used range is charged to the file's <see cref="ReadBudget"/>; the rows go through a
/// <see cref="SheetCollector"/>.
/// </summary>
internal static class ExcelDataReaderWorkbookReader
{
    static ExcelDataReaderWorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RawWorkbook Read(IExcelDataReader reader, string format, ReadBudget budget)
    {
        var sheets = new List<RawSheet>();
        var cut = new CutCells(budget.Limits.MaxCellChars);
        // A workbook part that names no sheet the reader found has no sheet: none is invented.
        if (reader.ResultsCount <= 0) return new RawWorkbook(format, sheets) { CutCells = cut.Cells };
        do
        {
            SheetCollector.CheckSheetCount(sheets.Count, budget.Limits);
            sheets.Add(ReadSheet(reader, budget, cut, sheets.Count + 1));
        }
        while (reader.NextResult());
        return new RawWorkbook(format, sheets) { CutCells = cut.Cells };
    }

    private static RawSheet ReadSheet(IExcelDataReader reader, ReadBudget budget, CutCells cut, int index)
    {
        var sheet = new SheetCollector(budget, cut, RawText.SheetName(reader.Name, index));
        string?[] texts = [];
        var row = 0;
        while (reader.Read())
        {
            row++;
            if ((row & 255) == 0) budget.CheckTime();
            var fieldCount = Math.Max(0, reader.FieldCount);
            budget.Scanned(Math.Max(1, fieldCount), sheet.Name, row, fieldCount);
            if (texts.Length != fieldCount) texts = new string?[fieldCount];
            for (var i = 0; i < fieldCount; i++)
            {
                var value = reader.GetValue(i);
                texts[i] = value is null ? null : value as string ?? DisplayText.Of(value, reader.GetNumberFormatString(i));
            }
            sheet.Row(row, texts);
        }
        var merges = (reader.MergeCells ?? []).Select(m => (m.FromRow, m.FromColumn, m.ToRow, m.ToColumn));
        var hidden = !string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(reader.VisibleState);
        return sheet.Finish(hidden, merges);
    }
}

/// <summary>
/// Turns each cell's raw text into the text handed on (<see cref="RawText.Clean"/>, then cut at
/// <see cref="ReadLimits.MaxCellChars"/>) and remembers the cells that were cut, each listed later in
/// 要確認. A changed string is remembered by reference, so a long shared string that many cells
/// point to is cleaned and cut once, not once per cell.
/// </summary>
internal sealed class CutCells(int max)
{
    /// <summary>Cells listed individually; beyond these the text is still cut, without a note each.</summary>
    public const int MaxListed = 1_000;

    private readonly Dictionary<string, string> _changed = new(ReferenceEqualityComparer.Instance);

    public List<CutCell> Cells { get; } = [];

    public string Apply(string text, string sheet, int row, int column)
    {
        if (text.Length > max && Cells.Count < MaxListed) Cells.Add(new CutCell(sheet, row, column, text.Length));
        if (_changed.TryGetValue(text, out var done)) return done;
        var result = RawText.Clean(text);
        if (result.Length > max) result = RawText.Cut(result, max);
        if (!ReferenceEquals(result, text) && text.Length >= 64) _changed[text] = result;
        return result;
    }
}
