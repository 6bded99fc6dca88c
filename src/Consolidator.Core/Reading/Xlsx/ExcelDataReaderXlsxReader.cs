using System.IO.Compression;
using Consolidator.Core.Model;
using ExcelDataReader;

namespace Consolidator.Core.Reading.Xlsx;

/// <summary>
/// The .xlsx reader this product used before <see cref="XlsxReader"/>, kept as the reference that
/// reader is held to: the differential test (Reading/Differential) and scripts/reader-differential.sh
/// read every file with both and compare them cell by cell. It does in three passes over each sheet
/// what <see cref="XlsxReader"/> does in one: the package is checked against the limits
/// (<see cref="ZipGuard"/>) and its XML (<see cref="XlsxPartGuard"/>), then ExcelDataReader parses
/// each sheet twice (once for its size and merged cells, which come after the rows, once for the
/// rows); a package ExcelDataReader would not find its parts in (Strict namespaces, parts at other
/// paths) is rewritten in memory into one it does (<see cref="WorkbookPackage.Rewrite"/>). Dropdown
/// lists are read by <see cref="DropdownLists.Attach"/> in a pass of their own.
/// </summary>
internal sealed class ExcelDataReaderXlsxReader : IWorkbookReader
{
    public RawWorkbook Read(Stream stream, string fileName, ReadBudget budget)
    {
        try
        {
            Stream content = stream;
            long values;
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
            {
                ZipGuard.CheckEntries(zip, budget.Limits);
                var census = XlsxPartGuard.Check(zip, budget);
                var package = WorkbookPackage.Find(zip)
                    ?? throw new UnreadableFileException(Rejections.NotAWorkbook("Excel ブックではない ZIP 圧縮ファイル / a zip archive that is not a workbook"));
                var sheets = package.SheetParts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                // The sheets the package names; when it names none it can be read by (damaged
                // relationships), every worksheet part it holds, so that such a file is not "empty".
                values = sheets.Count > 0 ? sheets.Sum(p => census.Values.GetValueOrDefault(p)) : census.Values.Values.Sum();
                var dropColumns = sheets.Any(census.ColumnsWithoutWidth.Contains);
                if (dropColumns || !package.IsReadAsItIs()) content = package.Rewrite(budget, dropColumns);
            }
            content.Position = 0;
            RawWorkbook book;
            using (var reader = ExcelReaderFactory.CreateOpenXmlReader(content, new ExcelReaderConfiguration { LeaveOpen = true }))
                book = ExcelDataReaderWorkbookReader.Read(reader, "xlsx", budget);
            if (values > 0 && book.Sheets.All(s => s.Rows.All(r => r.All(string.IsNullOrEmpty))))
                throw new UnreadableFileException(Rejections.ValuesNotRead(values));
            return book;
        }
        catch (UnreadableFileException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableFileException(Rejections.Damaged(e), e);
        }
    }
}
