using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Consolidator.Core.Tests.EndToEnd;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Writing;

/// <summary>
/// Golden outputs: each sheet of the result workbook rendered to text — cells, merges, fills,
/// bold, widths, freeze, print setup — compared with Golden/&lt;scenario&gt;.&lt;sheet&gt;.txt, with a
/// fixed clock. When a layout change is intended, re-approve with
/// <c>CONSOLIDATOR_APPROVE=1 dotnet test --filter GoldenWorkbookTests</c> and review the diff.
/// (Reading our own output with ClosedXML is fine; it never reads submissions.)
/// </summary>
[TestClass]
public sealed class GoldenWorkbookTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 28, 6, 0, 0, TimeSpan.FromHours(9));

    [TestMethod]
    [DataRow("seed")]
    [DataRow("conflicts")]
    [DataRow("shared-checklist")]
    public void ResultWorkbook_MatchesGolden(string scenario)
    {
        var s = Scenarios.All().Single(x => x.Name == scenario);
        AssertGolden(scenario, new Consolidation().Run(s.Sources).Audits.Single());
    }

    /// <summary>提出状況 (its sheet and 総括's block, on a fixed day) and 前年度比較 (the later year of two).</summary>
    [TestMethod]
    [DataRow("roster")]
    [DataRow("two-years")]
    public void FollowUpWorkbook_MatchesGolden(string scenario)
    {
        var s = Scenarios.All().Single(x => x.Name == scenario);
        var options = new ConsolidationOptions { Calendar = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Scenarios.RosterDay) };
        AssertGolden(scenario, new Consolidation(options).Run(s.Sources).Audits.MaxBy(a => a.Key.FiscalYear)!);
    }

    private static void AssertGolden(string scenario, Core.Model.AuditResult audit)
    {
        using var ms = new MemoryStream();
        ResultWorkbook.Write(audit, GeneratedAt, ms);
        ms.Position = 0;
        using var wb = new XLWorkbook(ms);

        var approve = Environment.GetEnvironmentVariable("CONSOLIDATOR_APPROVE") == "1";
        // CI never approves: a build that wrote its own goldens would compare nothing.
        if (approve && Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            Assert.Fail("CONSOLIDATOR_APPROVE=1 is set under CI: golden renderings are approved by hand only.");
        var mismatches = new List<string>();
        var sheets = wb.Worksheets.Select(ws => ws.Name).ToHashSet(StringComparer.Ordinal);
        // A golden file of this scenario whose sheet the workbook no longer has is a difference too.
        foreach (var orphan in GoldenSheets(scenario).Where(name => !sheets.Contains(name)))
            mismatches.Add($"{scenario}.{orphan}.txt: the workbook has no sheet {orphan}");
        var approved = new List<string>();
        foreach (var ws in wb.Worksheets)
        {
            var path = Path.Combine(Repository.Golden, $"{scenario}.{ws.Name}.txt");
            var actual = Render(ws);
            if (approve)
            {
                if (!File.Exists(path) || File.ReadAllText(path) != actual) approved.Add(ws.Name);
                File.WriteAllText(path, actual, new UTF8Encoding(false));
                continue;
            }
            if (!File.Exists(path))
            {
                mismatches.Add($"{path} does not exist (approve with CONSOLIDATOR_APPROVE=1)");
                continue;
            }
            var expected = File.ReadAllText(path);
            if (expected != actual) mismatches.Add($"{ws.Name}: first difference at line {FirstDifference(expected, actual)}");
        }
        // Approving is never a pass: the test says what it wrote and must be run again without approval.
        if (approve)
            Assert.Inconclusive($"Approved {approved.Count} rendering(s) of {scenario} ({string.Join(", ", approved)}); review the diff and run again without CONSOLIDATOR_APPROVE."
                + (mismatches.Count > 0 ? "\n" + string.Join("\n", mismatches) : ""));
        Assert.AreEqual(0, mismatches.Count, string.Join("\n", mismatches));
    }

    /// <summary>The sheet names of the golden files of one scenario (Golden/&lt;scenario&gt;.&lt;sheet&gt;.txt).</summary>
    internal static IEnumerable<string> GoldenSheets(string scenario) =>
        Directory.EnumerateFiles(Repository.Golden, scenario + ".*.txt")
            .Select(f => Path.GetFileNameWithoutExtension(f)[(scenario.Length + 1)..])
            .Where(name => !name.Contains('.', StringComparison.Ordinal));

    [TestMethod]
    public void EveryGoldenFile_BelongsToAScenarioTestedHere()
    {
        string[] scenarios = ["seed", "conflicts", "shared-checklist", "roster", "two-years"];
        var stray = Directory.EnumerateFiles(Repository.Golden, "*.txt").Select(Path.GetFileName)
            .Where(f => !scenarios.Any(s => f!.StartsWith(s + ".", StringComparison.Ordinal) && !f[(s.Length + 1)..^4].Contains('.', StringComparison.Ordinal)))
            .ToList();
        Assert.AreEqual(0, stray.Count, "golden files of no tested scenario: " + string.Join(", ", stray));
        Assert.IsTrue(GoldenSheets("seed").Contains("総括"), "the seed's 総括 golden is found");
    }

    private static string FirstDifference(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var l = i < x.Length ? x[i] : "<end>";
            var r = i < y.Length ? y[i] : "<end>";
            if (l != r) return $"{i + 1}\n  expected: {l}\n  actual:   {r}";
        }
        return "?";
    }

    internal static string Render(IXLWorksheet ws)
    {
        var sb = new StringBuilder();
        var p = ws.PageSetup;
        sb.AppendLine(CultureInfo.InvariantCulture, $"# {ws.Name}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"page: {p.PaperSize} {p.PageOrientation} fit {p.PagesWide}x{p.PagesTall} repeat-rows {p.FirstRowToRepeatAtTop}-{p.LastRowToRepeatAtTop} footer '{p.Footer.Center.GetText(XLHFOccurrence.AllPages)}'");
        sb.AppendLine(CultureInfo.InvariantCulture, $"freeze: rows {ws.SheetView.SplitRow} columns {ws.SheetView.SplitColumn}; filter: {(ws.AutoFilter.IsEnabled ? ws.AutoFilter.Range.RangeAddress.ToString() : "none")}");
        var used = ws.RangeUsed(XLCellsUsedOptions.Contents);
        var lastColumn = used?.LastColumn().ColumnNumber() ?? 0;
        sb.AppendLine("widths: " + string.Join(" ", Enumerable.Range(1, lastColumn).Select(c => $"{XLHelper.GetColumnLetterFromNumber(c)}={ws.Column(c).Width.ToString("0.#", CultureInfo.InvariantCulture)}")));
        sb.AppendLine("merges: " + string.Join(" ", ws.MergedRanges.Select(m => m.RangeAddress.ToString()).Order(StringComparer.Ordinal)));
        var validations = ws.DataValidations.Select(v => $"{string.Join(",", v.Ranges.Select(r => r.RangeAddress.ToString()))} {v.AllowedValues} {v.Value}");
        sb.AppendLine("validation: " + string.Join("; ", validations));
        foreach (var cell in ws.CellsUsed(XLCellsUsedOptions.Contents).OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber))
        {
            var style = new List<string>();
            if (cell.Style.Font.Bold) style.Add("b");
            if (cell.Style.Fill.PatternType == XLFillPatternValues.Solid) style.Add("fill " + cell.Style.Fill.BackgroundColor.Color.ToArgb().ToString("X8", CultureInfo.InvariantCulture)[2..]);
            if (cell.Style.Alignment.WrapText) style.Add("wrap");
            var value = cell.DataType == XLDataType.Number ? "#" + cell.GetDouble().ToString(CultureInfo.InvariantCulture) : cell.GetString().Replace("\n", "⏎");
            sb.AppendLine(CultureInfo.InvariantCulture, $"{cell.Address} [{string.Join(" ", style)}] {value}");
        }
        return sb.ToString();
    }
}
