using Consolidator.Core.Model;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Consolidator.Core.Reading.Xls;

/// <summary>
/// Excel 97-2003 workbooks (BIFF8), as Japanese offices still save them, and the older BIFF
/// versions ExcelDataReader reads. The workbook stream is taken from the compound file here, not
/// by ExcelDataReader (<see cref="CompoundFile.WorkbookStream"/>: the root's own "Workbook" or
/// "Book", in any case, not a stream of an embedded object), its record shapes that
/// ExcelDataReader 3.6 fails on are rewritten (<see cref="BiffRecords.Repair"/>), and the bare
/// stream is handed over. A file encrypted with Excel's built-in password (VelvetSweatshop, what
/// Excel uses for a workbook only protected against changes) is decrypted by ExcelDataReader;
/// one with a real password is refused.
/// </summary>
internal sealed class XlsReader : IWorkbookReader
{
    public RawWorkbook Read(Stream stream, string fileName, ReadBudget budget)
    {
        var biff = Stream(stream);
        var version = BiffRecords.Version(biff);
        var encrypted = BiffRecords.HasFilePass(biff);
        var format = version == 8 ? "xls" : $"xls ({BiffRecords.VersionName(version)})";
        try
        {
            var repaired = BiffRecords.Repair(biff) ?? biff;
            using var reader = ExcelReaderFactory.CreateBinaryReader(new MemoryStream(repaired, writable: false), new ExcelReaderConfiguration
            {
                FallbackEncoding = System.Text.Encoding.GetEncoding(932),
            });
            return ExcelDataReaderWorkbookReader.Read(reader, format, budget);
        }
        catch (UnreadableFileException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidPasswordException || (encrypted && e is not OutOfMemoryException))
        {
            throw new UnreadableFileException(Rejections.EncryptedXls(version), e);
        }
        catch (Exception e) when (e is not OutOfMemoryException && version < 8)
        {
            throw new UnreadableFileException(Rejections.OldExcel(BiffRecords.VersionName(version)), e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableFileException(Rejections.Damaged(e), e);
        }
    }

    /// <summary>The workbook stream: the whole file for a bare BIFF stream (Excel 2.x–4.0), else from the compound file.</summary>
    private static byte[] Stream(Stream stream)
    {
        var bytes = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(bytes);
        if (BiffRecords.Version(bytes) > 0) return bytes;
        var cfb = CompoundFile.Open(bytes);
        var entry = cfb.WorkbookStream() ?? throw new UnreadableFileException(Rejections.Corrupt("the compound file holds no workbook stream"));
        return cfb.ReadStream(entry);
    }
}
