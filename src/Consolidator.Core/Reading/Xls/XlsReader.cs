using Consolidator.Core.Model;
using ExcelDataReader;

namespace Consolidator.Core.Reading.Xls;

/// <summary>
/// Excel 97-2003 workbooks (BIFF8), as Japanese offices still save them. The compound file's
/// structure was checked by the sniffer (<see cref="CompoundFile"/>); an encrypted one was refused there.
/// </summary>
internal sealed class XlsReader : IWorkbookReader
{
    public RawWorkbook Read(Stream stream, string fileName, ReadBudget budget)
    {
        try
        {
            using var reader = ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration
            {
                LeaveOpen = true,
                FallbackEncoding = System.Text.Encoding.GetEncoding(932),
            });
            return ExcelDataReaderWorkbookReader.Read(reader, "xls", budget);
        }
        catch (UnreadableFileException)
        {
            throw;
        }
        catch (Exception e) when (e.GetType().Name.Contains("Encrypt", StringComparison.Ordinal) || e.GetType().Name.Contains("Password", StringComparison.Ordinal))
        {
            throw new UnreadableFileException(Rejections.EncryptedXls(), e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableFileException(Rejections.Corrupt(e.GetType().Name), e);
        }
    }
}
