using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Writing;

/// <summary>
/// The result workbook written from a frame (ClosedXML's layout kept per shape, the audit's cells
/// streamed in) reads exactly as the workbook ClosedXML lays out for that audit alone: every
/// styled cell's value and whole style (font, fill, four borders, alignment, number format), row
/// heights, column widths, merges, validation, filter, freeze, print setup and areas, defined
/// names, document properties, and the chart parts byte for byte. Checked for every scenario's
/// audits, each written once with a cold cache (its frame laid out from it) and again from the
/// frame another audit of its shape left.
/// </summary>
[TestClass]
public sealed class WorkbookFrameTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 6, 0, 0, TimeSpan.FromHours(9));

    public static IEnumerable<object[]> ScenarioNames() => Scenarios.All().Select(s => new object[] { s.Name });

    [TestMethod]
    [DynamicData(nameof(ScenarioNames))]
    public void FramedWorkbook_ReadsAsClosedXmlLaidItOut(string scenario)
    {
        var s = Scenarios.All().Single(x => x.Name == scenario);
        var options = new ConsolidationOptions { Calendar = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Scenarios.RosterDay) };
        var audits = new Consolidation(options).Run(s.Files.Select(f => f.ToSource())).Audits;
        Assert.IsNotEmpty(audits);
        foreach (var audit in audits)
        {
            var expected = Render(Bytes(st => ResultWorkbook.WriteLaidOut(audit, At, st)));
            lock (FrameCache.Lock)
            {
                WorkbookFrame.Clear();
                var refused = WorkbookFrame.Counts.Refused;
                var cold = Bytes(st => ResultWorkbook.Write(audit, At, st));
                var warm = Bytes(st => ResultWorkbook.Write(audit, At, st));
                Assert.AreEqual(refused, WorkbookFrame.Counts.Refused, $"{audit.Key}: the shape could not be framed");
                Assert.AreEqual(1, WorkbookFrame.Counts.Kept, $"{audit.Key}: one shape, one frame");
                AssertSame(expected, Render(cold), $"{audit.Key} (cold)");
                AssertSame(expected, Render(warm), $"{audit.Key} (warm)");
            }
        }
    }

    /// <summary>
    /// A frame laid out from one audit serves another of its shape — another target, other texts and
    /// so other heights and widths, the same kinds of rows — and that audit's workbook reads as its
    /// own ClosedXML layout.
    /// </summary>
    [TestMethod]
    public void FrameOfOneAudit_WritesAnotherOfItsShape()
    {
        var first = new Consolidation().Run(Scenarios.Conflicts().Files.Select(f => f.ToSource())).Audits.Single();
        var second = first with
        {
            Key = new AuditKey("人事給与システム（別の監査）", first.Key.FiscalYear + 1),
            Items = [.. first.Items.Select((i, n) => i with
            {
                Text = i.Text + string.Concat(Enumerable.Repeat("（改訂後の項目文）", n % 4)),
                Findings = i.Findings.Length == 0 ? "" : i.Findings + string.Concat(Enumerable.Repeat("、再確認が必要", n % 3)),
            })],
        };
        lock (FrameCache.Lock)
        {
            WorkbookFrame.Clear();
            var built = WorkbookFrame.Counts.Built;
            Bytes(st => ResultWorkbook.Write(first, At, st));
            var framed = Bytes(st => ResultWorkbook.Write(second, At.AddDays(1), st));
            Assert.AreEqual(1, WorkbookFrame.Counts.Built - built, "the second audit is written from the first one's frame");
            AssertSame(Render(Bytes(st => ResultWorkbook.WriteLaidOut(second, At.AddDays(1), st))), Render(framed), second.Key.ToString());
        }
    }

    /// <summary>Writing the same audits again and again lays out nothing more: the cache holds one frame per shape, not per audit.</summary>
    [TestMethod]
    public void RepeatedWriting_KeepsOneFramePerShape()
    {
        var audit = new Consolidation().Run(Scenarios.Seed().Files.Select(f => f.ToSource())).Audits.Single();
        lock (FrameCache.Lock)
        {
            WorkbookFrame.Clear();
            var built = WorkbookFrame.Counts.Built;
            for (var i = 0; i < 5; i++) Bytes(st => ResultWorkbook.Write(audit, At.AddMinutes(i), st));
            Assert.AreEqual(1, WorkbookFrame.Counts.Built - built);
            Assert.AreEqual(1, WorkbookFrame.Counts.Kept);
        }
    }

    /// <summary>Audits of a new shape written at once (the consolidation writes audits in parallel) lay the shape out once, and each reads as ClosedXML laid it out.</summary>
    [TestMethod]
    public void AuditsOfOneShapeWrittenAtOnce_LayItOutOnce()
    {
        var audit = new Consolidation().Run(Scenarios.Conflicts().Files.Select(f => f.ToSource())).Audits.Single();
        var expected = Render(Bytes(st => ResultWorkbook.WriteLaidOut(audit, At, st)));
        lock (FrameCache.Lock)
        {
            WorkbookFrame.Clear();
            var built = WorkbookFrame.Counts.Built;
            var outputs = new byte[4][];
            Parallel.For(0, outputs.Length, i => outputs[i] = Bytes(st => ResultWorkbook.Write(audit, At, st)));
            Assert.AreEqual(1, WorkbookFrame.Counts.Built - built);
            foreach (var output in outputs) AssertSame(expected, Render(output), "written at once");
        }
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }

    private static void AssertSame(string expected, string actual, string what)
    {
        if (expected == actual) return;
        var x = expected.Split('\n');
        var y = actual.Split('\n');
        var i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i]) i++;
        Assert.Fail($"{what}: first difference at line {i + 1}\n  expected: {(i < x.Length ? x[i] : "<end>")}\n  actual:   {(i < y.Length ? y[i] : "<end>")}");
    }

    /// <summary>Everything a reader of the workbook sees, as text (ClosedXML reads our own output; it never reads submissions).</summary>
    internal static string Render(byte[] package)
    {
        var sb = new StringBuilder();
        using (var wb = new XLWorkbook(new MemoryStream(package)))
        {
            var p = wb.Properties;
            sb.AppendLine(CultureInfo.InvariantCulture, $"properties: {p.Title} | {p.Subject} | {p.Author} | {p.Created:O} | {p.Modified:O}");
            foreach (var n in wb.NamedRanges) sb.AppendLine(CultureInfo.InvariantCulture, $"name: {n.Name} {n.RefersTo}");
            foreach (var ws in wb.Worksheets)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"# {ws.Name} tab {ws.TabActive} {ws.TabSelected} grid {ws.ShowGridLines}");
                foreach (var n in ws.NamedRanges) sb.AppendLine(CultureInfo.InvariantCulture, $"name: {n.Name} {n.RefersTo}");
                var ps = ws.PageSetup;
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"page: {ps.PaperSize} {ps.PageOrientation} scale {ps.Scale} fit {ps.PagesWide}x{ps.PagesTall} rows {ps.FirstRowToRepeatAtTop}-{ps.LastRowToRepeatAtTop} columns {ps.FirstColumnToRepeatAtLeft}-{ps.LastColumnToRepeatAtLeft} "
                    + $"margins {ps.Margins.Left} {ps.Margins.Right} {ps.Margins.Top} {ps.Margins.Bottom} {ps.Margins.Header} {ps.Margins.Footer} centred {ps.CenterHorizontally} "
                    + $"header '{ps.Header.Left.GetText(XLHFOccurrence.AllPages)}' footer '{ps.Footer.Center.GetText(XLHFOccurrence.AllPages)}' areas {string.Join(",", ps.PrintAreas.Select(a => a.RangeAddress.ToString()))}");
                sb.AppendLine(CultureInfo.InvariantCulture, $"freeze: {ws.SheetView.SplitRow} {ws.SheetView.SplitColumn}; filter: {(ws.AutoFilter.IsEnabled ? ws.AutoFilter.Range.RangeAddress.ToString() : "none")}");
                var used = ws.RangeUsed(XLCellsUsedOptions.All);
                var lastColumn = used?.LastColumn().ColumnNumber() ?? 0;
                var lastRow = used?.LastRow().RowNumber() ?? 0;
                sb.AppendLine("used: " + (used?.RangeAddress.ToString() ?? "none"));
                sb.AppendLine("widths: " + string.Join(" ", Enumerable.Range(1, lastColumn).Select(c => ws.Column(c).Width.ToString("0.###", CultureInfo.InvariantCulture))));
                sb.AppendLine("heights: " + string.Join(" ", Enumerable.Range(1, lastRow).Select(r => ws.Row(r).Height.ToString("0.###", CultureInfo.InvariantCulture))));
                sb.AppendLine("merges: " + string.Join(" ", ws.MergedRanges.Select(m => m.RangeAddress.ToString()).Order(StringComparer.Ordinal)));
                foreach (var v in ws.DataValidations)
                    sb.AppendLine(CultureInfo.InvariantCulture,
                        $"validation: {string.Join(",", v.Ranges.Select(r => r.RangeAddress.ToString()))} {v.AllowedValues} {v.Value} {v.IgnoreBlanks} {v.ErrorStyle} {v.ErrorTitle} {v.ErrorMessage} {v.InCellDropdown}");
                foreach (var cell in ws.CellsUsed(XLCellsUsedOptions.All).OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber))
                {
                    var st = cell.Style;
                    var f = st.Font;
                    var b = st.Border;
                    var a = st.Alignment;
                    var value = cell.DataType == XLDataType.Number ? "#" + cell.GetDouble().ToString(CultureInfo.InvariantCulture) : cell.GetString().Replace("\n", "⏎", StringComparison.Ordinal);
                    sb.AppendLine(CultureInfo.InvariantCulture,
                        $"{cell.Address} {cell.DataType} [{f.FontName} {f.FontSize} {f.Bold} {f.Italic} {f.FontColor} | {st.Fill.PatternType} {st.Fill.BackgroundColor} | "
                        + $"{b.LeftBorder} {b.LeftBorderColor} {b.RightBorder} {b.RightBorderColor} {b.TopBorder} {b.TopBorderColor} {b.BottomBorder} {b.BottomBorderColor} | "
                        + $"{a.Horizontal} {a.Vertical} {a.WrapText} | {st.NumberFormat.NumberFormatId} {st.NumberFormat.Format}] {value}");
                }
            }
        }
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/charts/", StringComparison.Ordinal) || e.FullName.StartsWith("xl/drawings/", StringComparison.Ordinal)
                     || e.FullName.Contains("/_rels/sheet", StringComparison.Ordinal) || e.FullName == "[Content_Types].xml" || e.FullName == "docProps/app.xml").OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var r = new StreamReader(entry.Open());
            sb.AppendLine(CultureInfo.InvariantCulture, $"part {entry.FullName}: {r.ReadToEnd()}");
        }
        return sb.ToString();
    }
}

/// <summary>Tests that clear or count the process-wide frame cache take this lock, so they do not count each other's frames.</summary>
internal static class FrameCache
{
    public static readonly object Lock = new();
}
