using System.IO.Compression;
using System.Text;
using System.Xml;
using Consolidator.Core.Model;

namespace Consolidator.Core.Reading.Xlsx;

/// <summary>
/// The dropdown lists of an .xlsx (list data validations, in the sheet or in its x14 extension):
/// the range they cover and the values a person could pick. A literal list ("Pass,Fail,N/A") is
/// taken as it is; a list referring to cells (=$L$2:$L$7, ='判定'!$A$2:$A$7) takes those cells'
/// displayed text. Recognition reads a dropdown on the judgment column as the file's vocabulary.
/// Worksheets are scanned for the word dataValidation before any XML is parsed, so sheets without
/// dropdowns (nearly all) cost one pass over their bytes. The package was checked by
/// <see cref="XlsxPartGuard"/> before; no DTD, no resolver here either.
/// </summary>
internal static class DropdownLists
{
    private const int MaxLists = 1_000;
    private const int MaxValues = 256;

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("dataValidation");

    /// <summary>The workbook with each sheet's dropdowns; the workbook itself when it has none or the parts cannot be found.</summary>
    public static RawWorkbook Attach(ZipArchive zip, RawWorkbook book)
    {
        var parts = SheetParts(zip);
        if (parts.Count == 0) return book;
        var sheets = book.Sheets.ToList();
        var changed = false;
        for (var i = 0; i < sheets.Count && i < parts.Count; i++)
        {
            if (zip.GetEntry(parts[i]) is not { } entry || !Mentions(entry)) continue;
            var lists = Read(entry, book, sheets[i]);
            if (lists.Count == 0) continue;
            var s = sheets[i];
            sheets[i] = new RawSheet(s.Name, s.Hidden, s.Rows, s.Merges) { Dropdowns = lists };
            changed = true;
        }
        return changed ? book with { Sheets = sheets } : book;
    }

    /// <summary>The worksheet parts in workbook order (the order the workbook reader reads them in).</summary>
    private static List<string> SheetParts(ZipArchive zip)
    {
        var ids = new List<string>();
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels) return [];
        using (var xml = XmlReader.Create(workbook.Open(), Settings))
            while (xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.GetAttribute("id", RelNs) is { } id)
                    ids.Add(id);
        using (var xml = XmlReader.Create(rels.Open(), Settings))
            while (xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                    targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target.Replace('\\', '/');
        return ids.Select(id => targets.GetValueOrDefault(id) ?? "").ToList();
    }

    /// <summary>Whether the part's bytes contain the word dataValidation at all.</summary>
    private static bool Mentions(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[81920 + Marker.Length];
        var kept = 0;
        int n;
        while ((n = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var span = buffer.AsSpan(0, kept + n);
            if (span.IndexOf(Marker) >= 0) return true;
            kept = Math.Min(Marker.Length - 1, span.Length);
            span[^kept..].CopyTo(buffer);
        }
        return false;
    }

    private static List<DropdownList> Read(ZipArchiveEntry entry, RawWorkbook book, RawSheet sheet)
    {
        var lists = new List<DropdownList>();
        using var xml = XmlReader.Create(entry.Open(), Settings);
        while (xml.Read() && lists.Count < MaxLists)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "dataValidation") continue;
            if (xml.GetAttribute("type") != "list") continue;
            var sqref = xml.GetAttribute("sqref");
            string? formula = null;
            if (!xml.IsEmptyElement)
            {
                using var inner = xml.ReadSubtree();
                while (inner.Read())
                {
                    if (inner.NodeType != XmlNodeType.Element) continue;
                    if (inner.LocalName == "formula1") formula = inner.ReadElementContentAsString();
                    else if (inner.LocalName == "f" && formula is null) formula = inner.ReadElementContentAsString();
                    else if (inner.LocalName == "sqref") sqref = inner.ReadElementContentAsString();
                }
            }
            if (sqref is null || formula is null) continue;
            var values = Values(formula.Trim(), book, sheet);
            if (values.Count == 0) continue;
            foreach (var range in sqref.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (Range(range) is { } r) lists.Add(new DropdownList(r, values));
        }
        return lists;
    }

    private static List<string> Values(string formula, RawWorkbook book, RawSheet sheet)
    {
        if (formula.StartsWith('='))
            formula = formula[1..];
        if (formula.Length >= 2 && formula[0] == '"' && formula[^1] == '"')
            return formula[1..^1].Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).Take(MaxValues).ToList();
        // A range of cells, on this sheet or another: '判定'!$A$2:$A$7, 凡例!A2:A7, $L$2:$L$7.
        var bang = formula.LastIndexOf('!');
        var target = sheet;
        if (bang > 0)
        {
            var name = formula[..bang].Trim('\'').Replace("''", "'");
            if (book.Sheets.FirstOrDefault(s => s.Name == name) is not { } named) return [];
            target = named;
            formula = formula[(bang + 1)..];
        }
        if (Range(formula.Replace("$", "")) is not { } r) return [];
        var values = new List<string>();
        for (var row = r.FirstRow; row <= r.LastRow && values.Count < MaxValues; row++)
            for (var c = r.FirstColumn; c <= r.LastColumn && values.Count < MaxValues; c++)
                if (target[row, c].Trim() is { Length: > 0 } v) values.Add(v);
        return values;
    }

    /// <summary>A1 or A1:B2 as a 1-based range; null for anything else.</summary>
    internal static MergedRange? Range(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is 0 or > 2) return null;
        if (Cell(parts[0]) is not { } a) return null;
        if ((parts.Length == 2 ? Cell(parts[1]) : a) is not { } b) return null;
        return new MergedRange(Math.Min(a.Row, b.Row), Math.Min(a.Column, b.Column), Math.Max(a.Row, b.Row), Math.Max(a.Column, b.Column));
    }

    private static (int Row, int Column)? Cell(string text)
    {
        int i = 0, column = 0, row = 0;
        while (i < text.Length && char.IsAsciiLetterUpper(text[i]) && i < 3) column = column * 26 + (text[i++] - 'A' + 1);
        if (column == 0 || i == text.Length) return null;
        for (; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || row > 104_857) return null;
            row = row * 10 + (text[i] - '0');
        }
        return row is >= 1 and <= XlsxPartGuard.MaxRow && column <= XlsxPartGuard.MaxColumn ? (row, column) : null;
    }
}
