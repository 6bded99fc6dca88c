using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using ClosedXML.Excel;

namespace Consolidator.Core.Writing;

/// <summary>A workbook as plans: its sheets in order, their bodies and charts, and the document properties.</summary>
internal sealed class WorkbookPlan(string title, string subject, string author, DateTime created)
{
    public string Title { get; } = title;
    public string Subject { get; } = subject;
    public string Author { get; } = author;
    public DateTime Created { get; } = created;
    public List<SheetPlan> Sheets { get; } = [];
    public TableBodies Bodies { get; } = new();

    public SheetPlan Add(string name)
    {
        var plan = new SheetPlan(name);
        Sheets.Add(plan);
        return plan;
    }

    /// <summary>What makes ClosedXML lay this workbook out differently: the sheets, what they set as a whole, the signatures of their rows.</summary>
    public string Shape() => string.Join("\n", Sheets.Select(s =>
        s.Name + "|" + s.SheetShape + "|" + string.Join("|", s.Rows.Values.Select(r => r.Signature).Distinct().Order(StringComparer.Ordinal))));

    /// <summary>The workbook laid out by ClosedXML, every step of every plan replayed (call inside <see cref="ClosedXmlGate"/>).</summary>
    public MemoryStream LayOut()
    {
        using var wb = new XLWorkbook();
        wb.Properties.Title = Title;
        wb.Properties.Subject = Subject;
        wb.Properties.Author = Author;
        wb.Properties.Created = Created;
        wb.Properties.Modified = Created;
        foreach (var plan in Sheets)
        {
            plan.Replay(wb.AddWorksheet(plan.Name));
            if (plan.Body is { } body) Bodies.Add(body);
        }
        wb.Worksheet(1).SetTabActive();
        return TableBodies.Shell(wb);
    }
}

/// <summary>
/// ClosedXML's layout of a workbook, kept once per shape (<see cref="WorkbookPlan.Shape"/>): the
/// package ClosedXML saved for the first audit of that shape — styles, theme, workbook, the sheets'
/// views, validation and print setup — and, per row signature, the row as ClosedXML wrote it (each
/// cell's style index). Every audit of that shape is then written without ClosedXML: the package
/// copied, each sheet's rows written from its plan with the frame's style indices, its widths,
/// merges, filter and print area from the plan, the table bodies streamed as before
/// (<see cref="TableBodies"/>). The output reads exactly as if ClosedXML had written it; a frame
/// whose rows do not stand for their signatures (a writer step not described in its plan) is not
/// kept, and that shape is written by ClosedXML as before.
/// </summary>
internal sealed partial class WorkbookFrame
{
    /// <summary>Shapes kept; a process that meets more clears the cache and starts again (memory stays bounded by shapes, not audits).</summary>
    internal const int MaxShapes = 64;

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly ConcurrentDictionary<string, WorkbookFrame?> Cache = new(StringComparer.Ordinal);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static long _built, _refused;

    private readonly byte[] _package;
    private readonly Dictionary<string, SheetFrame> _sheets;
    private readonly Dictionary<string, string> _paths;
    private readonly string _sharedStrings;

    private WorkbookFrame(byte[] package, Dictionary<string, SheetFrame> sheets, Dictionary<string, string> paths, string sharedStrings)
    {
        _package = package;
        _sheets = sheets;
        _paths = paths;
        _sharedStrings = sharedStrings;
    }

    /// <summary>Frames laid out by ClosedXML so far in this process, and shapes it could not frame.</summary>
    internal static (long Built, long Refused, int Kept) Counts => (Interlocked.Read(ref _built), Interlocked.Read(ref _refused), Cache.Count);

    internal static void Clear() => Cache.Clear();

    /// <summary>Writes the workbook: from its shape's frame (laid out now if the shape is new), or by ClosedXML when the shape cannot be framed.</summary>
    public static void Write(WorkbookPlan book, Stream output)
    {
        var shape = book.Shape();
        if (!Cache.TryGetValue(shape, out var frame))
        {
            MemoryStream? shell = null;
            // Laid out and framed under the gate: audits of a new shape written at once lay it out once.
            lock (ClosedXmlGate.Lock)
            {
                if (!Cache.TryGetValue(shape, out frame))
                {
                    shell = book.LayOut();
                    frame = Build(shell.ToArray(), book);
                    if (frame is null) Interlocked.Increment(ref _refused);
                    else Interlocked.Increment(ref _built);
                    if (Cache.Count >= MaxShapes) Cache.Clear();
                    Cache[shape] = frame;
                }
            }
            if (frame is null && shell is not null)
            {
                // The shape cannot be framed: this audit as ClosedXML laid it out, the bodies streamed in.
                shell.Position = 0;
                book.Bodies.Finish(shell, output);
                return;
            }
            shell?.Dispose();
        }
        if (frame is null) WriteLaidOut(book, output);
        else frame.Emit(book, output);
    }

    /// <summary>The workbook as ClosedXML lays it out, the table bodies streamed in: what every audit cost before frames, and what a frame is checked against.</summary>
    public static void WriteLaidOut(WorkbookPlan book, Stream output)
    {
        MemoryStream shell;
        lock (ClosedXmlGate.Lock) shell = book.LayOut();
        book.Bodies.Finish(shell, output);
    }

    private static WorkbookFrame? Build(byte[] package, WorkbookPlan book)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var (paths, sharedStrings) = TableBodies.Locate(zip);
        if (sharedStrings is null) return null;
        var sheets = new Dictionary<string, SheetFrame>(StringComparer.Ordinal);
        foreach (var plan in book.Sheets)
        {
            string xml;
            using (var r = new StreamReader(zip.GetEntry(paths[plan.Name])!.Open(), Utf8)) xml = r.ReadToEnd();
            if (SheetFrame.Build(xml, plan) is not { } sheet) return null;
            sheets[plan.Name] = sheet;
        }
        var frame = new WorkbookFrame(package, sheets, paths, sharedStrings);
        // The properties and names as this frame would write them for the audit it was laid out for.
        if (zip.Entries.FirstOrDefault(e => e.FullName.EndsWith(".psmdcp", StringComparison.Ordinal)) is { } core)
        {
            using var r = new StreamReader(core.Open(), Utf8);
            var text = r.ReadToEnd();
            if (Properties(text, book) != text) return null;
        }
        using (var r = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open(), Utf8))
        {
            var text = r.ReadToEnd();
            if (Names(text, book) != text) return null;
        }
        return frame;
    }

    private void Emit(WorkbookPlan book, Stream output)
    {
        using var input = new ZipArchive(new MemoryStream(_package), ZipArchiveMode.Read);
        var strings = new TableBodies.SharedStrings();
        var charts = book.Bodies.ChartParts(input, _paths);
        var plans = book.Sheets.ToDictionary(p => _paths[p.Name], StringComparer.Ordinal);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in input.Entries)
        {
            var name = entry.FullName;
            if (name == _sharedStrings || charts.Replaced.ContainsKey(name)) continue;
            var copy = zip.CreateEntry(name, CompressionLevel.Fastest);
            using var to = copy.Open();
            if (plans.TryGetValue(name, out var plan))
            {
                if (charts.Sheets.TryGetValue(name, out var relId))
                {
                    using var sheet = new MemoryStream();
                    _sheets[plan.Name].Write(plan, sheet, strings);
                    sheet.Position = 0;
                    TableBodies.WithDrawing(sheet, to, relId);
                }
                else _sheets[plan.Name].Write(plan, to, strings);
                continue;
            }
            using var from = entry.Open();
            if (name == "xl/workbook.xml" || name.EndsWith(".psmdcp", StringComparison.Ordinal))
            {
                using var r = new StreamReader(from, Utf8, detectEncodingFromByteOrderMarks: false);
                var text = r.ReadToEnd();
                text = name == "xl/workbook.xml" ? Names(text, book) : Properties(text, book);
                to.Write(Utf8.GetBytes(text));
            }
            else from.CopyTo(to);
        }
        foreach (var (name, text) in charts.Replaced.Select(r => (r.Key, r.Value)).Concat(charts.Added))
        {
            using var to = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            to.Write(Utf8.GetBytes(text));
        }
        using var sst = zip.CreateEntry(_sharedStrings, CompressionLevel.Fastest).Open();
        strings.Write(sst);
    }

    /// <summary>The core properties with this audit's title and dates, written as the packaging library writes them.</summary>
    private static string Properties(string text, WorkbookPlan book)
    {
        var date = XmlConvert.ToString(book.Created.ToUniversalTime(), "yyyy-MM-ddTHH:mm:ss.fffffffZ");
        text = CreatedRe().Replace(text, m => m.Groups[1].Value + date + m.Groups[3].Value);
        text = ModifiedRe().Replace(text, m => m.Groups[1].Value + date + m.Groups[3].Value);
        return TitleRe().Replace(text, m => m.Groups[1].Value + Escape(book.Title) + m.Groups[3].Value);
    }

    /// <summary>The workbook part with this audit's filter ranges and print areas in its defined names.</summary>
    private static string Names(string text, WorkbookPlan book) => DefinedNameRe().Replace(text, m =>
    {
        var index = int.Parse(m.Groups["sheet"].Value, CultureInfo.InvariantCulture);
        if (index >= book.Sheets.Count) return m.Value;
        var plan = book.Sheets[index];
        var range = m.Groups["name"].Value == "_xlnm._FilterDatabase" ? plan.Filter : plan.PrintArea;
        if (range is not { } r) return m.Value;
        var value = m.Groups["value"].Value;
        var bang = value.LastIndexOf('!');
        return m.Groups["open"].Value + value[..(bang + 1)] + Absolute(r) + "</x:definedName>";
    });

    private static string Absolute((int R1, int C1, int R2, int C2) r) => string.Create(CultureInfo.InvariantCulture,
        $"${Model.CellRef.ColumnName(r.C1)}${r.R1}:${Model.CellRef.ColumnName(r.C2)}${r.R2}");

    internal static string Relative((int R1, int C1, int R2, int C2) r) =>
        TableBodies.CellRefName(r.C1, r.R1) + ":" + TableBodies.CellRefName(r.C2, r.R2);

    internal static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\r", "&#xD;", StringComparison.Ordinal);

    [GeneratedRegex("(<dcterms:created[^>]*>)([^<]*)(</dcterms:created>)")]
    private static partial Regex CreatedRe();

    [GeneratedRegex("(<dcterms:modified[^>]*>)([^<]*)(</dcterms:modified>)")]
    private static partial Regex ModifiedRe();

    [GeneratedRegex("(<dc:title>)([^<]*)(</dc:title>)")]
    private static partial Regex TitleRe();

    [GeneratedRegex("(?<open><x:definedName name=\"(?<name>_xlnm\\._FilterDatabase|_xlnm\\.Print_Area)\" localSheetId=\"(?<sheet>\\d+)\"[^>]*>)(?<value>[^<]*)</x:definedName>")]
    private static partial Regex DefinedNameRe();
}
