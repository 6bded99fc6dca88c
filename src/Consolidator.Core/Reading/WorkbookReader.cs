using Consolidator.Core.Model;
using Consolidator.Core.Reading.Csv;
using Consolidator.Core.Reading.Xls;
using Consolidator.Core.Reading.Xlsx;

namespace Consolidator.Core.Reading;

/// <summary>
/// Reads one file: takes its bytes into memory (refusing a file over the size limit before
/// reading it), sniffs them and hands them to the reader of that format. This is the boundary
/// for a file's content: whatever goes wrong while parsing the bytes — a library's exception on
/// damaged data, a request for more memory than exists — becomes an
/// <see cref="UnreadableFileException"/> with the reason, so one bad file never stops the others.
/// Only a failure to read the stream itself (the disk, the share) passes through as it is.
/// </summary>
public static class WorkbookReader
{
    // BIFF files and ExcelDataReader's defaults need the legacy code pages (CP932, 1252).
    static WorkbookReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    private static readonly XlsxReader Xlsx = new();
    private static readonly XlsReader Xls = new();
    private static readonly CsvWorkbookReader Csv = new();

    /// <summary>Reads a file, or throws <see cref="UnreadableFileException"/> with the reason.</summary>
    public static RawWorkbook Read(Stream stream, string fileName, ReadLimits? limits = null, TimeProvider? time = null)
    {
        limits ??= ReadLimits.Default;
        var bytes = Buffer(stream, limits);
        var budget = new ReadBudget(limits, time);
        try
        {
            var sniff = FormatSniffer.Sniff(bytes, fileName, limits);
            IWorkbookReader reader = sniff.Format switch
            {
                FileFormat.Xlsx => Xlsx,
                FileFormat.Xls => Xls,
                FileFormat.Csv => Csv,
                _ => throw new UnreadableFileException(sniff.Rejection!),
            };
            var content = sniff.Payload is { } payload ? new MemoryStream(payload, writable: false) : bytes;
            content.Position = 0;
            var book = reader.Read(content, fileName, budget);
            return book with { Format = sniff.Format == FileFormat.Csv ? book.Format : sniff.Description };
        }
        catch (UnreadableFileException)
        {
            throw;
        }
        catch (OutOfMemoryException e)
        {
            // A damaged size field makes a parser ask for an impossible array; that request fails at
            // once and everything the read allocated is garbage, so the next file is read normally.
            throw new UnreadableFileException(Rejections.Corrupt("the file declares sizes larger than memory"), e);
        }
        catch (Exception e)
        {
            throw new UnreadableFileException(Rejections.Damaged(e), e);
        }
    }

    /// <summary>The file's bytes in memory: a file over <see cref="ReadLimits.MaxFileBytes"/> is refused unread.</summary>
    private static MemoryStream Buffer(Stream stream, ReadLimits limits)
    {
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxFileBytes)
            throw new UnreadableFileException(Rejections.FileTooLarge(stream.Length - stream.Position, limits.MaxFileBytes));
        if (stream is MemoryStream { CanSeek: true, Position: 0 } memory)
            return memory;
        var copy = new MemoryStream(stream.CanSeek ? (int)(stream.Length - stream.Position) : 0);
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            if (copy.Length + n > limits.MaxFileBytes)
                throw new UnreadableFileException(Rejections.FileTooLarge(copy.Length + n, limits.MaxFileBytes));
            copy.Write(buffer, 0, n);
        }
        copy.Position = 0;
        return copy;
    }
}
