using System.IO.Compression;
using Consolidator.Core.Model;
using ExcelDataReader;

namespace Consolidator.Core.Reading.Xlsx;

/// <summary>
/// Office Open XML workbooks (.xlsx, .xlsm, templates): data only. Macros are never run nor
/// kept, formulas never calculated (their cached values are read), external links never
/// followed. The package is checked against the limits (<see cref="ZipGuard"/>) and its XML
/// (<see cref="XlsxPartGuard"/>) before the workbook reader parses it.
/// </summary>
internal sealed class XlsxReader : IWorkbookReader
{
    public RawWorkbook Read(Stream stream, string fileName, ReadBudget budget)
    {
        try
        {
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
            {
                ZipGuard.CheckEntries(zip, budget.Limits);
                XlsxPartGuard.Check(zip, budget);
            }
            stream.Position = 0;
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
            return ExcelDataReaderWorkbookReader.Read(reader, "xlsx", budget);
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
