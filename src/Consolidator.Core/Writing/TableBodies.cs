using System.Globalization;
using System.IO.Compression;
using System.Xml;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Consolidator.Core.Writing;

/// <summary>
/// The body rows of a table sheet, kept aside while ClosedXML lays out the rest of the sheet.
/// <paramref name="Fill"/> gives a cell's fill colour (#RRGGBB) or null.
/// </summary>
internal sealed record TableBody(string Sheet, int HeaderRow, IReadOnlyList<Column> Columns, IReadOnlyList<string?[]> Rows,
    double[] Heights, IReadOnlyList<string> Fills, Func<int, int, string?>? Fill);

/// <summary>
/// Writes the large tables of a workbook without ClosedXML holding a cell object per value.
/// ClosedXML lays out each table sheet as before — title, header row, widths, borders, filter,
/// validation, print setup — but with one styled "probe" row per distinct body style instead of
/// the body (plain, then one per fill colour). After ClosedXML saved that shell, the package is
/// copied entry by entry: each table sheet is read with the Open XML SDK's SAX-style reader, its
/// probe rows give the style indices ClosedXML chose and are replaced by the real rows, streamed
/// straight into an XmlWriter (twice as fast as the SDK's OpenXmlWriter, which wraps one); their
/// texts are added to the shared strings. Every cell gets the
/// style index ClosedXML would have given it, so the workbook looks exactly as if ClosedXML had
/// written every cell, at a fraction of the time and memory (profile: README, Performance).
/// </summary>
internal sealed class TableBodies
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly List<TableBody> _bodies = [];
    private readonly List<(string Sheet, string Chart, ChartAnchor Anchor, string Name)> _charts = [];

    public void Add(TableBody body) => _bodies.Add(body);

    /// <summary>A chart (<see cref="CountChart"/>) to be placed on a sheet as the package is copied.</summary>
    public void AddChart(string sheet, string chartXml, ChartAnchor anchor, string name)
    {
        // A sheet has one drawing part; one chart per sheet is all the result needs.
        if (_charts.Any(c => c.Sheet == sheet)) throw new InvalidOperationException($"Sheet {sheet} already has a chart.");
        _charts.Add((sheet, chartXml, anchor, name));
    }

    /// <summary>Saves the workbook into <paramref name="output"/>, the bodies streamed into their sheets.</summary>
    public void Save(XLWorkbook workbook, Stream output) => Finish(Shell(workbook), output);

    /// <summary>What ClosedXML saved: the sheets' frames with their probe rows (the first half of <see cref="Save"/>).</summary>
    public static MemoryStream Shell(XLWorkbook workbook)
    {
        var shell = new MemoryStream();
        workbook.SaveAs(shell);
        shell.Position = 0;
        return shell;
    }

    /// <summary>The shell copied into <paramref name="output"/> with the bodies streamed into their sheets (the second half of <see cref="Save"/>, no ClosedXML).</summary>
    public void Finish(MemoryStream shell, Stream output)
    {
        using (shell)
        {
            if (_bodies.Count == 0 && _charts.Count == 0) shell.CopyTo(output);
            else Splice(shell, output);
        }
    }

    internal IReadOnlyList<TableBody> Bodies => _bodies;

    private void Splice(Stream shell, Stream output)
    {
        using var input = new ZipArchive(shell, ZipArchiveMode.Read, leaveOpen: true);
        var (sheets, sharedStrings) = Locate(input);
        if (sharedStrings is null) throw new InvalidOperationException("The workbook has no shared strings part.");
        var byPath = new Dictionary<string, TableBody>(StringComparer.Ordinal);
        foreach (var body in _bodies)
            byPath[sheets[body.Sheet]] = body;

        var strings = SharedStrings.Read(input.GetEntry(sharedStrings)!);
        var charts = ChartParts(input, sheets);
        // Seekable output: the archive streams each entry straight into it. Otherwise (a pipe) it buffers.
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                if (entry.FullName == sharedStrings || charts.Replaced.ContainsKey(entry.FullName)) continue;
                // Fastest: a result workbook is written once and read a few times; deflating it harder
                // would cost more time than the few kilobytes it saves.
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                using var from = entry.Open();
                using var to = copy.Open();
                if (byPath.TryGetValue(entry.FullName, out var body)) WriteSheet(from, to, body, strings);
                else if (charts.Sheets.TryGetValue(entry.FullName, out var relId)) WithDrawing(from, to, relId);
                else from.CopyTo(to);
            }
            foreach (var (name, text) in charts.Replaced.Select(r => (r.Key, r.Value)).Concat(charts.Added))
            {
                using var to = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                to.Write(Utf8.GetBytes(text));
            }
            using var sst = zip.CreateEntry(sharedStrings, CompressionLevel.Fastest).Open();
            strings.Write(sst);
        }
    }

    /// <summary>
    /// What the charts add to the package: per chart a drawing part and a chart part with their
    /// relationships, the sheet's relationships (ClosedXML's, if any, with one more), the content
    /// types with the two new parts; and per sheet the relationship id its &lt;drawing&gt; element uses.
    /// </summary>
    internal (Dictionary<string, string> Sheets, Dictionary<string, string> Replaced, List<(string, string)> Added) ChartParts(
        ZipArchive input, Dictionary<string, string> sheets)
    {
        var sheetRelIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var replaced = new Dictionary<string, string>(StringComparer.Ordinal);
        var added = new List<(string, string)>();
        if (_charts.Count == 0) return (sheetRelIds, replaced, added);
        string Read(string name)
        {
            if (replaced.TryGetValue(name, out var text)) return text;
            using var r = new StreamReader(input.GetEntry(name)!.Open(), Utf8);
            return r.ReadToEnd();
        }
        var names = input.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var types = Read("[Content_Types].xml");
        var n = 0;
        foreach (var (sheet, chart, anchor, title) in _charts)
        {
            do n++; while (names.Contains($"xl/drawings/drawing{n}.xml") || names.Contains($"xl/charts/chart{n}.xml"));
            var sheetPath = sheets[sheet];
            var relsPath = $"{Path.GetDirectoryName(sheetPath)!.Replace('\\', '/')}/_rels/{Path.GetFileName(sheetPath)}.rels";
            var rels = names.Contains(relsPath) || replaced.ContainsKey(relsPath)
                ? Read(relsPath)
                : $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"{PackageRelNs}\"></Relationships>";
            var relId = $"rIdChart{n}";
            rels = rels.Replace("</Relationships>", $"<Relationship Id=\"{relId}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing\" Target=\"../drawings/drawing{n}.xml\"/></Relationships>", StringComparison.Ordinal);
            if (names.Contains(relsPath)) replaced[relsPath] = rels;
            else
            {
                added.RemoveAll(a => a.Item1 == relsPath);
                added.Add((relsPath, rels));
            }
            sheetRelIds[sheetPath] = relId;
            added.Add(($"xl/drawings/drawing{n}.xml", CountChart.Drawing(anchor, title)));
            added.Add(($"xl/drawings/_rels/drawing{n}.xml.rels",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"{PackageRelNs}\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"../charts/chart{n}.xml\"/></Relationships>"));
            added.Add(($"xl/charts/chart{n}.xml", chart));
            types = types.Replace("</Types>",
                $"<Override PartName=\"/xl/drawings/drawing{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"/>"
                + $"<Override PartName=\"/xl/charts/chart{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/></Types>", StringComparison.Ordinal);
        }
        replaced["[Content_Types].xml"] = types;
        return (sheetRelIds, replaced, added);
    }

    /// <summary>
    /// A sheet ClosedXML saved, copied with a &lt;drawing&gt; element in its place in the schema's order:
    /// after the page setup and the breaks, before legacy drawings, tables and extensions.
    /// </summary>
    internal static void WithDrawing(Stream from, Stream to, string relId)
    {
        string xml;
        using (var r = new StreamReader(from, Utf8)) xml = r.ReadToEnd();
        // ClosedXML writes the main namespace with a prefix (<x:worksheet>); the drawing takes the same.
        var root = System.Text.RegularExpressions.Regex.Match(xml, @"<(\w+:)?worksheet[\s>]");
        if (!root.Success) throw new InvalidOperationException("The sheet has no worksheet element.");
        var p = root.Groups[1].Value;
        var drawing = $"<{p}drawing r:id=\"{relId}\" xmlns:r=\"{RelNs}\"/>";
        string[] after = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
        var at = after.Select(t => System.Text.RegularExpressions.Regex.Match(xml, $"<{p}{t}[\\s/>]")).Where(m => m.Success).Select(m => m.Index)
            .Append(xml.LastIndexOf($"</{p}worksheet>", StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (at < 0) throw new InvalidOperationException("The sheet has no end tag.");
        to.Write(Utf8.GetBytes(string.Concat(xml.AsSpan(0, at), drawing, xml.AsSpan(at))));
    }

    /// <summary>Sheet name → part path, and the shared strings part, from workbook.xml and its relationships.</summary>
    internal static (Dictionary<string, string> Sheets, string? SharedStrings) Locate(ZipArchive zip)
    {
        var relIds = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var xml = XmlReader.Create(zip.GetEntry("xl/workbook.xml")!.Open(), Settings))
            while (xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == MainNs)
                    relIds[xml.GetAttribute("id", RelNs)!] = xml.GetAttribute("name")!;
        var sheets = new Dictionary<string, string>(StringComparer.Ordinal);
        string? sharedStrings = null;
        using (var xml = XmlReader.Create(zip.GetEntry("xl/_rels/workbook.xml.rels")!.Open(), Settings))
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.NamespaceURI != PackageRelNs) continue;
                var target = xml.GetAttribute("Target")!;
                var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
                if (relIds.TryGetValue(xml.GetAttribute("Id")!, out var name)) sheets[name] = path;
                else if (xml.GetAttribute("Type")!.EndsWith("/sharedStrings", StringComparison.Ordinal)) sharedStrings = path;
            }
        return (sheets, sharedStrings);
    }

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = false };

    internal static XmlWriter Writer(Stream to) => XmlWriter.Create(to, new XmlWriterSettings { Encoding = Utf8, CloseOutput = false });

    /// <summary>Copies the shell sheet, taking the probe rows' style indices and writing the real rows in their place.</summary>
    private static void WriteSheet(Stream from, Stream to, TableBody body, SharedStrings strings)
    {
        var columns = body.Columns.Count;
        var lastRow = body.HeaderRow + body.Rows.Count;
        // styles[k][c]: the style index of column c in probe row k (0: plain, 1..: one per fill colour).
        var styles = new List<uint[]>();
        using var reader = new TypedOpenXmlPartReader(from);
        using var writer = Writer(to);
        writer.WriteStartDocument();
        var more = reader.Read();
        while (more)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SheetDimension))
            {
                new SheetDimension { Reference = $"A1:{CellRefName(columns, lastRow)}" }.WriteTo(writer);
                reader.Skip(); // leaves the reader on the next sibling
                more = !reader.EOF;
                continue;
            }
            if (reader.IsStartElement && reader.ElementType == typeof(Row))
            {
                var row = (Row)reader.LoadCurrentElement()!;
                if (row.RowIndex!.Value <= (uint)body.HeaderRow) row.WriteTo(writer);
                else styles.Add(ProbeStyles(row, columns));
                more = reader.Read(); // LoadCurrentElement leaves the reader on the row's end
                continue;
            }
            if (reader.IsEndElement && reader.ElementType == typeof(SheetData))
            {
                if (styles.Count != 1 + body.Fills.Count)
                    throw new InvalidOperationException($"Sheet {body.Sheet}: {styles.Count} probe rows, {1 + body.Fills.Count} expected.");
                WriteRows(writer, reader.Prefix, body, styles, strings);
                writer.WriteEndElement();
            }
            else if (reader.IsStartElement)
            {
                writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceUri);
                foreach (var ns in reader.NamespaceDeclarations)
                    writer.WriteAttributeString("xmlns", ns.Key, null, ns.Value);
                foreach (var a in reader.Attributes)
                    writer.WriteAttributeString(a.Prefix, a.LocalName, a.NamespaceUri, a.Value);
                var text = reader.GetText();
                if (text.Length > 0) writer.WriteString(text);
            }
            else if (reader.IsEndElement)
            {
                writer.WriteEndElement();
            }
            more = reader.Read();
        }
    }

    private static uint[] ProbeStyles(Row row, int columns)
    {
        var styles = new uint[columns];
        foreach (var cell in row.Elements<Cell>())
        {
            var c = ColumnOf(cell.CellReference!.Value!);
            if (c >= 1 && c <= columns) styles[c - 1] = cell.StyleIndex?.Value ?? 0;
        }
        return styles;
    }

    /// <summary>
    /// The rows, as markup handed to the XmlWriter in one piece per row (its per-node checks cost
    /// more than the rows themselves): a cell per column with its style, texts as shared strings,
    /// numbers as numbers, empty cells styled and without a value. Only numbers and cell references
    /// are written here; every text goes through the shared strings, which are escaped.
    /// </summary>
    internal static void WriteRows(XmlWriter writer, string prefix, TableBody body, List<uint[]> styles, SharedStrings strings)
    {
        var columns = body.Columns;
        var p = prefix.Length == 0 ? "" : prefix + ":";
        var letters = Enumerable.Range(1, columns.Count).Select(ColumnName).ToArray();
        var fillIndex = body.Fills.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i + 1, StringComparer.Ordinal);
        var sb = new System.Text.StringBuilder(4096);
        var buffer = new char[4096];
        var ic = CultureInfo.InvariantCulture;
        for (var r = 0; r < body.Rows.Count; r++)
        {
            var number = body.HeaderRow + 1 + r;
            sb.Clear();
            sb.Append(ic, $"<{p}row r=\"{number}\" spans=\"1:{columns.Count}\" ht=\"{body.Heights[r].ToString(ic)}\" customHeight=\"1\">");
            var values = body.Rows[r];
            for (var c = 0; c < columns.Count; c++)
            {
                var v = c < values.Length ? values[c] : null;
                var fill = body.Fill?.Invoke(r, c);
                var style = styles[fill is null ? 0 : fillIndex[fill]][c];
                sb.Append(ic, $"<{p}c r=\"{letters[c]}{number}\" s=\"{style}\"");
                if (columns[c].Numeric && int.TryParse(v, NumberStyles.Integer, ic, out var n))
                    sb.Append(ic, $"><{p}v>{n}</{p}v></{p}c>");
                else if (CellText.Clean(v) is { Length: > 0 } text)
                    sb.Append(ic, $" t=\"s\"><{p}v>{strings.Index(text)}</{p}v></{p}c>");
                else
                    sb.Append("/>");
            }
            sb.Append(ic, $"</{p}row>");
            if (buffer.Length < sb.Length) buffer = new char[sb.Length * 2];
            sb.CopyTo(0, buffer, 0, sb.Length);
            writer.WriteRaw(buffer, 0, sb.Length);
        }
    }

    private static int ColumnOf(string reference)
    {
        var c = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            c = c * 26 + (ch - 'A' + 1);
        }
        return c;
    }

    private static string ColumnName(int column) => Model.CellRef.ColumnName(column);

    internal static string CellRefName(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shared string table: ClosedXML's entries kept as written, the tables' texts appended once each.</summary>
    internal sealed class SharedStrings
    {
        private readonly List<SharedStringItem> _existing = [];
        private readonly List<string> _added = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private long _count;

        public static SharedStrings Read(ZipArchiveEntry entry)
        {
            var s = new SharedStrings();
            using var stream = entry.Open();
            using var reader = new TypedOpenXmlPartReader(stream);
            var more = reader.Read();
            while (more)
            {
                if (reader.IsStartElement && reader.ElementType == typeof(SharedStringTable))
                {
                    foreach (var a in reader.Attributes)
                        if (a.LocalName == "count" && long.TryParse(a.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) s._count = n;
                }
                if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
                {
                    var item = (SharedStringItem)reader.LoadCurrentElement()!;
                    // Plain texts are shared with the tables; rich text stays as it is.
                    if (item.ChildElements.Count == 1 && item.Text is { } t) s._index.TryAdd(t.Text, s._existing.Count);
                    s._existing.Add(item);
                    more = reader.Read();
                    continue;
                }
                more = reader.Read();
            }
            return s;
        }

        public int Index(string text)
        {
            _count++;
            if (_index.TryGetValue(text, out var i)) return i;
            i = _existing.Count + _added.Count;
            _added.Add(text);
            _index[text] = i;
            return i;
        }

        public void Write(Stream stream)
        {
            using var writer = Writer(stream);
            writer.WriteStartDocument();
            var unique = _existing.Count + _added.Count;
            writer.WriteStartElement("x", "sst", MainNs);
            writer.WriteAttributeString("count", Math.Max(_count, unique).ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("uniqueCount", unique.ToString(CultureInfo.InvariantCulture));
            foreach (var item in _existing) item.WriteTo(writer);
            foreach (var text in _added)
            {
                writer.WriteStartElement("x", "si", MainNs);
                writer.WriteStartElement("x", "t", MainNs);
                if (NeedsPreserve(text)) writer.WriteAttributeString("xml", "space", null, "preserve");
                writer.WriteString(text);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }

        private static bool NeedsPreserve(string text) =>
            char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n') || text.Contains('\t');
    }
}
