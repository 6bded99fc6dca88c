using System.Globalization;
using Consolidator.Core.Model;
using CsvHelper;
using CsvHelper.Configuration;

namespace Consolidator.Core.Reading.Csv;

/// <summary>
/// CSV in UTF-8 (with or without BOM), UTF-16 or Shift_JIS/CP932, comma, tab or semicolon
/// separated. One sheet named after the file, as Excel names it when it opens a CSV; record
/// n is row n (a quoted line break does not start a new row).
/// </summary>
internal sealed class CsvWorkbookReader : IWorkbookReader
{
    public RawWorkbook Read(Stream stream, string fileName, ReadLimits limits)
    {
        if (stream.Length > limits.MaxFileBytes)
            throw new UnreadableFileException(Rejections.TooLarge($"{stream.Length} bytes", $"{limits.MaxFileBytes} bytes", "Limits:MaxFileBytes"));
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var (encoding, bom, name) = TextDecoding.Detect(bytes);
        if (encoding is null)
            throw new UnreadableFileException(Rejections.NotAWorkbook("文字コードを判別できないテキスト / text in an encoding that is neither UTF-8 nor Shift_JIS"));
        var text = encoding.GetString(bytes, bom, bytes.Length - bom);

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
        using (var parser = new CsvParser(new StringReader(text), config))
        {
            while (parser.Read())
            {
                if (rows.Count >= limits.MaxRows)
                    throw new UnreadableFileException(Rejections.TooLarge($"{limits.MaxRows}+ rows", limits.MaxRows.ToString(CultureInfo.InvariantCulture), "Limits:MaxRows"));
                var record = parser.Record ?? [];
                var count = Math.Min(record.Length, limits.MaxColumns);
                while (count > 0 && string.IsNullOrEmpty(record[count - 1])) count--;
                var cells = new string[count];
                for (var i = 0; i < count; i++)
                {
                    var v = record[i] ?? "";
                    cells[i] = v.Length > limits.MaxCellChars ? v[..limits.MaxCellChars] : v;
                }
                rows.Add(cells);
            }
        }
        while (rows.Count > 0 && rows[^1].Length == 0) rows.RemoveAt(rows.Count - 1);
        var sheetName = Path.GetFileNameWithoutExtension(fileName);
        return new RawWorkbook("csv " + name, [new RawSheet(sheetName, false, rows)]);
    }
}
