using Consolidator.Core.Model;
using ExcelDataReader;

namespace Consolidator.Core.Reading.Xls;

/// <summary>Excel 97-2003 workbooks (BIFF8), as Japanese offices still save them.</summary>
internal sealed class XlsReader : IWorkbookReader
{
    public RawWorkbook Read(Stream stream, string fileName, ReadLimits limits)
    {
        try
        {
            using var reader = ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration
            {
                LeaveOpen = true,
                FallbackEncoding = System.Text.Encoding.GetEncoding(932),
            });
            return ExcelDataReaderWorkbookReader.Read(reader, "xls", limits, fileName);
        }
        catch (UnreadableFileException)
        {
            throw;
        }
        catch (Exception e) when (e.GetType().Name.Contains("Encrypt", StringComparison.Ordinal) || e.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableFileException(Rejections.Encrypted(), e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableFileException(Rejections.Corrupt(e.GetType().Name), e);
        }
    }
}
