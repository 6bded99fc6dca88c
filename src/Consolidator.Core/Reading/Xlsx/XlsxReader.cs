using System.IO.Compression;
using System.Xml;
using Consolidator.Core.Model;

namespace Consolidator.Core.Reading.Xlsx;

/// <summary>
/// Office Open XML workbooks (.xlsx, .xlsm, templates; Transitional, Strict or Excel 2007's beta):
/// data only. Macros are never run nor kept, formulas never calculated (their cached values are
/// read), external links never followed. The package is checked against the limits
/// (<see cref="ZipGuard"/>); its parts are found through its relationships
/// (<see cref="WorkbookPackage"/>). The shared strings and the number formats are read once, then
/// each sheet in ONE streaming pass (<see cref="XlsxSheetPass"/>) that is at once the guard
/// (<see cref="XlsxPartGuard"/>'s checks: no DTD, references inside Excel's grid, merged ranges
/// within the limit), the values and the merged ranges; every other part gets the guard's own
/// check. What it reads is what ExcelDataReader reads from the same package
/// (<see cref="ExcelDataReaderXlsxReader"/>, the reference it is held to by the differential
/// test). A workbook it hands no value from, though the sheets it read hold values, is refused as
/// unread rather than called empty.
/// </summary>
internal sealed class XlsxReader : IWorkbookReader
{
    private static readonly ExcelDataReaderXlsxReader Reference = new();

    public RawWorkbook Read(Stream stream, string fileName, ReadBudget budget)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            ZipGuard.CheckEntries(zip, budget.Limits);
            var package = WorkbookPackage.Find(zip);
            if (package is null)
            {
                XlsxPartGuard.Check(zip, budget);
                throw new UnreadableFileException(Rejections.NotAWorkbook("Excel ブックではない ZIP 圧縮ファイル / a zip archive that is not a workbook"));
            }
            if (package.Binary)
            {
                // A binary workbook part in an .xlsx package: what the reference makes of it.
                stream.Position = 0;
                return Reference.Read(stream, fileName, budget);
            }
            return Read(zip, package, budget);
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

    private static RawWorkbook Read(ZipArchive zip, WorkbookPackage package, ReadBudget budget)
    {
        // Shared strings and styles where the relationships name them or, as ExcelDataReader finds
        // them, at their usual paths.
        var stringsPart = package.SharedStrings is { } s && package.Has(s) ? s : package.Has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : null;
        var stylesPart = package.Styles is { } t && package.Has(t) ? t : package.Has("xl/styles.xml") ? "xl/styles.xml" : null;
        var ownParts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, _, part) in package.Listed)
            if (part is not null && package.Has(part)) ownParts.Add(part);
        if (stringsPart is not null) ownParts.Add(stringsPart);
        if (stylesPart is not null) ownParts.Add(stylesPart);

        // Every other part is checked as the guard checks it (a DTD anywhere refuses the file;
        // a worksheet part no sheet names is counted, for a workbook that names none).
        var census = XlsxPartGuard.Check(zip, budget, ownParts);
        if (package.WorkbookError is { } broken) throw new UnreadableFileException(Rejections.Damaged(broken), broken);

        var nameTable = new NameTable();
        var names = new XlsxNames(nameTable);
        var settings = XlsxPartGuard.Settings.Clone();
        settings.NameTable = nameTable;
        settings.IgnoreWhitespace = false;

        var styles = stylesPart is null ? XlsxStyles.Empty : XlsxStyles.Read(package.Entry(stylesPart)!, settings, names, budget);
        var strings = stringsPart is null ? [] : XlsxSharedStrings.Read(package.Entry(stringsPart)!, settings, names, package.Beta, budget);

        var sheets = new List<RawSheet>();
        var cut = new CutCells(budget.Limits.MaxCellChars);
        var values = 0L;
        foreach (var (name, state, part) in package.Listed)
        {
            SheetCollector.CheckSheetCount(sheets.Count, budget.Limits);
            var collector = new SheetCollector(budget, cut, RawText.SheetName(name, sheets.Count + 1));
            var hidden = !string.IsNullOrEmpty(state) && !state.Equals("visible", StringComparison.OrdinalIgnoreCase);
            if (part is null || package.Entry(part) is not { } entry)
            {
                sheets.Add(collector.Finish(hidden, []));
                continue;
            }
            var pass = new XlsxSheetPass(entry, settings, names, styles, strings, package.Date1904, budget, collector);
            var merges = pass.Run();
            values += pass.Values;
            sheets.Add(collector.Finish(hidden, merges));
        }
        // The sheets the package names; when it names none it can be read by (damaged
        // relationships), every worksheet part it holds, so that such a file is not "empty".
        if (ownParts.Count == 0 || package.Listed.All(l => l.Part is null)) values += census.Values.Values.Sum();
        if (values > 0 && sheets.All(sh => sh.Rows.All(r => r.All(string.IsNullOrEmpty))))
            throw new UnreadableFileException(Rejections.ValuesNotRead(values));
        return new RawWorkbook("xlsx", sheets) { CutCells = cut.Cells };
    }
}

/// <summary>The element and attribute names the passes compare, atomised in the file's name table.</summary>
internal sealed class XlsxNames
{
    public XlsxNames(XmlNameTable table)
    {
        Transitional = table.Add("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
        Strict = table.Add("http://purl.oclc.org/ooxml/spreadsheetml/main");
        Beta = table.Add("http://schemas.microsoft.com/office/excel/2006/2");
        Worksheet = table.Add("worksheet");
        SheetData = table.Add("sheetData");
        Row = table.Add("row");
        C = table.Add("c");
        V = table.Add("v");
        Is = table.Add("is");
        T = table.Add("t");
        R = table.Add("r");
        S = table.Add("s");
        MergeCells = table.Add("mergeCells");
        MergeCell = table.Add("mergeCell");
        Ref = table.Add("ref");
        Sst = table.Add("sst");
        Si = table.Add("si");
        SstItem = table.Add("sstItem");
        StyleSheet = table.Add("styleSheet");
        CellXfs = table.Add("cellXfs");
        Xf = table.Add("xf");
        NumFmts = table.Add("numFmts");
        NumFmt = table.Add("numFmt");
    }

    public string Transitional { get; }
    public string Strict { get; }
    public string Beta { get; }
    public string Worksheet { get; }
    public string SheetData { get; }
    public string Row { get; }
    public string C { get; }
    public string V { get; }
    public string Is { get; }
    public string T { get; }
    public string R { get; }
    public string S { get; }
    public string MergeCells { get; }
    public string MergeCell { get; }
    public string Ref { get; }
    public string Sst { get; }
    public string Si { get; }
    public string SstItem { get; }
    public string StyleSheet { get; }
    public string CellXfs { get; }
    public string Xf { get; }
    public string NumFmts { get; }
    public string NumFmt { get; }

    /// <summary>Whether the node is the start of a SpreadsheetML element of that (atomised) name, in any of the main namespaces.</summary>
    public bool IsStart(XmlReader reader, string name)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || !ReferenceEquals(reader.LocalName, name)) return false;
        var ns = reader.NamespaceURI;
        return ReferenceEquals(ns, Transitional) || ReferenceEquals(ns, Strict) || ReferenceEquals(ns, Beta);
    }

    /// <summary>Refuses a part that declares a DTD, at its first node, before any entity is expanded.</summary>
    public static void RefuseDtd(XmlReader reader, string part)
    {
        while (reader.NodeType is XmlNodeType.None or XmlNodeType.XmlDeclaration or XmlNodeType.Whitespace or XmlNodeType.DocumentType)
        {
            if (reader.NodeType == XmlNodeType.DocumentType) throw new UnreadableFileException(Rejections.Dtd(part));
            if (!reader.Read()) return;
        }
    }

    /// <summary>Moves into an element's content; false (and past it) when it is empty.</summary>
    public static bool ReadFirstContent(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return false;
        }
        reader.MoveToContent();
        reader.Read();
        return true;
    }

    /// <summary>Past a node that is not wanted; false at the end of the element being read.</summary>
    public static bool SkipContent(XmlReader reader)
    {
        if (reader.NodeType == XmlNodeType.EndElement)
        {
            reader.Read();
            return false;
        }
        reader.Skip();
        return true;
    }

    /// <summary>
    /// The text of a string item (&lt;si&gt; or &lt;is&gt;): its &lt;t&gt; and its runs' &lt;t&gt;
    /// joined; phonetic runs (&lt;rPh&gt;, furigana) and everything else left out.
    /// </summary>
    public string ReadStringItem(XmlReader reader)
    {
        if (!ReadFirstContent(reader)) return "";
        string? single = null;
        System.Text.StringBuilder? joined = null;
        void Add(string text)
        {
            if (text.Length == 0) return;
            if (single is null && joined is null) { single = text; return; }
            joined ??= new System.Text.StringBuilder(single);
            joined.Append(text);
        }
        while (!reader.EOF)
        {
            if (IsStart(reader, T)) Add(reader.ReadElementContentAsString());
            else if (IsStart(reader, R))
            {
                if (!ReadFirstContent(reader)) continue;
                while (!reader.EOF)
                {
                    if (IsStart(reader, T)) Add(reader.ReadElementContentAsString());
                    else if (!SkipContent(reader)) break;
                }
            }
            else if (!SkipContent(reader)) break;
        }
        return joined?.ToString() ?? single ?? "";
    }
}

/// <summary>The shared strings part, read once: each item's text without its phonetic runs, its _xHHHH_ escapes decoded.</summary>
internal static class XlsxSharedStrings
{
    public static string[] Read(ZipArchiveEntry entry, XmlReaderSettings settings, XlsxNames names, bool beta, ReadBudget budget)
    {
        var items = new List<string>();
        using var reader = XmlReader.Create(entry.Open(), settings);
        reader.Read();
        XlsxNames.RefuseDtd(reader, entry.FullName);
        if (!names.IsStart(reader, names.Sst) || !XlsxNames.ReadFirstContent(reader)) return [];
        while (!reader.EOF)
        {
            if (names.IsStart(reader, names.Si) || beta && names.IsStart(reader, names.SstItem))
            {
                if ((items.Count & 1023) == 0) budget.CheckTime();
                items.Add(XlsxSheetPass.Unescape(names.ReadStringItem(reader)));
            }
            else if (!XlsxNames.SkipContent(reader)) break;
        }
        return items.ToArray();
    }
}

/// <summary>
/// The styles part's number formats, per cell format (xf): the format string a cell with that
/// style shows its number with, and whether it is a date or a duration. Built-in formats are
/// those of ECMA-376 (numFmtId 0–49), as ExcelDataReader lists them.
/// </summary>
internal sealed class XlsxStyles
{
    public static readonly XlsxStyles Empty = new([]);

    private static readonly Dictionary<int, string> BuiltIn = new()
    {
        [0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00",
        [5] = "\"$\"#,##0_);(\"$\"#,##0)", [6] = "\"$\"#,##0_);[Red](\"$\"#,##0)",
        [7] = "\"$\"#,##0.00_);(\"$\"#,##0.00)", [8] = "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
        [9] = "0%", [10] = "0.00%", [11] = "0.00E+00", [12] = "# ?/?", [13] = "# ??/??",
        [14] = "d/m/yyyy", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy",
        [18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss", [22] = "m/d/yy h:mm",
        [37] = "#,##0_);(#,##0)", [38] = "#,##0_);[Red](#,##0)", [39] = "#,##0.00_);(#,##0.00)", [40] = "#,##0.00_);[Red](#,##0.00)",
        [41] = "_(\"$\"* #,##0_);_(\"$\"* (#,##0);_(\"$\"* \"-\"_);_(@_)", [42] = "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)",
        [43] = "_(\"$\"* #,##0.00_);_(\"$\"* (#,##0.00);_(\"$\"* \"-\"??_);_(@_)", [44] = "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)",
        [45] = "mm:ss", [46] = "[h]:mm:ss", [47] = "mm:ss.0", [48] = "##0.0E+0", [49] = "@",
    };

    private static readonly Format General = new(null, false, false);

    private readonly Format[] _formats;

    private XlsxStyles(Format[] formats) => _formats = formats;

    /// <summary>A cell format's number format: its string (null: General) and its kind.</summary>
    public sealed record Format(string? Text, bool Date, bool Duration);

    /// <summary>The number format of the cell style with that index (the s attribute); General when there is none.</summary>
    public Format Of(string? style)
    {
        if (style is null || _formats.Length == 0) return General;
        if (!int.TryParse(style, System.Globalization.NumberStyles.Any, System.Globalization.CultureInfo.InvariantCulture, out var index)) return General;
        return index >= 0 && index < _formats.Length ? _formats[index] : General;
    }

    public static XlsxStyles Read(ZipArchiveEntry entry, XmlReaderSettings settings, XlsxNames names, ReadBudget budget)
    {
        var custom = new Dictionary<int, string?>();
        var xfs = new List<(int NumFmtId, bool Apply)>();
        using (var reader = XmlReader.Create(entry.Open(), settings))
        {
            reader.Read();
            XlsxNames.RefuseDtd(reader, entry.FullName);
            if (names.IsStart(reader, names.StyleSheet) && XlsxNames.ReadFirstContent(reader))
            {
                while (!reader.EOF)
                {
                    if (names.IsStart(reader, names.CellXfs)) ReadList(reader, names, names.Xf, () =>
                    {
                        _ = int.TryParse(reader.GetAttribute("numFmtId"), out var id);
                        xfs.Add((id, reader.GetAttribute("applyNumberFormat") != "0"));
                    });
                    else if (names.IsStart(reader, names.NumFmts)) ReadList(reader, names, names.NumFmt, () =>
                    {
                        _ = int.TryParse(reader.GetAttribute("numFmtId"), out var id);
                        custom[id] = reader.GetAttribute("formatCode");
                    });
                    else if (!XlsxNames.SkipContent(reader)) break;
                    budget.CheckTime();
                }
            }
        }
        var byId = new Dictionary<int, Format>();
        var formats = new Format[xfs.Count];
        for (var i = 0; i < xfs.Count; i++)
        {
            var (id, apply) = xfs[i];
            if (!apply) { formats[i] = General; continue; }
            if (!byId.TryGetValue(id, out var format))
            {
                var text = custom.TryGetValue(id, out var c) ? c : BuiltIn.GetValueOrDefault(id);
                var (date, duration) = DisplayText.Kind(text);
                byId[id] = format = text is null ? General : new Format(text, date, duration);
            }
            formats[i] = format;
        }
        return new XlsxStyles(formats);
    }

    private static void ReadList(XmlReader reader, XlsxNames names, string item, Action each)
    {
        if (!XlsxNames.ReadFirstContent(reader)) return;
        while (!reader.EOF)
        {
            if (names.IsStart(reader, item))
            {
                each();
                reader.Skip();
            }
            else if (!XlsxNames.SkipContent(reader)) break;
        }
    }
}
