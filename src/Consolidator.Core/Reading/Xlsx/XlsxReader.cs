using Consolidator.Core.Model;
using ExcelDataReader;

namespace Consolidator.Core.Reading.Xlsx;

/// <summary>
/// Office Open XML workbooks (.xlsx, .xlsm, templates): data only; macros are never run
/// nor kept. The package is checked against the size limits before it is parsed.
/// </summary>
internal sealed class XlsxReader : IWorkbookReader
{
    public RawWorkbook Read(Stream stream, string fileName, ReadLimits limits)
    {
        ZipGuard.Check(stream, limits);
        try
        {
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
            return ExcelDataReaderWorkbookReader.Read(reader, "xlsx", limits, fileName);
        }
        catch (UnreadableFileException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableFileException(Rejections.Corrupt(e.GetType().Name), e);
        }
    }
}
