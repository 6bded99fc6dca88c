using System.Text;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Model;

/// <summary>
/// Parked rows come back as they were read, and a consolidation over parked submissions writes
/// exactly what one over submissions held in memory writes.
/// </summary>
[TestClass]
public sealed class RowSpillTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 28, 6, 0, 0, TimeSpan.FromHours(9));

    public static IEnumerable<object[]> Names => Scenarios.All().Select(s => new object[] { s.Name });

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Restore_GivesBackEveryRowWithItsCellsJudgmentsAndNotes(string name)
    {
        var pipeline = new Consolidation();
        using var spill = new RowSpill();
        foreach (var file in Scenarios.All().Single(s => s.Name == name).Sources)
        {
            var read = pipeline.Ingest(file);
            var parked = spill.Park(read);
            if (read.Rows.Count > 0)
            {
                Assert.AreEqual(0, parked.Rows.Count);
                Assert.AreEqual(read.Rows.Count, parked.RowCount);
                Assert.AreEqual(read.RowsRead, parked.RowsRead);
            }
            var restored = RowSpill.Restore(parked);
            Assert.IsNull(restored.Parked);
            Assert.AreEqual(Describe(read.Rows), Describe(restored.Rows), file.RelativePath);
            for (var i = 0; i < read.Rows.Count; i++)
                Assert.AreSame(read.Rows[i].ParsedJudgment.Class, restored.Rows[i].ParsedJudgment.Class, "the scale's own class");
        }
    }

    // Category paths and the judgments of items on several sheets are parked and restored with their rows.
    [TestMethod]
    [DataRow("parallel-sheets")]
    [DataRow("masvs-like")]
    [DataRow("headings")]
    public void Restore_GivesBackCategoryPathsAndEverySheetsJudgment(string book)
    {
        var read = Support.RecognitionData.Read(book, "builder");
        using var spill = new RowSpill();

        var restored = RowSpill.Restore(spill.Park(read));

        Assert.AreEqual(Describe(read.Rows), Describe(restored.Rows));
        Assert.IsTrue(read.Rows.Any(r => r.Scopes.Count > 0 || r.CategoryPath.Count > 0));
        for (var i = 0; i < read.Rows.Count; i++)
            for (var j = 0; j < read.Rows[i].Scopes.Count; j++)
                Assert.AreSame(read.Rows[i].Scopes[j].Parsed.Class, restored.Rows[i].Scopes[j].Parsed.Class, "the scale's own class");
    }

    [TestMethod]
    [DataRow("conflicts")]
    [DataRow("shared-checklist")]
    [DataRow("resubmission")]
    [DataRow("multi-audit")]
    [DataRow("spellings")]
    [DataRow("two-years")]
    public void Consolidate_OverParkedSubmissions_WritesWhatItWritesFromMemory(string name)
    {
        var pipeline = new Consolidation();
        var read = Scenarios.All().Single(s => s.Name == name).Sources.Select(f => pipeline.Ingest(f)).ToList();
        using var spill = new RowSpill();
        var parked = read.Select(spill.Park).ToList();

        var fromMemory = pipeline.Consolidate(read);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        var streamed = pipeline.Consolidate(parked, audit => { lock (written) written[audit.Key.ToString()] = Csv(audit); }, CancellationToken.None);

        Assert.AreEqual(fromMemory.Audits.Count, streamed.Audits.Count);
        for (var i = 0; i < fromMemory.Audits.Count; i++)
        {
            var full = fromMemory.Audits[i];
            var released = streamed.Audits[i];
            Assert.AreEqual(Csv(full), written[full.Key.ToString()], full.Key.ToString());
            Assert.IsTrue(released.IsReleased);
            Assert.AreEqual(0, released.Items.Count);
            CollectionAssert.AreEqual(full.Counts.Select(c => c.Count).ToList(), released.Counts.Select(c => c.Count).ToList());
            Assert.AreEqual(full.Pending, released.Pending);
            Assert.AreEqual(full.ReviewCount, released.ReviewCount);
            Assert.AreEqual(full.Status, released.Status);
            Assert.AreEqual(full.Inputs.Count, released.Inputs.Count);
        }
        CollectionAssert.AreEqual(
            fromMemory.Files.Select(f => $"{f.Source.RelativePath} {f.Status} {f.RowsRead} {f.RowsMerged} {f.RowsListed}").ToList(),
            streamed.Files.Select(f => $"{f.Source.RelativePath} {f.Status} {f.RowsRead} {f.RowsMerged} {f.RowsListed}").ToList());
    }

    private static string Csv(AuditResult audit)
    {
        using var ms = new MemoryStream();
        ItemsCsv.Write(audit, ms);
        using var wb = new MemoryStream();
        ResultWorkbook.Write(audit, GeneratedAt, wb);
        // The workbook's cells, as a person reads them, beside the CSV.
        var cells = Core.Reading.WorkbookReader.Read(new MemoryStream(wb.ToArray()), "x.xlsx").Sheets
            .SelectMany(s => s.Rows.SelectMany((r, i) => r.Select((c, j) => $"{s.Name}!{i + 1}:{j + 1}={c}")));
        return Encoding.UTF8.GetString(ms.ToArray()) + string.Join("\n", cells);
    }

    private static string Describe(IReadOnlyList<ItemRow> rows)
    {
        var sb = new StringBuilder();
        foreach (var r in rows)
        {
            sb.Append($"{r.Id}|{r.RawId.Text}@{r.RawId.Cell}|{r.Sheet}|{r.Row}|{F(r.Category)}|{F(r.ItemText)}|{F(r.Basis)}|{F(r.Judgment)}|");
            sb.Append($"{r.ParsedJudgment.State}:{r.ParsedJudgment.Class?.Symbol}:{r.ParsedJudgment.Original}|{F(r.Finding)}|{F(r.Recommendation)}|");
            sb.Append($"{F(r.Answer)}|{r.ParsedAnswer}|{F(r.AnswerDetail)}|{F(r.Evidence)}|{F(r.Remarks)}|{r.IsDuplicate}|{string.Join(" › ", r.CategoryPath)}|");
            foreach (var x in r.Scopes)
                sb.Append($"<{x.Sheet} {x.Row} {F(x.Judgment)} {x.Parsed.State}:{x.Parsed.Class?.Symbol}:{x.Parsed.Original} {F(x.Finding)} {F(x.Recommendation)} {F(x.Answer)} {x.ParsedAnswer}>");
            foreach (var n in r.AuditorNotes.Concat(r.VendorNotes))
                sb.Append($"[{n.Kind} {n.ItemId} {string.Join(",", n.Cells)} {n.Original} {n.MessageJa} {n.MessageEn} {n.FixJa} {n.FixEn}]");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string F(Field? f) => f is null ? "-" : $"{f.Text}@{f.Cell}";
}
