using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Consolidator.Fixtures;

/// <summary>How the strings of a built workbook are stored.</summary>
public enum XlsxFlavour
{
    /// <summary>
    /// As Japanese Excel saves a workbook: every string in the shared-strings table with
    /// phonetic properties, furigana (&lt;rPh&gt;) on names and IME-typed text, styled empty
    /// cells. A reader that appends the runs' text gets 高橋 美咲タカハシミサキ.
    /// </summary>
    JapaneseExcel,

    /// <summary>Inline strings (t="inlineStr"), as some generators write them.</summary>
    InlineStrings,
}

/// <summary>
/// Writes .xlsx files from parts, byte for byte reproducible (fixed zip times), so tests and
/// the sample generator can shape a workbook exactly as a given writer would — shared strings
/// with furigana, numbers with formats (5.1 shown as 5.10), formulas with cached values,
/// merges, hidden sheets — which a high-level library would not let us do.
/// </summary>
public sealed class XlsxBuilder
{
    private static readonly DateTime FixedTime = new(2023, 10, 24, 9, 0, 0, DateTimeKind.Unspecified);
    private readonly List<SheetBuilder> _sheets = [];
    private readonly List<(string Text, string? Reading)> _strings = [];
    private readonly Dictionary<(string, string?), int> _stringIndex = [];
    private readonly List<string> _formats = [];

    public XlsxBuilder(XlsxFlavour flavour = XlsxFlavour.JapaneseExcel) => Flavour = flavour;

    public XlsxFlavour Flavour { get; }

    /// <summary>Application name written to docProps/app.xml.</summary>
    public string Application { get; set; } = "Microsoft Excel";

    public SheetBuilder AddSheet(string name, bool hidden = false)
    {
        var sheet = new SheetBuilder(this, name, hidden);
        _sheets.Add(sheet);
        return sheet;
    }

    internal int SharedString(string text, string? reading)
    {
        if (_stringIndex.TryGetValue((text, reading), out var i)) return i;
        _strings.Add((text, reading));
        return _stringIndex[(text, reading)] = _strings.Count - 1;
    }

    /// <summary>Style index for a number format: built-in ids for General/0/0.00/@, custom ids from 176.</summary>
    internal int StyleFor(string? format)
    {
        switch (format)
        {
            case null or "General": return 0;
            case "0": return 3;
            case "0.00": return 4;
            case "@": return 5;
        }
        var i = _formats.IndexOf(format);
        if (i < 0)
        {
            _formats.Add(format);
            i = _formats.Count - 1;
        }
        return 6 + i;
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var sheetXml = _sheets.Select(s => s.Xml()).ToList(); // first, so shared strings are known
            Add(zip, "[Content_Types].xml", ContentTypes());
            Add(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Add(zip, "docProps/app.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>{Esc(Application)}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>
                """);
            Add(zip, "docProps/core.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>kansa</dc:creator><cp:lastModifiedBy>kansa</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2023-10-24T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2023-10-24T00:00:00Z</dcterms:modified></cp:coreProperties>
                """);
            Add(zip, "xl/workbook.xml", Workbook());
            Add(zip, "xl/_rels/workbook.xml.rels", WorkbookRels());
            Add(zip, "xl/styles.xml", Styles());
            if (Flavour == XlsxFlavour.JapaneseExcel) Add(zip, "xl/sharedStrings.xml", SharedStrings());
            for (var i = 0; i < sheetXml.Count; i++) Add(zip, $"xl/worksheets/sheet{i + 1}.xml", sheetXml[i]);
        }
        return ms.ToArray();
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, ToBytes());
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var s = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(content.Trim());
        s.Write(bytes);
    }

    internal static string Esc(string s) => SecurityElement.Escape(s) ?? "";

    private string ContentTypes()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
        for (var i = 0; i < _sheets.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        sb.Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        if (Flavour == XlsxFlavour.JapaneseExcel)
            sb.Append("""<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""");
        sb.Append("""<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>""");
        return sb.ToString();
    }

    private string Workbook()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>""");
        for (var i = 0; i < _sheets.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"""<sheet name="{Esc(_sheets[i].Name)}" sheetId="{i + 1}"{(_sheets[i].Hidden ? " state=\"hidden\"" : "")} r:id="rId{i + 1}"/>""");
        sb.Append("""</sheets><calcPr calcId="162913"/></workbook>""");
        return sb.ToString();
    }

    private string WorkbookRels()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 0; i < _sheets.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>""");
        var n = _sheets.Count;
        sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        if (Flavour == XlsxFlavour.JapaneseExcel)
            sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""");
        sb.Append("</Relationships>");
        return sb.ToString();
    }

    // cellXfs: 0 General, 1 bordered + wrap, 2 bold header fill, 3 "0", 4 "0.00", 5 "@", 6.. custom formats.
    private string Styles()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        if (_formats.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<numFmts count="{_formats.Count}">""");
            for (var i = 0; i < _formats.Count; i++)
                sb.Append(CultureInfo.InvariantCulture, $"""<numFmt numFmtId="{176 + i}" formatCode="{Esc(_formats[i])}"/>""");
            sb.Append("</numFmts>");
        }
        sb.Append("""<fonts count="3"><font><sz val="11"/><color theme="1"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font><font><sz val="6"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font></fonts>""");
        sb.Append("""<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>""");
        sb.Append("""<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>""");
        sb.Append("""<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<cellXfs count="{6 + _formats.Count}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>""");
        for (var i = 0; i < _formats.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"""<xf numFmtId="{176 + i}" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>""");
        sb.Append("""</cellXfs><cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>""");
        return sb.ToString();
    }

    private string SharedStrings()
    {
        var total = _sheets.Sum(s => s.SharedStringCount);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{total}" uniqueCount="{_strings.Count}">""");
        foreach (var (text, reading) in _strings)
        {
            sb.Append("<si>").Append(T(text));
            if (reading is not null)
                sb.Append(CultureInfo.InvariantCulture, $"""<rPh sb="0" eb="{text.Length}"><t>{Esc(reading)}</t></rPh>""");
            sb.Append("""<phoneticPr fontId="1"/></si>""");
        }
        sb.Append("</sst>");
        return sb.ToString();
    }

    internal static string T(string text) =>
        text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n'))
            ? $"""<t xml:space="preserve">{Esc(text)}</t>"""
            : $"<t>{Esc(text)}</t>";
}

/// <summary>One sheet of an <see cref="XlsxBuilder"/>. Rows and columns are 1-based.</summary>
public sealed class SheetBuilder
{
    private readonly XlsxBuilder _book;
    private readonly SortedDictionary<(int Row, int Col), string> _cells = [];
    private readonly List<string> _merges = [];
    private readonly List<(string Range, string[] Values)> _dropdowns = [];
    private readonly SortedDictionary<int, double> _widths = [];

    internal SheetBuilder(XlsxBuilder book, string name, bool hidden)
    {
        _book = book;
        Name = name;
        Hidden = hidden;
    }

    public string Name { get; }
    public bool Hidden { get; }
    internal int SharedStringCount { get; private set; }

    /// <summary>A text cell; <paramref name="reading"/> adds a furigana run (Japanese Excel flavour only).</summary>
    public SheetBuilder Text(int row, int col, string text, string? reading = null, int style = 1)
    {
        var r = Ref(row, col);
        if (_book.Flavour == XlsxFlavour.JapaneseExcel)
        {
            var i = _book.SharedString(text, reading);
            SharedStringCount++;
            _cells[(row, col)] = $"""<c r="{r}" s="{style}" t="s"><v>{i}</v></c>""";
        }
        else
        {
            _cells[(row, col)] = $"""<c r="{r}" s="{style}" t="inlineStr"><is>{XlsxBuilder.T(text)}</is></c>""";
        }
        return this;
    }

    /// <summary>A header cell (bold, filled).</summary>
    public SheetBuilder Header(int row, int col, string text) => Text(row, col, text, null, 2);

    /// <summary>A plain (unbordered) text cell: titles, metadata, notes.</summary>
    public SheetBuilder Plain(int row, int col, string text, string? reading = null) => Text(row, col, text, reading, 0);

    /// <summary>A number with an optional number format (0.00 shows 5.1 as 5.10; 00 shows 1 as 01).</summary>
    public SheetBuilder Number(int row, int col, double value, string? format = null)
    {
        _cells[(row, col)] = $"""<c r="{Ref(row, col)}" s="{Math.Max(1, _book.StyleFor(format))}"><v>{value.ToString("R", CultureInfo.InvariantCulture)}</v></c>""";
        return this;
    }

    /// <summary>A formula with its cached value, as Excel and LibreOffice save it.</summary>
    public SheetBuilder Formula(int row, int col, string formula, double cached)
    {
        _cells[(row, col)] = $"""<c r="{Ref(row, col)}" s="1"><f>{XlsxBuilder.Esc(formula)}</f><v>{cached.ToString("R", CultureInfo.InvariantCulture)}</v></c>""";
        return this;
    }

    /// <summary>An empty cell that only carries a style (Japanese templates are full of them).</summary>
    public SheetBuilder Styled(int row, int col)
    {
        _cells.TryAdd((row, col), $"""<c r="{Ref(row, col)}" s="1"/>""");
        return this;
    }

    public SheetBuilder Merge(int row1, int col1, int row2, int col2)
    {
        _merges.Add($"{Ref(row1, col1)}:{Ref(row2, col2)}");
        return this;
    }

    /// <summary>A dropdown list (list data validation) on a range such as "D5:D20 D22:D30".</summary>
    public SheetBuilder Dropdown(string range, params string[] values)
    {
        _dropdowns.Add((range, values));
        return this;
    }

    public SheetBuilder Width(int col, double width)
    {
        _widths[col] = width;
        return this;
    }

    /// <summary>Cells of one row from column 1: strings as text, numbers as numbers, null skipped.</summary>
    public SheetBuilder Row(int row, params object?[] values)
    {
        for (var c = 0; c < values.Length; c++)
        {
            switch (values[c])
            {
                case null: break;
                case string s when s.Length == 0: Styled(row, c + 1); break;
                case string s: Text(row, c + 1, s); break;
                case double d: Number(row, c + 1, d); break;
                case int i: Number(row, c + 1, i); break;
                default: Text(row, c + 1, Convert.ToString(values[c], CultureInfo.InvariantCulture) ?? ""); break;
            }
        }
        return this;
    }

    internal string Xml()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">""");
        if (_cells.Count > 0)
        {
            var maxRow = _cells.Keys.Max(k => k.Row);
            var maxCol = _cells.Keys.Max(k => k.Col);
            sb.Append(CultureInfo.InvariantCulture, $"""<dimension ref="A1:{Ref(maxRow, maxCol)}"/>""");
        }
        sb.Append("""<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="18.75"/>""");
        if (_widths.Count > 0)
        {
            sb.Append("<cols>");
            foreach (var (c, w) in _widths)
                sb.Append(CultureInfo.InvariantCulture, $"""<col min="{c}" max="{c}" width="{w.ToString(CultureInfo.InvariantCulture)}" customWidth="1"/>""");
            sb.Append("</cols>");
        }
        sb.Append("<sheetData>");
        foreach (var row in _cells.GroupBy(k => k.Key.Row))
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<row r="{row.Key}">""");
            foreach (var cell in row) sb.Append(cell.Value);
            sb.Append("</row>");
        }
        sb.Append("</sheetData>");
        if (_merges.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<mergeCells count="{_merges.Count}">""");
            foreach (var m in _merges) sb.Append(CultureInfo.InvariantCulture, $"""<mergeCell ref="{m}"/>""");
            sb.Append("</mergeCells>");
        }
        if (_book.Flavour == XlsxFlavour.JapaneseExcel) sb.Append("""<phoneticPr fontId="1"/>""");
        if (_dropdowns.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<dataValidations count="{_dropdowns.Count}">""");
            foreach (var (range, values) in _dropdowns)
                sb.Append(CultureInfo.InvariantCulture, $"""<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="{XlsxBuilder.Esc(range)}"><formula1>"{XlsxBuilder.Esc(string.Join(",", values))}"</formula1></dataValidation>""");
            sb.Append("</dataValidations>");
        }
        sb.Append("""<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>""");
        return sb.ToString();
    }

    private static string Ref(int row, int col) => Core.Model.CellRef.ColumnName(col) + row.ToString(CultureInfo.InvariantCulture);
}
