using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Consolidator.Core.Writing;

/// <summary>
/// Rows to repeat on every printed page, written so LibreOffice honours them too. ClosedXML
/// 0.95.4 writes the _xlnm.Print_Titles name as <c>Sheet!3:3</c>; Excel accepts that, but
/// LibreOffice ignores a row range without <c>$</c> and prints the header on the first page
/// only. This rewrites it as <c>'Sheet'!$3:$3</c> in a saved workbook of our own (the Open XML
/// SDK edits the workbook part only; submissions are never opened this way).
/// </summary>
internal static partial class PrintTitles
{
    /// <summary>Fixes the print titles of the workbook in <paramref name="package"/> (seekable, readable and writable) in place.</summary>
    public static void Anchor(Stream package)
    {
        package.Position = 0;
        using (var doc = SpreadsheetDocument.Open(package, isEditable: true))
        {
            var workbook = doc.WorkbookPart?.Workbook;
            var changed = false;
            foreach (var name in workbook?.DefinedNames?.Elements<DefinedName>() ?? [])
            {
                if (name.Name?.Value != "_xlnm.Print_Titles" || RowRange().Match(name.Text) is not { Success: true } m) continue;
                var sheet = m.Groups["sheet"].Value;
                if (!sheet.StartsWith('\'')) sheet = "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";
                name.Text = $"{sheet}!${m.Groups["first"].Value}:${m.Groups["last"].Value}";
                changed = true;
            }
            if (changed) workbook!.Save();
        }
        package.Position = 0;
    }

    [GeneratedRegex(@"^(?<sheet>.+)!\$?(?<first>\d+):\$?(?<last>\d+)$")]
    private static partial Regex RowRange();
}
