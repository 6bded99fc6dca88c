using System.IO.Compression;
using System.Text;
using Consolidator.Core.Model;
using Consolidator.Core.Reading.Xls;
using Consolidator.Core.Reading.Xlsx;

namespace Consolidator.Core.Reading;

/// <summary>The formats the bytes of a file can turn out to be.</summary>
public enum FileFormat
{
    Xlsx,
    Xls,
    Csv,
    Rejected,
}

/// <summary>
/// What the sniffer decided: a readable format, or a rejection naming what the file is. For a
/// package encrypted with Excel's built-in password, <see cref="Payload"/> is the decrypted
/// package, which the reader reads instead of the file's bytes.
/// </summary>
public sealed record SniffResult(FileFormat Format, string Description, Rejection? Rejection = null)
{
    public byte[]? Payload { get; init; }
}

/// <summary>
/// Lets a file's bytes, not its extension, choose the reader. Recognises OOXML workbooks
/// (xlsx, xlsm, templates, Transitional or Strict, found through the package's relationships),
/// .xls of every BIFF version (in a compound file, or the bare stream of Excel 2.x–4.0), OOXML
/// encrypted with Excel's built-in password (decrypted here), delimited text, and names what
/// everything else is: encrypted OOXML under a real password, .xlsb, .ods, Word and PowerPoint
/// files, other zips and compound files, PDF, images, binary junk. A zip's directory and a compound file's structure are checked on the way
/// (<see cref="ZipGuard"/>, <see cref="CompoundFile"/>), so what is handed to a reader is sound.
/// </summary>
public static class FormatSniffer
{
    private static readonly byte[] CfbSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static SniffResult Sniff(Stream stream, string fileName, ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(stream));
        limits ??= ReadLimits.Default;
        stream.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (n == 0) return Reject("empty file", Rejections.Empty());
        head = head[..n];

        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8))
            return SniffZip(stream, limits);
        if (head.StartsWith(CfbSignature))
            return SniffCfb(stream, fileName, limits);
        if (BiffRecords.Version(head) > 0)
            return SniffBareBiff(stream);
        if (head.StartsWith("%PDF"u8)) return Reject("PDF", Rejections.NotAWorkbook("PDF ファイル / a PDF file"));
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 })) return Reject("PNG", Rejections.NotAWorkbook("PNG 画像 / a PNG image"));
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Reject("JPEG", Rejections.NotAWorkbook("JPEG 画像 / a JPEG image"));
        if (head.StartsWith("GIF8"u8)) return Reject("GIF", Rejections.NotAWorkbook("GIF 画像 / a GIF image"));
        if (head.StartsWith("BM"u8) && n == 8 && head[6] == 0 && head[7] == 0) return Reject("BMP", Rejections.NotAWorkbook("BMP 画像 / a BMP image"));
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return Reject("TIFF", Rejections.NotAWorkbook("TIFF 画像（スキャナの出力など） / a TIFF image such as a scan"));
        if (head.StartsWith("<?xml"u8) || (head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) && head[3..].StartsWith("<?xml"u8)))
            return Reject("XML", Rejections.NotAWorkbook("XML ファイル（Excel 2003 XML 形式など） / an XML file such as Excel 2003 XML"));
        if (head.StartsWith("{\\rtf"u8)) return Reject("RTF", Rejections.NotAWorkbook("RTF 文書 / an RTF document"));
        if (LooksLikeText(stream))
        {
            var ext = Path.GetExtension(fileName).ToLowerInvariant();
            return new SniffResult(FileFormat.Csv, ext is ".csv" or ".txt" or ".tsv" ? "CSV" : $"CSV/text (named {Rejections.Name(ext, 16)})");
        }
        return Reject("binary", Rejections.NotAWorkbook("Excel ブックでもテキストでもないデータ / data that is neither a workbook nor text"));
    }

    private static SniffResult Reject(string what, Rejection r) => new(FileFormat.Rejected, what, r);

    private static SniffResult SniffZip(Stream stream, ReadLimits limits)
    {
        try
        {
            ZipGuard.CheckDirectory(stream, limits);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (WorkbookPackage.Find(zip) is { } package)
            {
                if (package.Binary) return Reject("xlsb", Rejections.Xlsb());
                var kind = package.Macros ? "xlsm" : "xlsx";
                return new SniffResult(FileFormat.Xlsx, package.Strict ? kind + " (Strict Open XML)" : package.Beta ? kind + " (Excel 2007 beta)" : kind);
            }
            var names = zip.Entries.Select(e => WorkbookPackage.PartName(e.FullName)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (zip.GetEntry("mimetype") is { } entry)
            {
                var mime = ReadStart(entry, 200);
                if (mime.Contains("spreadsheet", StringComparison.Ordinal)) return Reject("ods", Rejections.Ods());
                return Reject("odf", Rejections.NotAWorkbook($"OpenDocument 文書 / an OpenDocument file ({Rejections.Name(mime.Trim(), 80)})"));
            }
            if (names.Contains("word/document.xml")) return Reject("docx", Rejections.NotAWorkbook("Word 文書 / a Word document"));
            if (names.Contains("ppt/presentation.xml")) return Reject("pptx", Rejections.NotAWorkbook("PowerPoint 文書 / a PowerPoint document"));
            return Reject("zip", Rejections.NotAWorkbook("Excel ブックではない ZIP 圧縮ファイル / a zip archive that is not a workbook"));
        }
        catch (UnreadableFileException e)
        {
            return Reject("zip", e.Rejection);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException or System.Xml.XmlException)
        {
            return Reject("broken zip", e is System.Xml.XmlException ? Rejections.Damaged(e)
                : Rejections.Corrupt("ZIP 圧縮ファイルの構造が壊れています", "the zip archive's structure is damaged"));
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static string ReadStart(ZipArchiveEntry entry, int max)
    {
        using var s = entry.Open();
        var buffer = new byte[max];
        var n = s.ReadAtLeast(buffer, max, throwOnEndOfStream: false);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }

    // A compound file (CFB) is .xls, an encrypted OOXML package, or another Office document.
    private static SniffResult SniffCfb(Stream stream, string fileName, ReadLimits limits)
    {
        CompoundFile cfb;
        try
        {
            cfb = CompoundFile.Open(ReadAll(stream));
        }
        catch (InvalidDataException e)
        {
            return Reject("broken compound file", Rejections.Corrupt(e.Message));
        }
        finally
        {
            stream.Position = 0;
        }
        try
        {
            if (EncryptedPackage.IsEncryptedPackage(cfb))
                return SniffEncryptedPackage(cfb, fileName, limits);
            if (cfb.WorkbookStream() is { } book)
            {
                var records = cfb.ReadStream(book);
                if (BiffRecords.Check(records) is { } damage)
                    return Reject("broken xls", Rejections.Corrupt(damage));
                var version = BiffRecords.Version(records);
                if (version == 0) return Reject("broken xls", Rejections.Corrupt("the workbook stream does not start with a BOF record"));
                return new SniffResult(FileFormat.Xls, version == 8 ? "xls" : $"xls ({BiffRecords.VersionName(version)})");
            }
        }
        catch (InvalidDataException e)
        {
            return Reject("broken xls", Rejections.Corrupt(e.Message));
        }
        if (cfb.Has("WordDocument")) return Reject("doc", Rejections.NotAWorkbook("Word 文書 (.doc) / a Word document (.doc)"));
        if (cfb.Has("PowerPoint Document")) return Reject("ppt", Rejections.NotAWorkbook("PowerPoint 文書 (.ppt) / a PowerPoint document (.ppt)"));
        return Reject("cfb", Rejections.NotAWorkbook("Excel ブックではない Office 形式のファイル / an Office compound file that is not a workbook"));
    }

    /// <summary>
    /// An encrypted OOXML package: decrypted when Excel's built-in password opens it, and then
    /// sniffed as the package it is (.xlsx, .xlsm, or .xlsb named as such); refused as encrypted otherwise.
    /// </summary>
    private static SniffResult SniffEncryptedPackage(CompoundFile cfb, string fileName, ReadLimits limits)
    {
        var xlsbName = Path.GetExtension(fileName).Equals(".xlsb", StringComparison.OrdinalIgnoreCase);
        if (EncryptedPackage.TryDefaultPassword(cfb) is not { } plain)
            return Reject(xlsbName ? "encrypted xlsb" : "encrypted xlsx", Rejections.EncryptedXlsx(xlsbName));
        var inner = plain.Length >= 4 && plain.AsSpan().StartsWith("PK"u8)
            ? SniffZip(new MemoryStream(plain, writable: false), limits)
            : Reject("broken encrypted package", Rejections.Corrupt("暗号化されたパッケージの中身がブックではありません", "the encrypted package holds no workbook"));
        return inner.Format == FileFormat.Xlsx
            ? inner with { Description = inner.Description + " (encrypted with Excel's built-in password)", Payload = plain }
            : inner;
    }

    /// <summary>A bare BIFF stream, as Excel 2.x–4.0 saved a worksheet: no compound file around it.</summary>
    private static SniffResult SniffBareBiff(Stream stream)
    {
        var bytes = ReadAll(stream);
        stream.Position = 0;
        if (BiffRecords.Check(bytes) is { } damage) return Reject("broken xls", Rejections.Corrupt(damage));
        var version = BiffRecords.Version(bytes);
        return new SniffResult(FileFormat.Xls, $"xls ({BiffRecords.VersionName(version)})");
    }

    private static byte[] ReadAll(Stream stream)
    {
        stream.Position = 0;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static byte[] ReadUpTo(Stream stream, int max)
    {
        var length = (int)Math.Min(stream.Length, max);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Text: a UTF-16 BOM, or no NUL byte and hardly any control characters in the first 64 KB.
    /// Whether it decodes is the CSV reader's question, which it answers with its own reason.
    /// </summary>
    private static bool LooksLikeText(Stream stream)
    {
        var sample = ReadUpTo(stream, 64 * 1024);
        stream.Position = 0;
        if (sample.Length >= 2 && ((sample[0] == 0xFF && sample[1] == 0xFE) || (sample[0] == 0xFE && sample[1] == 0xFF)))
            return true;
        if (Array.IndexOf(sample, (byte)0) >= 0) return false;
        var controls = sample.Count(b => b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B));
        return controls <= Math.Max(1, sample.Length / 100);
    }
}
