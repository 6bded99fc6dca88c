using System.Diagnostics;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// Inputs that once broke something, kept as files in Data/Regressions, each with the outcome it
/// has now. Add a row for every input the fuzz test or a real office finds.
/// </summary>
[TestClass]
public sealed class RegressionTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    //       file                                          outcome             what it broke
    // A cell reference 300 million columns right: the reader sized every row to it; hung, 2.5 GB.
    [DataRow("cell-reference-beyond-xfd.xlsx",              "corrupt")]
    // An empty formatted cell in Excel's last row: refused as "more than 100,000 rows".
    [DataRow("formatted-cell-in-last-row.xlsx",             "read")]
    // An empty formatted cell at XFD1048576: 17 billion cells scanned, 7 s per sheet.
    [DataRow("formatted-cell-at-xfd1048576.xlsx",           "too-large")]
    // Half an .xls: its directory was missing, and it was called "not a workbook".
    [DataRow("xls-cut-short.xls",                           "corrupt")]
    // Fuzz case 2090 (seed 20231024): one record length changed; the reader resynchronised on garbage, 6 s and 1.3 GB.
    [DataRow("xls-record-length-misaligns-stream.xls",      "corrupt")]
    // Fuzz case 2761 (seed 20231024): a MULBLANK and a record length damaged; 6 s and 1.3 GB.
    [DataRow("xls-mulblank-and-record-length-damaged.xls",  "corrupt")]
    // A control character in 対象業務: the result workbook's title made the writer throw.
    [DataRow("target-with-control-character.csv",           "read")]
    // One invalid byte in a CSV that starts with a UTF-8 BOM: refused as "neither a workbook nor text".
    [DataRow("utf8-bom-csv-with-a-damaged-byte.csv",        "read")]
    // Fuzz case 33040 (seed 4242, scale 10): 判定 in the header damaged, 区分 監査人 kept; merging threw NullReferenceException.
    [DataRow("auditor-checklist-without-judgment-column.csv", "read")]
    public void Regression_EndsAsItShould(string file, string outcome)
    {
        var watch = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var submission = Reads.Ingest(Reads.Data("Regressions/" + file), file);
        TestContext.WriteLine($"{file}: {watch.ElapsedMilliseconds} ms, {(GC.GetAllocatedBytesForCurrentThread() - before) / 1024 / 1024} MB allocated: {submission.Rejection?.ToString() ?? "read"}");

        Assert.AreEqual(outcome, submission.Rejection?.Code ?? "read", submission.Rejection?.ToString());
        if (submission.Rejection is { } r) HostileInputTests.AssertBilingual(r);
        else WriteOutputs(submission);
    }

    /// <summary>What is read goes through merging and both writers without an exception.</summary>
    private static void WriteOutputs(Submission submission)
    {
        var result = new Consolidation().Consolidate([submission]);
        Assert.IsNotEmpty(result.Audits);
        foreach (var audit in result.Audits)
        {
            using var xlsx = new MemoryStream();
            ResultWorkbook.Write(audit, Reads.Received, xlsx);
            using var csv = new MemoryStream();
            ItemsCsv.Write(audit, csv);
            Assert.IsGreaterThan(0L, xlsx.Length);
        }
    }
}
