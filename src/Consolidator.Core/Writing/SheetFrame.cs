using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Consolidator.Core.Writing;

/// <summary>
/// One sheet of a <see cref="WorkbookFrame"/>: the sheet part ClosedXML saved, cut where the
/// audit's own parts go (dimension, column widths, rows, filter, merges, validation range), and
/// its rows as templates by signature, with the probe rows' styles of a streamed table body.
/// </summary>
internal sealed partial class SheetFrame
{
    private string _head = "", _views = "", _tail = "";
    private readonly Dictionary<string, RowTemplate?> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, uint[]> _probes = new(StringComparer.Ordinal);
    private uint[]? _plain;

    /// <summary>A row as ClosedXML wrote it: its attributes (ht as set per row), its cells' column, attributes and whether they hold a value.</summary>
    private sealed record RowTemplate(string Attributes, bool HasHeight, IReadOnlyList<(int Column, string Attributes, bool HasValue)> Cells)
    {
        public bool SameAs(RowTemplate other) => Attributes == other.Attributes && HasHeight == other.HasHeight && Cells.SequenceEqual(other.Cells);
    }

    /// <summary>The frame of <paramref name="xml"/>, laid out for <paramref name="plan"/>; null when its rows do not stand for their signatures.</summary>
    public static SheetFrame? Build(string xml, SheetPlan plan)
    {
        var frame = new SheetFrame();
        var dimension = DimensionRe().Match(xml);
        var data = SheetDataRe().Match(xml);
        if (!dimension.Success || !data.Success || dimension.Index > data.Index) return null;
        frame._head = xml[..dimension.Index];
        var views = xml[(dimension.Index + dimension.Length)..data.Index];
        var cols = ColsRe().Match(views);
        var frameCols = cols.Success ? cols.Value : "";
        frame._views = cols.Success ? views.Remove(cols.Index, cols.Length) : views;
        if (cols.Success && cols.Index != frame._views.Length) return null; // <cols> comes last before <sheetData>
        var after = xml[(data.Index + data.Length)..];
        var filter = AutoFilterRe().Match(after);
        var frameFilter = "";
        if (filter.Success && filter.Index == 0)
        {
            frameFilter = filter.Value;
            after = after[filter.Length..];
        }
        var merges = MergeCellsRe().Match(after);
        var frameMerges = "";
        if (merges.Success && merges.Index == 0)
        {
            frameMerges = merges.Value;
            after = after[merges.Length..];
        }
        frame._tail = after;
        if (plan.Validation is null != !SqrefRe().IsMatch(after)) return null;

        var probeFrom = plan.Body is { } body ? body.HeaderRow + 1 : int.MaxValue;
        var written = new Dictionary<int, RowTemplate>();
        var body_ = data.Groups["rows"].Value;
        foreach (Match row in RowRe().Matches(body_))
        {
            var attributes = Attributes(row.Groups["a"].Value);
            var r = int.Parse(attributes["r"], CultureInfo.InvariantCulture);
            var cells = new List<(int, string, bool)>();
            var styles = new Dictionary<int, uint>();
            foreach (Match cell in CellRe().Matches(row.Groups["c"].Value))
            {
                var a = Attributes(cell.Groups["a"].Value);
                var column = Column(a["r"]);
                a.Remove("r");
                styles[column] = a.TryGetValue("s", out var s) ? uint.Parse(s, CultureInfo.InvariantCulture) : 0;
                cells.Add((column, string.Concat(a.Select(x => $" {x.Key}=\"{x.Value}\"")), cell.Groups["v"].Value.Length > 0));
            }
            if (r >= probeFrom)
            {
                var k = r - probeFrom;
                var probe = new uint[plan.Body!.Columns.Count];
                for (var c = 0; c < probe.Length; c++) probe[c] = styles.GetValueOrDefault(c + 1);
                if (k == 0) frame._plain = probe;
                else if (k <= plan.Body.Fills.Count) frame._probes[plan.Body.Fills[k - 1]] = probe;
                else return null;
                continue;
            }
            attributes.Remove("r");
            var hasHeight = attributes.ContainsKey("ht");
            var text = string.Concat(attributes.Select(x => x.Key == "ht" ? " ht=\"{0}\"" : $" {x.Key}=\"{x.Value}\""));
            written[r] = new RowTemplate(text, hasHeight, cells);
        }
        if (plan.Body is not null && (frame._plain is null || frame._probes.Count != plan.Body.Fills.Count)) return null;

        foreach (var (r, row) in plan.Rows)
        {
            if (r >= probeFrom) continue;
            var template = written.GetValueOrDefault(r);
            if (template is not null)
            {
                if (template.HasHeight != row.Height.HasValue) return null;
                // Every value the plan holds is written into a cell of the template.
                if (row.Values.Any(v => v.Value is not string { Length: 0 } && !template.Cells.Any(c => c.Column == v.Key && c.HasValue))) return null;
                if (template.Cells.Any(c => c.HasValue && !row.Values.ContainsKey(c.Column))) return null;
            }
            written.Remove(r);
            if (frame._rows.TryGetValue(row.Signature, out var known))
            {
                if (known is null != template is null || (known is not null && !known.SameAs(template!))) return null;
            }
            else frame._rows[row.Signature] = template;
        }
        if (written.Count > 0) return null; // ClosedXML wrote a row the plan does not know

        // What the frame writes for this very plan must be what ClosedXML wrote.
        if (Cols(plan) != frameCols || Merges(plan) != frameMerges || Filter(plan) != frameFilter) return null;
        if (plan.Body is null && Dimension(frame, plan) != dimension.Value) return null;
        return frame;
    }

    /// <summary>Writes the sheet of <paramref name="plan"/> (of this frame's shape) into <paramref name="output"/>.</summary>
    public void Write(SheetPlan plan, Stream output, TableBodies.SharedStrings strings)
    {
        using var writer = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false), CloseOutput = false, ConformanceLevel = ConformanceLevel.Fragment,
        });
        writer.WriteRaw(_head);
        writer.WriteRaw(Dimension(this, plan));
        writer.WriteRaw(_views);
        writer.WriteRaw(Cols(plan));
        writer.WriteRaw("<x:sheetData>");
        var ic = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(1024);
        foreach (var (r, row) in plan.Rows)
        {
            if (plan.Body is { } b && r > b.HeaderRow) continue;
            if (!_rows.TryGetValue(row.Signature, out var template))
                throw new InvalidOperationException($"Sheet {plan.Name}: row {r} has no template in its frame.");
            if (template is null) continue;
            sb.Clear();
            sb.Append(ic, $"<x:row r=\"{r}\"");
            sb.Append(template.HasHeight ? string.Format(ic, template.Attributes, row.Height!.Value.ToString(ic)) : template.Attributes);
            if (template.Cells.Count == 0)
            {
                sb.Append(" />");
                writer.WriteRaw(sb.ToString());
                continue;
            }
            sb.Append('>');
            foreach (var (column, attributes, hasValue) in template.Cells)
            {
                sb.Append(ic, $"<x:c r=\"{Model.CellRef.ColumnName(column)}{r}\"{attributes}");
                if (!hasValue)
                {
                    sb.Append(" />");
                    continue;
                }
                var value = row.Values[column] switch
                {
                    int n => n.ToString(ic),
                    string text => strings.Index(text).ToString(ic),
                    var other => throw new InvalidOperationException($"Sheet {plan.Name}: {other} is neither text nor a number."),
                };
                sb.Append(ic, $"><x:v>{value}</x:v></x:c>");
            }
            sb.Append("</x:row>");
            writer.WriteRaw(sb.ToString());
        }
        if (plan.Body is { } body)
        {
            var styles = new List<uint[]> { _plain! };
            styles.AddRange(body.Fills.Select(f => _probes.TryGetValue(f, out var p) ? p
                : throw new InvalidOperationException($"Sheet {plan.Name}: no probe row for fill {f} in its frame.")));
            TableBodies.WriteRows(writer, "x", body, styles, strings);
        }
        writer.WriteRaw("</x:sheetData>");
        writer.WriteRaw(Filter(plan));
        writer.WriteRaw(Merges(plan));
        writer.WriteRaw(plan.Validation is { } v ? SqrefRe().Replace(_tail, $"sqref=\"{WorkbookFrame.Relative(v)}\"", 1) : _tail);
    }

    private static string Dimension(SheetFrame frame, SheetPlan plan)
    {
        int lastRow = 0, lastColumn = 0;
        foreach (var (r, row) in plan.Rows)
        {
            if (plan.Body is { } b && r > b.HeaderRow) continue;
            if (frame._rows.GetValueOrDefault(row.Signature) is not { Cells.Count: > 0 } template) continue;
            lastRow = Math.Max(lastRow, r);
            lastColumn = Math.Max(lastColumn, template.Cells.Max(c => c.Column));
        }
        if (plan.Body is { } body)
        {
            lastRow = Math.Max(lastRow, body.HeaderRow + body.Rows.Count);
            lastColumn = Math.Max(lastColumn, body.Columns.Count);
        }
        return $"<x:dimension ref=\"A1:{TableBodies.CellRefName(Math.Max(1, lastColumn), Math.Max(1, lastRow))}\" />";
    }

    /// <summary>The column widths as ClosedXML writes them: adjacent columns of one width in one element, with ClosedXML's padding.</summary>
    private static string Cols(SheetPlan plan)
    {
        if (plan.Widths.Count == 0) return "";
        var ic = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("<x:cols>");
        var list = plan.Widths.ToList();
        for (var i = 0; i < list.Count;)
        {
            var j = i;
            while (j + 1 < list.Count && list[j + 1].Key == list[j].Key + 1 && list[j + 1].Value == list[i].Value) j++;
            sb.Append(ic, $"<x:col min=\"{list[i].Key}\" max=\"{list[j].Key}\" width=\"{(list[i].Value + ColumnWidthPadding).ToString(ic)}\" style=\"0\" customWidth=\"1\" />");
            i = j + 1;
        }
        return sb.Append("</x:cols>").ToString();
    }

    /// <summary>What ClosedXML 0.95 adds to a column's width when it saves.</summary>
    private const double ColumnWidthPadding = 0.710625;

    private static string Merges(SheetPlan plan)
    {
        if (plan.Merges.Count == 0) return "";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<x:mergeCells count=\"{plan.Merges.Count}\">");
        foreach (var m in plan.Merges) sb.Append(CultureInfo.InvariantCulture, $"<x:mergeCell ref=\"{WorkbookFrame.Relative(m)}\" />");
        return sb.Append("</x:mergeCells>").ToString();
    }

    private static string Filter(SheetPlan plan) => plan.Filter is { } f ? $"<x:autoFilter ref=\"{WorkbookFrame.Relative(f)}\" />" : "";

    private static Dictionary<string, string> Attributes(string text)
    {
        var a = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in AttributeRe().Matches(text)) a[m.Groups[1].Value] = m.Groups[2].Value;
        return a;
    }

    private static int Column(string reference)
    {
        var c = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            c = c * 26 + (ch - 'A' + 1);
        }
        return c;
    }

    [GeneratedRegex("<x:dimension [^>]*/>")]
    private static partial Regex DimensionRe();

    [GeneratedRegex("<x:sheetData>(?<rows>.*?)</x:sheetData>|<x:sheetData ?/>", RegexOptions.Singleline)]
    private static partial Regex SheetDataRe();

    [GeneratedRegex("<x:cols>.*?</x:cols>", RegexOptions.Singleline)]
    private static partial Regex ColsRe();

    [GeneratedRegex("<x:autoFilter [^>]*/>")]
    private static partial Regex AutoFilterRe();

    [GeneratedRegex("<x:mergeCells [^>]*>.*?</x:mergeCells>", RegexOptions.Singleline)]
    private static partial Regex MergeCellsRe();

    [GeneratedRegex("sqref=\"[^\"]*\"")]
    private static partial Regex SqrefRe();

    [GeneratedRegex("<x:row (?<a>[^>]*?)(?:/>|>(?<c>.*?)</x:row>)", RegexOptions.Singleline)]
    private static partial Regex RowRe();

    [GeneratedRegex("<x:c (?<a>[^>]*?)(?:/>|>(?<v>.*?)</x:c>)", RegexOptions.Singleline)]
    private static partial Regex CellRe();

    [GeneratedRegex("([\\w:]+)=\"([^\"]*)\"")]
    private static partial Regex AttributeRe();
}
