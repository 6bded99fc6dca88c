using System.IO.Compression;
using System.Xml;

namespace Consolidator.Core.Reading.Xlsx;

/// <summary>
/// The parts of an OOXML workbook package as the package itself names them: the workbook part
/// through the package relationships (_rels/.rels) or, failing them, [Content_Types].xml; its
/// sheets, shared strings and styles through the workbook's relationships. Part names are
/// matched as OPC matches them: without letter case, with a backslash taken for a slash (some
/// writers on Windows store "xl\workbook.xml"). Strict Open XML (ISO/IEC 29500 Strict, Excel's
/// "Strict Open XML Spreadsheet") names the same parts in other namespaces and relationship types;
/// both are understood.
/// <para>
/// ExcelDataReader 3.6 looks for fixed paths (xl/workbook.xml, xl/_rels/workbook.xml.rels,
/// xl/sharedStrings.xml, xl/styles.xml) and the Transitional namespaces only, and reads a package
/// that differs as if it had no sheet or no value. <see cref="IsReadAsItIs"/> says whether it would
/// find every part; when not, <see cref="Rewrite"/> makes the package it reads in memory: the same
/// parts at those paths, Strict namespaces translated to Transitional.
/// </para>
/// </summary>
internal sealed class WorkbookPackage
{
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string TransitionalRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    private const string TransitionalMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    /// <summary>The main namespace of Excel 2007's beta, before the format was standardised (POI's sample-beta.xlsx).</summary>
    private const string BetaMain = "http://schemas.microsoft.com/office/excel/2006/2";

    /// <summary>Strict namespaces and their Transitional counterparts (ISO/IEC 29500-4 and -1).</summary>
    private static readonly (string Strict, string Transitional)[] Namespaces =
    [
        (StrictMain, TransitionalMain),
        (BetaMain, TransitionalMain),
        (StrictRelationships, TransitionalRelationships),
        ("http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        ("http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"),
        ("http://purl.oclc.org/ooxml/officeDocument/sharedTypes", "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes"),
        ("http://purl.oclc.org/ooxml/officeDocument/extendedProperties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    ];

    private static readonly string[] WorkbookContentTypes =
    [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
        "application/vnd.ms-excel.addin.macroEnabled.main+xml",
        "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
    ];

    private static readonly XmlReaderSettings ReadSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
        CloseInput = true,
    };

    private readonly Dictionary<string, ZipArchiveEntry> _parts;

    private WorkbookPackage(Dictionary<string, ZipArchiveEntry> parts, string workbook)
    {
        _parts = parts;
        Workbook = workbook;
    }

    /// <summary>The workbook part's name (no leading slash, forward slashes).</summary>
    public string Workbook { get; }

    /// <summary>Whether the package is Strict Open XML.</summary>
    public bool Strict { get; private set; }

    /// <summary>Whether the package is in the namespace of Excel 2007's beta.</summary>
    public bool Beta { get; private set; }

    /// <summary>Whether its XML is read through a translation of its namespaces to Transitional.</summary>
    private bool Translated => Strict || Beta;

    /// <summary>Whether the workbook part is binary (.xlsb).</summary>
    public bool Binary => Workbook.EndsWith(".bin", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the package holds a VBA project (.xlsm): data only is read.</summary>
    public bool Macros => _parts.Keys.Any(k => k.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));

    /// <summary>The worksheet parts in the workbook's order, each with its relationship.</summary>
    public List<(string Id, string Type, string Part, string Target)> Sheets { get; } = [];

    public string? SharedStrings { get; private set; }

    public string? Styles { get; private set; }

    /// <summary>
    /// Every sheet the workbook part lists, in its order: its name, its visibility (the state
    /// attribute: hidden, veryHidden; null when visible) and its part, null when its relationship
    /// names none.
    /// </summary>
    public List<(string? Name, string? State, string? Part)> Listed { get; } = [];

    /// <summary>Whether the workbook counts dates from 1904 (workbookPr date1904), as Excel for Mac once did.</summary>
    public bool Date1904 { get; private set; }

    /// <summary>The XML of the workbook part or of its relationships is not well-formed (what was read before the error is kept).</summary>
    public XmlException? WorkbookError { get; private set; }

    /// <summary>Whether the part exists in the package.</summary>
    public bool Has(string part) => _parts.ContainsKey(part);

    /// <summary>A part by name, or null.</summary>
    public ZipArchiveEntry? Entry(string part) => _parts.GetValueOrDefault(part);

    /// <summary>The sheet parts the reader reads (their names), for counting what they hold.</summary>
    public IEnumerable<string> SheetParts => Sheets.Select(s => s.Part);

    /// <summary>The package's workbook, or null when it names none (then it is not a workbook).</summary>
    public static WorkbookPackage? Find(ZipArchive zip)
    {
        var parts = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in zip.Entries) parts.TryAdd(PartName(e.FullName), e);
        var workbook = FromPackageRelationships(parts) ?? FromContentTypes(parts)
            ?? (parts.ContainsKey("xl/workbook.xml") ? "xl/workbook.xml" : parts.ContainsKey("xl/workbook.bin") ? "xl/workbook.bin" : null);
        if (workbook is null) return null;
        var package = new WorkbookPackage(parts, workbook);
        if (!package.Binary) package.ReadWorkbook();
        return package;
    }

    /// <summary>A zip entry's name as a part name: forward slashes, no leading slash.</summary>
    internal static string PartName(string entryName) => entryName.Replace('\\', '/').TrimStart('/');

    /// <summary>
    /// Whether ExcelDataReader 3.6 finds every part where it looks: Transitional namespaces, the
    /// workbook and its relationships at their usual paths, each sheet where it resolves the
    /// sheet's target (xl/ + target, or the target itself when it starts with /xl/), shared
    /// strings and styles at xl/sharedStrings.xml and xl/styles.xml.
    /// </summary>
    public bool IsReadAsItIs()
    {
        if (Translated || !Workbook.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) return false;
        if (!_parts.ContainsKey("xl/_rels/workbook.xml.rels")) return false;
        foreach (var sheet in Sheets)
        {
            var target = sheet.Target.Replace('\\', '/');
            var seen = target.StartsWith("/xl/", StringComparison.OrdinalIgnoreCase) ? target[1..] : "xl/" + target;
            if (!seen.Equals(sheet.Part, StringComparison.OrdinalIgnoreCase)) return false;
        }
        return (SharedStrings is null || SharedStrings.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
            && (Styles is null || Styles.Equals("xl/styles.xml", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The package ExcelDataReader reads: the workbook, its sheets, shared strings and styles at
    /// the usual paths, with Transitional namespaces. Only those parts are copied, each within the
    /// limits the guards already checked, so the copy is no larger than what is read anyway.
    /// </summary>
    /// <param name="budget">The file's budget, charged for time while parts are translated.</param>
    /// <param name="dropColumns">Leave the sheets' column definitions (&lt;cols&gt;: widths, which are not
    /// read) out, for a sheet with one that ExcelDataReader 3.6 fails on.</param>
    public MemoryStream Rewrite(ReadBudget budget, bool dropColumns = false)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var rels = new List<string>();
            for (var i = 0; i < Sheets.Count; i++)
            {
                var (id, type, part, _) = Sheets[i];
                if (!_parts.ContainsKey(part)) continue;
                var target = $"worksheets/sheet{i + 1}.xml";
                Copy(zip, part, "xl/" + target, budget, dropColumns);
                rels.Add(Relationship(id, Transitional(type), target));
            }
            if (SharedStrings is not null && _parts.ContainsKey(SharedStrings))
            {
                Copy(zip, SharedStrings, "xl/sharedStrings.xml", budget);
                rels.Add(Relationship("rIdSharedStrings", TransitionalRelationships + "/sharedStrings", "sharedStrings.xml"));
            }
            if (Styles is not null && _parts.ContainsKey(Styles))
            {
                Copy(zip, Styles, "xl/styles.xml", budget);
                rels.Add(Relationship("rIdStyles", TransitionalRelationships + "/styles", "styles.xml"));
            }
            Copy(zip, Workbook, "xl/workbook.xml", budget);
            Write(zip, "xl/_rels/workbook.xml.rels",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{RelationshipsNs}\">{string.Concat(rels)}</Relationships>");
            Write(zip, "_rels/.rels",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{RelationshipsNs}\">{Relationship("rId1", TransitionalRelationships + "/officeDocument", "xl/workbook.xml")}</Relationships>");
            Write(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
        }
        output.Position = 0;
        return output;
    }

    private void ReadWorkbook()
    {
        if (!_parts.TryGetValue(Workbook, out var entry)) return;
        var relationships = _parts.TryGetValue(RelationshipsOf(Workbook), out var rels)
            ? ReadRelationships(_parts, rels, Folder(Workbook), e => WorkbookError ??= e) : [];
        try
        {
            using var reader = XmlReader.Create(entry.Open(), ReadSettings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName == "workbook")
                {
                    Strict = reader.NamespaceURI == StrictMain;
                    Beta = reader.NamespaceURI == BetaMain;
                }
                if (reader.NamespaceURI is not (TransitionalMain or StrictMain or BetaMain)) continue;
                if (reader.LocalName == "workbookPr")
                    Date1904 = reader.GetAttribute("date1904") is "1" or "true";
                if (reader.LocalName != "sheet") continue;
                var id = reader.GetAttribute("id", TransitionalRelationships) ?? reader.GetAttribute("id", StrictRelationships);
                var found = id is not null && relationships.TryGetValue(id, out var r) ? r : default;
                if (found.Part is not null) Sheets.Add((id!, found.Type, found.Part, found.Target));
                Listed.Add((reader.GetAttribute("name"), reader.GetAttribute("state"), found.Part));
            }
        }
        catch (XmlException e)
        {
            // A damaged (or DTD-bearing) workbook part: the guard and the reader say what is wrong with it.
            WorkbookError = e;
        }
        foreach (var r in relationships.Values)
        {
            if (r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)) SharedStrings ??= r.Part;
            else if (r.Type.EndsWith("/styles", StringComparison.Ordinal)) Styles ??= r.Part;
        }
    }

    private static string? FromPackageRelationships(Dictionary<string, ZipArchiveEntry> parts)
    {
        if (!parts.TryGetValue("_rels/.rels", out var rels)) return null;
        foreach (var r in ReadRelationships(parts, rels, ""))
            if (r.Value.Type.EndsWith("/officeDocument", StringComparison.Ordinal) && parts.ContainsKey(r.Value.Part))
                return r.Value.Part;
        return null;
    }

    private static string? FromContentTypes(Dictionary<string, ZipArchiveEntry> parts)
    {
        if (!parts.TryGetValue("[Content_Types].xml", out var types)) return null;
        try
        {
            using var reader = XmlReader.Create(types.Open(), ReadSettings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Override") continue;
                var type = reader.GetAttribute("ContentType");
                var name = reader.GetAttribute("PartName");
                if (name is not null && type is not null && WorkbookContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
                    && parts.ContainsKey(PartName(Uri.UnescapeDataString(name))))
                    return PartName(Uri.UnescapeDataString(name));
            }
        }
        catch (XmlException)
        {
        }
        return null;
    }

    private static Dictionary<string, (string Type, string Part, string Target)> ReadRelationships(
        Dictionary<string, ZipArchiveEntry> parts, ZipArchiveEntry entry, string folder, Action<XmlException>? broken = null)
    {
        var found = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(entry.Open(), ReadSettings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
                var id = reader.GetAttribute("Id");
                var type = reader.GetAttribute("Type");
                var target = reader.GetAttribute("Target");
                if (id is null || type is null || target is null) continue;
                if (string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)) continue;
                found.TryAdd(id, (Transitional(type), Resolve(parts, folder, target), target));
            }
        }
        catch (XmlException e)
        {
            // Damaged relationships name no part; the workbook is then read as far as it can be.
            broken?.Invoke(e);
        }
        return found;
    }

    /// <summary>A relationship's target as a part name: relative to the source's folder, or from the root when it starts with '/'.</summary>
    private static string Resolve(Dictionary<string, ZipArchiveEntry> parts, string folder, string target)
    {
        var raw = target.Replace('\\', '/');
        string Combine(string t)
        {
            var path = t.StartsWith('/') ? t : folder + t;
            var segments = new List<string>();
            foreach (var segment in path.Split('/'))
            {
                if (segment is "" or ".") continue;
                if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
                else segments.Add(segment);
            }
            return string.Join('/', segments);
        }
        var plain = Combine(raw);
        if (parts.ContainsKey(plain)) return plain;
        var unescaped = Combine(Uri.UnescapeDataString(raw));
        return parts.ContainsKey(unescaped) ? unescaped : plain;
    }

    private static string Folder(string part)
    {
        var slash = part.LastIndexOf('/');
        return slash < 0 ? "" : part[..(slash + 1)];
    }

    private static string RelationshipsOf(string part) => Folder(part) + "_rels/" + part[(part.LastIndexOf('/') + 1)..] + ".rels";

    /// <summary>A Strict namespace or relationship type as its Transitional counterpart; anything else as it is.</summary>
    internal static string Transitional(string uri)
    {
        foreach (var (strict, transitional) in Namespaces)
        {
            if (uri.Length >= strict.Length && uri.StartsWith(strict, StringComparison.Ordinal)
                && (uri.Length == strict.Length || uri[strict.Length] == '/'))
                return transitional + uri[strict.Length..];
        }
        return uri;
    }

    private static string Relationship(string id, string type, string target) =>
        $"<Relationship Id=\"{System.Security.SecurityElement.Escape(id)}\" Type=\"{System.Security.SecurityElement.Escape(type)}\" Target=\"{System.Security.SecurityElement.Escape(target)}\"/>";

    private static void Write(ZipArchive zip, string name, string xml)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        s.Write(System.Text.Encoding.UTF8.GetBytes(xml));
    }

    /// <summary>A part copied as it is, or, in a Strict or beta package, through an XML reader and writer that translate its namespaces.</summary>
    private void Copy(ZipArchive zip, string from, string to, ReadBudget budget, bool dropColumns = false)
    {
        using var target = zip.CreateEntry(to, CompressionLevel.Fastest).Open();
        using var source = _parts[from].Open();
        if (!Translated && !dropColumns)
        {
            source.CopyTo(target);
            return;
        }
        using var reader = XmlReader.Create(source, ReadSettings);
        using var writer = XmlWriter.Create(target, new XmlWriterSettings { CheckCharacters = false, Encoding = new System.Text.UTF8Encoding(false), CloseOutput = false });
        Translate(reader, writer, budget, dropColumns, Beta);
    }

    private static void Translate(XmlReader reader, XmlWriter writer, ReadBudget budget, bool dropColumns, bool beta)
    {
        var nodes = 0;
        var read = reader.Read();
        while (read)
        {
            if ((++nodes & 0xFFFF) == 0) budget.CheckTime();
            if (dropColumns && reader.NodeType == XmlNodeType.Element && reader.LocalName == "cols" && reader.Depth == 1)
            {
                reader.Skip();
                read = !reader.EOF;
                continue;
            }
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    // The beta named a shared string <sstItem>, the standard <si>.
                    var name = beta && reader.LocalName == "sstItem" ? "si" : reader.LocalName;
                    writer.WriteStartElement(reader.Prefix, name, Transitional(reader.NamespaceURI));
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            var isDeclaration = reader.NamespaceURI == "http://www.w3.org/2000/xmlns/";
                            writer.WriteAttributeString(reader.Prefix, reader.LocalName,
                                isDeclaration ? reader.NamespaceURI : Transitional(reader.NamespaceURI), Transitional(reader.Value));
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                    if (empty) writer.WriteEndElement();
                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
            }
            read = reader.Read();
        }
    }
}
