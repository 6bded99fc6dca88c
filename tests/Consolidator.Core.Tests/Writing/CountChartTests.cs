using System.IO.Compression;
using System.Xml.Linq;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Consolidator.Core.Tests.Writing;

/// <summary>
/// The pictures of the counts, read back from the written packages: on 総括 a bar per class beside
/// the count table with the audit's numbers, the 指摘事項 classes in their judgment colours; on the
/// overview one stacked bar per audit. The SDK's validator finds nothing to repair in either.
/// </summary>
[TestClass]
public sealed class CountChartTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 6, 0, 0, TimeSpan.FromHours(9));
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static readonly XNamespace Xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

    private static ConsolidationResult Consolidate(Scenario s) => new Consolidation().Run(s.Files.Select(f => f.ToSource()));

    private static (XDocument Chart, XDocument Drawing) ChartOf(byte[] package, string sheet)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(package), false);
        var part = (WorksheetPart)doc.WorkbookPart!.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheet).Id!);
        var drawing = part.DrawingsPart ?? throw new AssertFailedException($"{sheet} has no drawing");
        using var d = drawing.GetStream();
        using var c = drawing.ChartParts.Single().GetStream();
        return (XDocument.Load(c), XDocument.Load(d));
    }

    private static List<string> Errors(byte[] package)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(package), false);
        return new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    [TestMethod]
    public void Summary_HasABarPerClass_WithTheAuditsCounts_FindingsInTheirColours()
    {
        var audit = Consolidate(Scenarios.Conflicts()).Audits.Single();
        using var ms = new MemoryStream();
        ResultWorkbook.Write(audit, At, ms);

        var (chart, drawing) = ChartOf(ms.ToArray(), "総括");

        var series = chart.Descendants(C + "ser").Single();
        CollectionAssert.AreEqual(audit.Counts.Select(c => c.Class.Label).ToArray(), series.Element(C + "cat")!.Descendants(C + "v").Select(v => v.Value).ToArray());
        CollectionAssert.AreEqual(audit.Counts.Select(c => c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            series.Element(C + "val")!.Descendants(C + "v").Select(v => v.Value).ToArray());
        var coloured = series.Elements(C + "dPt").ToDictionary(p => int.Parse(p.Element(C + "idx")!.Attribute("val")!.Value, System.Globalization.CultureInfo.InvariantCulture),
            p => p.Descendants(A + "srgbClr").First().Attribute("val")!.Value);
        var findings = audit.Counts.Select((c, i) => (c.Class, i)).Where(x => x.Class.IsFinding).ToList();
        Assert.HasCount(3, findings);
        foreach (var (cls, i) in findings) Assert.AreEqual(cls.Colour, coloured[i], cls.Label);
        Assert.IsFalse(coloured.Keys.Except(findings.Select(f => f.i)).Any(), "only the 指摘事項 classes are coloured by class");
        Assert.IsEmpty(chart.Descendants(C + "f"), "the numbers are in the chart, no formula over the cells");
        // Beside the count table: from the column right of 計 (H) on the table's title row.
        var from = drawing.Descendants(Xdr + "from").Single();
        Assert.AreEqual("7", from.Element(Xdr + "col")!.Value);
        Assert.AreEqual(0, Errors(ms.ToArray()).Count, string.Join("\n", Errors(ms.ToArray())));
    }

    [TestMethod]
    public void Overview_HasOneStackedBarPerAudit()
    {
        var result = Consolidate(Scenarios.MultiAudit());
        Assert.HasCount(2, result.Audits);
        using var ms = new MemoryStream();
        OverviewWorkbook.Write(result, At, ms);

        var (chart, _) = ChartOf(ms.ToArray(), "件数グラフ");

        Assert.AreEqual("stacked", chart.Descendants(C + "grouping").Single().Attribute("val")!.Value);
        var series = chart.Descendants(C + "ser").ToList();
        CollectionAssert.AreEqual(result.Audits[0].Scale.Classes.Select(c => c.Label).ToArray(), series.Select(s => s.Element(C + "tx")!.Value).ToArray());
        var audits = series[0].Element(C + "cat")!.Descendants(C + "v").Select(v => v.Value).ToArray();
        CollectionAssert.AreEqual(result.Audits.Select(a => $"{a.Key.Target} {a.Key.FiscalYearLabel}").ToArray(), audits);
        for (var a = 0; a < result.Audits.Count; a++)
        {
            var total = series.Sum(s => int.Parse(s.Element(C + "val")!.Descendants(C + "v").ElementAt(a).Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.AreEqual(result.Audits[a].Total, total, "each bar adds up to the audit's 計");
        }
        Assert.AreEqual(0, Errors(ms.ToArray()).Count, string.Join("\n", Errors(ms.ToArray())));
    }
}
