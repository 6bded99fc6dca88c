using ClosedXML.Excel;
using Consolidator.Core.Writing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Consolidator.Core.Tests.Writing;

[TestClass]
public sealed class PrintTitlesTests
{
    [TestMethod]
    // sheet name, rows to repeat, expected name text
    [DataRow("監査結果", 3, "'監査結果'!$3:$3")]
    [DataRow("Sheet 1", 2, "'Sheet 1'!$2:$2")]
    [DataRow("O'Brien", 1, "'O''Brien'!$1:$1")]
    public void Anchor_RewritesClosedXmlsRowRange_AsLibreOfficeReadsIt(string sheet, int row, string expected)
    {
        using var package = new MemoryStream();
        using (var wb = new XLWorkbook())
        {
            var ws = wb.AddWorksheet(sheet);
            ws.Cell(1, 1).SetValue("x");
            ws.PageSetup.SetRowsToRepeatAtTop(row, row);
            wb.SaveAs(package);
        }

        PrintTitles.Anchor(package);

        using var doc = SpreadsheetDocument.Open(package, false);
        var name = doc.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles");
        Assert.AreEqual(expected, name.Text);
        Assert.AreEqual("0", name.LocalSheetId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
