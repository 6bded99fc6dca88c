using System.Globalization;
using Consolidator.Core.Model;
using CsvHelper;
using CsvHelper.Configuration;

namespace Consolidator.Core.Reading.Csv;

/// <summary>
/// CSV in UTF-8 (with or without BOM), UTF-16 or Shift_JIS/CP932, comma, tab or semicolon
/// separated. One sheet named after the file, as Excel names it when it opens a CSV; record
/// n is row n (a quoted line break does not start a new row). Rows, columns and cells are held to
/// the same limits as a workbook's; an unclosed quote runs to the end of the file, which the file
/// size bounds.
/// </summary>
internal sealed class CsvWorkbookReader : IWorkbookReader
{
    public RawWorkbook Read(Stream stream, string fileName, ReadBudget budget)
    {
        var limits = budget.Limits;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var (encoding, bom, name) = TextDecoding.Detect(bytes);
        if (encoding is null)
            throw new UnreadableFileException(Rejections.UnknownEncoding());
        var text = encoding.GetString(bytes, bom, bytes.Length - bom);
        var sheetName = RawText.SheetName(Path.GetFileNameWithoutExtension(fileName), 1);

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", "\t", ";"],
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = false,
            TrimOptions = TrimOptions.None,
        };
        var rows = new List<string[]>();
        var cut = new CutCells(limits.MaxCellChars);
        var row = 0;
        using (var parser = new CsvParser(new StringReader(text), config))
        {
            while (parser.Read())
            {
                row++;
                if ((row & 255) == 0) budget.CheckTime();
                var record = parser.Record ?? [];
                budget.Scanned(Math.Max(1, record.Length), sheetName, row, record.Length);
                var count = record.Length;
                while (count > 0 && string.IsNullOrEmpty(record[count - 1])) count--;
                if (count == 0) continue;
                if (count > limits.MaxColumns)
                    throw new UnreadableFileException(Rejections.TooLarge(
                        $"{Rejections.Count(row)} 行目の {Rejections.Count(count)} 列目に値があります（{Rejections.Count(limits.MaxColumns)} 列まで）",
                        $"row {Rejections.Count(row)} has a value in column {Rejections.Count(count)}, right of column {Rejections.Count(limits.MaxColumns)}",
                        limits.MaxColumns, "列", "columns", nameof(ReadLimits.MaxColumns)));
                if (row > limits.MaxRows)
                    throw new UnreadableFileException(Rejections.TooLarge(
                        $"{Rejections.Count(row)} 行目に値があります（{Rejections.Count(limits.MaxRows)} 行まで）",
                        $"row {Rejections.Count(row)} holds a value, below row {Rejections.Count(limits.MaxRows)}",
                        limits.MaxRows, "行", "rows", nameof(ReadLimits.MaxRows)));
                var cells = new string[count];
                for (var i = 0; i < count; i++)
                    cells[i] = cut.Apply(record[i] ?? "", sheetName, row, i + 1);
                budget.Cells(count);
                while (rows.Count < row - 1) rows.Add([]);
                rows.Add(cells);
            }
        }
        return new RawWorkbook("csv " + name, [new RawSheet(sheetName, false, rows)]) { CutCells = cut.Cells };
    }
}
