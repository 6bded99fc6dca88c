using System.IO.Compression;
using System.Text;
using Consolidator.Core.Model;

namespace Consolidator.Core.Reading;

/// <summary>The formats the bytes of a file can turn out to be.</summary>
public enum FileFormat
{
    Xlsx,
    Xls,
    Csv,
    Rejected,
}

/// <summary>What the sniffer decided: a readable format, or a rejection naming what the file is.</summary>
public sealed record SniffResult(FileFormat Format, string Description, Rejection? Rejection = null);

/// <summary>
/// Lets a file's bytes, not its extension, choose the reader. Recognises OOXML workbooks
/// (xlsx, xlsm, templates), BIFF8 .xls, delimited text, and names what everything else is:
/// encrypted OOXML (a CFB container holding EncryptedPackage), .xlsb, .ods, other zips and
/// CFB documents, PDF, images, binary junk.
/// </summary>
public static class FormatSniffer
{
    public static SniffResult Sniff(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(stream));
        stream.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (n == 0) return Reject("empty file", Rejections.Empty());
        head = head[..n];

        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8))
            return SniffZip(stream);
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            return SniffCfb(stream);
        if (head.StartsWith("%PDF"u8)) return Reject("PDF", Rejections.NotAWorkbook("PDF ファイル / a PDF file"));
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 })) return Reject("PNG", Rejections.NotAWorkbook("PNG 画像 / a PNG image"));
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Reject("JPEG", Rejections.NotAWorkbook("JPEG 画像 / a JPEG image"));
        if (head.StartsWith("GIF8"u8)) return Reject("GIF", Rejections.NotAWorkbook("GIF 画像 / a GIF image"));
        if (head.StartsWith("<?xml"u8) || head.StartsWith("\xEF\xBB\xBF<?xml"u8))
            return Reject("XML", Rejections.NotAWorkbook("XML ファイル（Excel 2003 XML 形式など） / an XML file such as Excel 2003 XML"));
        if (head.StartsWith("{\\rtf"u8)) return Reject("RTF", Rejections.NotAWorkbook("RTF 文書 / an RTF document"));
        if (LooksLikeText(stream))
        {
            var ext = Path.GetExtension(fileName).ToLowerInvariant();
            return new SniffResult(FileFormat.Csv, ext is ".csv" or ".txt" or ".tsv" ? "CSV" : $"CSV/text (named {ext})");
        }
        return Reject("binary", Rejections.NotAWorkbook("Excel ブックでもテキストでもないデータ / data that is neither a workbook nor text"));
    }

    private static SniffResult Reject(string what, Rejection r) => new(FileFormat.Rejected, what, r);

    private static SniffResult SniffZip(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("xl/workbook.bin")) return Reject("xlsb", Rejections.Xlsb());
            if (names.Contains("xl/workbook.xml"))
                return new SniffResult(FileFormat.Xlsx, names.Contains("xl/vbaProject.bin") ? "xlsm" : "xlsx");
            if (names.Contains("mimetype"))
            {
                var entry = zip.GetEntry("mimetype");
                using var r = new StreamReader(entry!.Open(), Encoding.ASCII);
                var mime = r.ReadToEnd();
                if (mime.Contains("spreadsheet", StringComparison.Ordinal)) return Reject("ods", Rejections.Ods());
                return Reject("odf", Rejections.NotAWorkbook($"OpenDocument 文書 / an OpenDocument file ({mime.Trim()})"));
            }
            if (names.Contains("word/document.xml")) return Reject("docx", Rejections.NotAWorkbook("Word 文書 / a Word document"));
            if (names.Contains("ppt/presentation.xml")) return Reject("pptx", Rejections.NotAWorkbook("PowerPoint 文書 / a PowerPoint document"));
            return Reject("zip", Rejections.NotAWorkbook("Excel ブックではない ZIP 圧縮ファイル / a zip archive that is not a workbook"));
        }
        catch (InvalidDataException e)
        {
            return Reject("broken zip", Rejections.Corrupt("zip: " + e.Message));
        }
        finally
        {
            stream.Position = 0;
        }
    }

    // A compound file (CFB) is .xls, an encrypted OOXML package, or another Office document.
    // Directory entry names are UTF-16LE inside the file; looking for them is enough to tell.
    private static SniffResult SniffCfb(Stream stream)
    {
        var bytes = ReadUpTo(stream, 8 * 1024 * 1024);
        stream.Position = 0;
        if (Contains(bytes, "EncryptedPackage") || Contains(bytes, "EncryptionInfo")) return Reject("encrypted", Rejections.Encrypted());
        if (Contains(bytes, "Workbook") || Contains(bytes, "Book")) return new SniffResult(FileFormat.Xls, "xls");
        if (Contains(bytes, "WordDocument")) return Reject("doc", Rejections.NotAWorkbook("Word 文書 (.doc) / a Word document (.doc)"));
        if (Contains(bytes, "PowerPoint Document")) return Reject("ppt", Rejections.NotAWorkbook("PowerPoint 文書 (.ppt) / a PowerPoint document (.ppt)"));
        return Reject("cfb", Rejections.NotAWorkbook("Excel ブックではない Office 形式のファイル / an Office compound file that is not a workbook"));
    }

    private static byte[] ReadUpTo(Stream stream, int max)
    {
        var length = (int)Math.Min(stream.Length, max);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static bool Contains(byte[] haystack, string name) =>
        haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;

    /// <summary>Text: no NUL bytes in the first 64 KB, and it decodes as UTF-8/UTF-16 or Shift_JIS.</summary>
    private static bool LooksLikeText(Stream stream)
    {
        var sample = ReadUpTo(stream, 64 * 1024);
        stream.Position = 0;
        if (sample.Length >= 2 && ((sample[0] == 0xFF && sample[1] == 0xFE) || (sample[0] == 0xFE && sample[1] == 0xFF)))
            return true;
        if (Array.IndexOf(sample, (byte)0) >= 0) return false;
        var controls = sample.Count(b => b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B));
        return controls <= sample.Length / 100 && TextDecoding.Detect(sample).Encoding is not null;
    }
}
