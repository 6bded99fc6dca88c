using Consolidator.Core.Model;
using Consolidator.Core.Reading.Csv;
using Consolidator.Core.Reading.Xls;
using Consolidator.Core.Reading.Xlsx;

namespace Consolidator.Core.Reading;

/// <summary>Sniffs the bytes and hands the stream to the reader of that format.</summary>
public static class WorkbookReader
{
    // BIFF files and ExcelDataReader's defaults need the legacy code pages (CP932, 1252).
    static WorkbookReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private static readonly XlsxReader Xlsx = new();
    private static readonly XlsReader Xls = new();
    private static readonly CsvWorkbookReader Csv = new();

    /// <summary>Reads a file, or throws <see cref="UnreadableFileException"/> with the reason.</summary>
    public static RawWorkbook Read(Stream stream, string fileName, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        var seekable = stream.CanSeek ? stream : Buffer(stream);
        if (seekable.Length > limits.MaxFileBytes)
            throw new UnreadableFileException(Rejections.TooLarge(
                $"{seekable.Length / 1024 / 1024} MB", $"{limits.MaxFileBytes / 1024 / 1024} MB", "Limits:MaxFileBytes"));
        var sniff = FormatSniffer.Sniff(seekable, fileName);
        IWorkbookReader reader = sniff.Format switch
        {
            FileFormat.Xlsx => Xlsx,
            FileFormat.Xls => Xls,
            FileFormat.Csv => Csv,
            _ => throw new UnreadableFileException(sniff.Rejection!),
        };
        seekable.Position = 0;
        var book = reader.Read(seekable, fileName, limits);
        return book with { Format = sniff.Format == FileFormat.Csv ? book.Format : sniff.Description };
    }

    private static MemoryStream Buffer(Stream stream)
    {
        var ms = new MemoryStream();
        stream.CopyTo(ms);
        ms.Position = 0;
        return ms;
    }
}
