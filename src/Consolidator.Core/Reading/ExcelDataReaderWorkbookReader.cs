using System.Text;
using Consolidator.Core.Model;
using ExcelDataReader;

namespace Consolidator.Core.Reading;

/// <summary>
/// Shared by the .xlsx and .xls readers: streams every sheet through ExcelDataReader, which
/// reads cached formula values and leaves furigana (&lt;rPh&gt;) out of shared strings, and
/// turns each value into its displayed text.
/// </summary>
internal static class ExcelDataReaderWorkbookReader
{
    static ExcelDataReaderWorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RawWorkbook Read(IExcelDataReader reader, string format, ReadLimits limits, string fileName)
    {
        var sheets = new List<RawSheet>();
        do
        {
            if (sheets.Count >= limits.MaxSheets)
                throw new UnreadableFileException(Rejections.TooLarge($"{sheets.Count}+ sheets", limits.MaxSheets.ToString(System.Globalization.CultureInfo.InvariantCulture), "Limits:MaxSheets"));
            sheets.Add(ReadSheet(reader, limits, fileName));
        }
        while (reader.NextResult());
        return new RawWorkbook(format, sheets);
    }

    private static RawSheet ReadSheet(IExcelDataReader reader, ReadLimits limits, string fileName)
    {
        var rows = new List<string[]>();
        var lastNonEmpty = 0;
        while (reader.Read())
        {
            if (rows.Count >= limits.MaxRows)
                throw new UnreadableFileException(Rejections.TooLarge(
                    $"シート「{reader.Name}」の行数が上限を超過 / sheet '{reader.Name}' has more than {limits.MaxRows} rows",
                    limits.MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture), "Limits:MaxRows"));
            var count = Math.Min(reader.FieldCount, limits.MaxColumns);
            string[]? cells = null;
            var used = 0;
            for (var i = 0; i < count; i++)
            {
                var value = reader.GetValue(i);
                if (value is null) continue;
                var text = value is string s ? s : DisplayText.Of(value, reader.GetNumberFormatString(i));
                if (text.Length == 0) continue;
                if (text.Length > limits.MaxCellChars) text = text[..limits.MaxCellChars];
                cells ??= new string[count];
                cells[i] = text;
                used = i + 1;
            }
            if (cells is null)
            {
                rows.Add([]);
                continue;
            }
            if (used < cells.Length) Array.Resize(ref cells, used);
            for (var i = 0; i < cells.Length; i++) cells[i] ??= "";
            rows.Add(cells);
            lastNonEmpty = rows.Count;
        }
        if (rows.Count > lastNonEmpty) rows.RemoveRange(lastNonEmpty, rows.Count - lastNonEmpty);

        var merges = new List<MergedRange>();
        foreach (var m in reader.MergeCells ?? [])
        {
            var range = new MergedRange(m.FromRow + 1, m.FromColumn + 1, m.ToRow + 1, m.ToColumn + 1);
            if (range.LastRow - range.FirstRow > limits.MaxRows || range.LastColumn - range.FirstColumn > limits.MaxColumns) continue;
            merges.Add(range);
        }
        FillMerges(rows, merges, limits);
        var hidden = !string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(reader.VisibleState);
        return new RawSheet(reader.Name ?? "Sheet", hidden, rows, merges);
    }

    /// <summary>Every cell of a merge gets the top-left cell's text (a merged category covers its rows).</summary>
    internal static void FillMerges(List<string[]> rows, List<MergedRange> merges, ReadLimits limits)
    {
        foreach (var m in merges)
        {
            if (m.FirstRow > rows.Count) continue;
            var top = rows[m.FirstRow - 1];
            var value = m.FirstColumn <= top.Length ? top[m.FirstColumn - 1] : "";
            if (string.IsNullOrEmpty(value)) continue;
            var lastRow = Math.Min(m.LastRow, rows.Count);
            var lastColumn = Math.Min(m.LastColumn, limits.MaxColumns);
            for (var r = m.FirstRow; r <= lastRow; r++)
            {
                var cells = rows[r - 1];
                if (cells.Length < lastColumn)
                {
                    var old = cells.Length;
                    Array.Resize(ref cells, lastColumn);
                    for (var i = old; i < cells.Length; i++) cells[i] = "";
                    rows[r - 1] = cells;
                }
                for (var c = m.FirstColumn; c <= lastColumn; c++)
                    if (cells[c - 1].Length == 0) cells[c - 1] = value;
            }
        }
    }
}
