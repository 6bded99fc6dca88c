using System.Diagnostics;
using System.Globalization;
using System.Text;
using Consolidator.Core.Model;
using Consolidator.Core.Reading;
using Consolidator.Core.Recognising;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading.Fuzz;

/// <summary>
/// Thousands of mutations of valid .xlsx, .xls and .csv submissions (<see cref="Mutator"/>), from a
/// fixed seed: each must be read or refused with a reason — no exception escapes the reader or the
/// recogniser, no case runs past its timeout, no case allocates without bound. What is read must
/// hold to the limits (no control character, no text over the cell limit, no row or column past
/// them). Every readable case is also merged, and every 40th goes through both writers.
/// <para>
/// A failing case is written to fuzz-failures/ in the test results and named by its number; to
/// replay one, set CONSOLIDATOR_FUZZ_CASE=n. For a deeper run than CI's, set
/// CONSOLIDATOR_FUZZ_SEED (another seed) and CONSOLIDATOR_FUZZ_SCALE (a multiple of the cases).
/// An input that once broke something belongs in Data/Regressions with a row in RegressionTests.
/// </para>
/// </summary>
[TestClass]
public sealed class FuzzTests
{

    private static readonly int Seed = Setting("CONSOLIDATOR_FUZZ_SEED") ?? 20231024;

    private static readonly int Scale = Setting("CONSOLIDATOR_FUZZ_SCALE") ?? 1;

    /// <summary>Per-case timeout: far above the slowest legitimate case, far below a hang.</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Bytes one case may allocate; the bases are a few kilobytes.</summary>
    private const long MaxAllocatedPerCase = 768L * 1024 * 1024;

    private static readonly string[] KnownCodes =
        ["corrupt", "not-a-workbook", "encrypted", "xlsb", "ods", "empty", "empty-workbook", "no-table", "no-audit-key", "too-large", "zip-bomb", "unsafe", "timeout", "unreadable", "old-format"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Mutations_AreEachReadOrRefusedWithAReason_WithinTimeAndMemory()
    {
        var bases = Bases();
        var only = Setting("CONSOLIDATOR_FUZZ_CASE");
        var recogniser = new SubmissionRecogniser();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        long maxAllocated = 0;
        var maxAllocatedCase = "";
        var slowest = TimeSpan.Zero;
        var slowestCase = "";
        var written = 0;
        var number = 0;

        foreach (var (name, kind, bytes, cases) in bases)
        {
            for (var i = 0; i < cases * Scale; i++, number++)
            {
                if (only is not null && only != number) continue;
                TestContext.CancellationToken.ThrowIfCancellationRequested();
                var random = new Random(Seed + number);
                var mutant = Mutator.Mutate(bytes, kind, random);
                var label = $"case {number} ({name}: {mutant.How})";
                var run = Run(mutant.Bytes, name, recogniser, endToEnd: number % 40 == 0);
                if (run.Outcome is null)
                {
                    failures.Add($"{label}: no answer within {CaseTimeout.TotalSeconds:0} s (a hang)");
                    Save(number, name, mutant.Bytes);
                    break; // the thread is still running; the rest of this base would queue behind it
                }
                if (run.Failure is not null)
                {
                    failures.Add($"{label}: {run.Failure}");
                    Save(number, name, mutant.Bytes);
                }
                if (run.Allocated > maxAllocated) (maxAllocated, maxAllocatedCase) = (run.Allocated, label);
                if (run.Elapsed > slowest) (slowest, slowestCase) = (run.Elapsed, label);
                if (run.Allocated > MaxAllocatedPerCase)
                {
                    failures.Add($"{label}: allocated {run.Allocated / 1024 / 1024} MB");
                    Save(number, name, mutant.Bytes);
                }
                if (run.Written) written++;
                var key = $"{kind} {run.Outcome}";
                outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            }
        }
        watch.Stop();

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        TestContext.WriteLine($"fuzz: {number} cases from {bases.Count} bases (seed {Seed}) in {watch.Elapsed.TotalSeconds:0.0} s; {written} also merged and written");
        TestContext.WriteLine($"  slowest case {slowest.TotalMilliseconds:0} ms: {slowestCase}");
        TestContext.WriteLine($"  most allocated {maxAllocated / 1024.0 / 1024:0.0} MB: {maxAllocatedCase}");
        TestContext.WriteLine($"  peak working set of the test process {peak / 1024 / 1024} MB");
        foreach (var (outcome, count) in outcomes) TestContext.WriteLine($"  {count,5}  {outcome}");
        if (failures.Count > 0)
            Assert.Fail($"{failures.Count} of {number} cases failed:\n" + string.Join("\n", failures.Take(30)));
        Assert.IsLessThan(2L * 1024 * 1024 * 1024, peak, "memory stayed bounded");
    }

    /// <summary>
    /// The same .xlsx mutations (same seed, same numbers) read by the product's one-pass reader and
    /// by ExcelDataReader (<see cref="Consolidator.Core.Reading.Xlsx.ReaderDifferential"/>): where
    /// both read a mutant they must give the same cells, sheets and merged ranges; where one refuses
    /// it and the other does not, it must be for one of the known reasons: ExcelDataReader 3.6 fails
    /// on numbers over int in parts or attributes the product does not need (column widths, sheetId),
    /// on characters XML 1.0 does not allow (the product drops them), and finds no sheet when the
    /// relationships' namespace is damaged (the product reads them by name) — then the product reads
    /// what it refuses; and where the reference finds no sheet in a damaged workbook part and calls
    /// the file empty or unread, the product names the damaged XML (corrupt).
    /// </summary>
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void XlsxMutations_ReadCellForCellAsExcelDataReaderReadsThem()
    {
        var diff = new Consolidator.Core.Reading.Xlsx.ReaderDifferential();
        var number = 0;
        foreach (var (name, kind, bytes, cases) in Bases())
        {
            for (var i = 0; i < cases * Scale; i++, number++)
            {
                if (kind != "xlsx") continue;
                TestContext.CancellationToken.ThrowIfCancellationRequested();
                var mutant = Mutator.Mutate(bytes, kind, new Random(Seed + number));
                diff.Compare(mutant.Bytes, $"case {number} ({name}: {mutant.How})");
            }
        }
        TestContext.WriteLine(diff.Summary());
        foreach (var line in diff.Details.Take(100)) TestContext.WriteLine(line);
        Assert.IsGreaterThan(1_000, diff.Files);
        Assert.IsGreaterThan(500, diff.ReadByBoth);
        string[] explained = ["refused-by-reference-only", "refused-by-own-only", "refused-differently"];
        var unexplained = diff.Details.Where(d => !explained.Contains(d.Split('\t')[0])
            || d.StartsWith("refused-by-own-only", StringComparison.Ordinal) && !d.Contains("corrupt: ", StringComparison.Ordinal)
            || d.StartsWith("refused-differently", StringComparison.Ordinal) && !d.Contains("own corrupt", StringComparison.Ordinal) && !d.Contains("reference corrupt, own unreadable", StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(unexplained, diff.Summary() + string.Join("\n", unexplained.Take(20)));
    }

    private sealed record CaseRun(string? Outcome, string? Failure, long Allocated, TimeSpan Elapsed, bool Written);

    /// <summary>Reads (and recognises) one input on its own thread, within the case timeout.</summary>
    private static CaseRun Run(byte[] bytes, string name, SubmissionRecogniser recogniser, bool endToEnd)
    {
        var task = Task.Factory.StartNew(() =>
        {
            var watch = Stopwatch.StartNew();
            var before = GC.GetAllocatedBytesForCurrentThread();
            string outcome;
            string? failure = null;
            var written = false;
            try
            {
                var source = SourceFile.FromBytes("庶務事務システム_令和5年度/" + name, bytes, Reads.Received);
                RawWorkbook book;
                try
                {
                    book = WorkbookReader.Read(new MemoryStream(bytes, writable: false), name);
                }
                catch (UnreadableFileException e)
                {
                    failure = CheckRejection(e.Rejection);
                    return new CaseRun("refused " + e.Rejection.Code, failure, GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed, false);
                }
                failure = CheckBook(book);
                var submission = recogniser.Recognise(source, book);
                outcome = submission.IsRejected ? "recognised, refused " + submission.Rejection!.Code : "read";
                if (submission.Rejection is { } r) failure ??= CheckRejection(r);
                if (!submission.IsRejected)
                {
                    // Merging is cheap: every readable case is merged; writing (ClosedXML) is not: every 40th.
                    var result = new Consolidation().Consolidate([submission]);
                    if (endToEnd)
                    {
                        WriteOutputs(result);
                        written = true;
                    }
                }
            }
            catch (Exception e)
            {
                return new CaseRun("exception", $"{e.GetType().Name} escaped: {e.Message}\n{e.StackTrace}", GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed, false);
            }
            return new CaseRun(outcome, failure, GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed, written);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return task.Wait(CaseTimeout) ? task.Result : new CaseRun(null, null, 0, CaseTimeout, false);
    }

    private static string? CheckRejection(Rejection r)
    {
        if (!KnownCodes.Contains(r.Code)) return $"unknown rejection code {r.Code}";
        if (string.IsNullOrWhiteSpace(r.MessageJa) || string.IsNullOrWhiteSpace(r.MessageEn)) return "a rejection without a message";
        if (r.MessageEn.Length > 2_000 || r.MessageJa.Length > 2_000) return $"a rejection message of {r.MessageEn.Length} characters";
        if (System.Text.RegularExpressions.Regex.IsMatch(r.MessageJa + r.MessageEn, @"[A-Z][A-Za-z]+Exception\b")) return "a rejection naming a .NET exception: " + r.MessageEn;
        return null;
    }

    /// <summary>What a reader hands on holds to the limits.</summary>
    private static string? CheckBook(RawWorkbook book)
    {
        var limits = ReadLimits.Default;
        if (book.Sheets.Count > limits.MaxSheets) return $"{book.Sheets.Count} sheets";
        foreach (var sheet in book.Sheets)
        {
            if (sheet.Name.Length is 0 or > RawText.MaxSheetName) return $"sheet name of {sheet.Name.Length} characters";
            if (sheet.RowCount > limits.MaxRows) return $"{sheet.RowCount} rows";
            foreach (var row in sheet.Rows)
            {
                if (row.Length > limits.MaxColumns) return $"a row of {row.Length} cells";
                foreach (var text in row)
                {
                    if (text is null) return "a null cell";
                    if (text.Length > limits.MaxCellChars) return $"a cell of {text.Length} characters";
                    if (RawText.Clean(text) != text) return "a control character in a cell";
                }
            }
        }
        return null;
    }

    private static void WriteOutputs(ConsolidationResult result)
    {
        foreach (var audit in result.Audits)
        {
            using var xlsx = new MemoryStream();
            ResultWorkbook.Write(audit, Reads.Received, xlsx);
            using var csv = new MemoryStream();
            ItemsCsv.Write(audit, csv);
            _ = OutputNames.ResultWorkbook(audit);
            // What was written reads back: the XML is well formed.
            WorkbookReader.Read(new MemoryStream(xlsx.ToArray()), "result.xlsx");
        }
    }

    /// <summary>Valid submissions of every format, the way offices send them, and how many mutations of each: 4,200 in all.</summary>
    private static List<(string Name, string Kind, byte[] Bytes, int Cases)> Bases()
    {
        var seed = SeedAudit.Build();
        return
        [
            (SeedAudit.MemberFile, "xlsx", seed[SeedAudit.MemberFile], 800),        // shared strings with furigana, merges
            (SeedAudit.LeadFile, "xlsx", seed[SeedAudit.LeadFile], 600),            // inline strings
            (SeedAudit.MaintenanceFile, "xlsx", seed[SeedAudit.MaintenanceFile], 400), // a vendor's pre-answer
            ("チェックリスト_監査人.xls", "xls", Reads.Data("Hostile/seed-checklist.xls"), 1200), // BIFF8 saved by an office application
            ("チェックリスト_監査人.csv", "csv", SeedAudit.MemberChecklistCsv(new UTF8Encoding(true)), 600),
            ("チェックリスト_監査人_sjis.csv", "csv", SeedAudit.MemberChecklistCsv(CodePages.ShiftJis), 600),
        ];
    }

    private static int? Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    private void Save(int number, string name, byte[] bytes)
    {
        var folder = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "fuzz-failures");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, $"case-{number}{Path.GetExtension(name.Trim())}"), bytes);
    }

    private static class CodePages
    {
        static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        public static Encoding ShiftJis => Encoding.GetEncoding(932);
    }
}
