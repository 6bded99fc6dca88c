using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Consolidator.Bench;
using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Fixtures;
using Consolidator.Inbox;

// The benchmark (see README, "Performance"):
//   dotnet run -c Release --project bench/Consolidator.Bench -- --audits 200 --items 400 [--repeat 3] [--work DIR]
//       [--phases floor-1,floor-2,reader-1,ingest,run] [--double] [--watch 10]
// Generates (once) a deterministic Excel-shaped corpus, then runs each phase in a fresh child
// process (so peak memory is the phase's own) and reports the median wall time, files/s, rows/s
// and peak memory, each time as a ratio to the floor measured in the same run: a bare zip +
// XmlReader pass on one thread. --double also runs `run` over twice the audits and reports how
// much the peak memory grew; --watch N consolidates the corpus N times in one worker process and
// reports its memory after each consolidation.
//   dotnet run -c Release --project bench/Consolidator.Bench -- --differential FOLDER [--details FILE]
// reads every .xlsx/.xlsm under FOLDER with the product's reader and with ExcelDataReader and
// compares them cell by cell (scripts/reader-differential.sh).
if (Array.IndexOf(args, "--differential") is var d and >= 0 && d + 1 < args.Length)
    return Differential.Run(args[d + 1], Array.IndexOf(args, "--details") is var t and >= 0 && t + 1 < args.Length ? args[t + 1] : null);
var options = Args.Parse(args);
if (options.Phase is { } phase) return Phases.Run(phase, options);

var corpus = Corpus.Ensure(options.Work, options.Audits, options.Items);
Console.WriteLine($"corpus: {options.Audits} audits × {options.Items} items — {corpus.Files} files, {corpus.Bytes / 1024.0 / 1024:0.0} MB of xlsx, {corpus.Rows:N0} item rows");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {Machine.Load()} at start");
Console.WriteLine();

var results = new List<(string Name, double Wall, double PeakMb)>();
foreach (var name in options.Phases)
{
    var runs = Enumerable.Range(0, options.Repeat).Select(_ => Phases.Spawn(name, corpus.Folder, options)).ToList();
    var wall = runs.Select(x => x.Wall).Order().ElementAt(runs.Count / 2);
    var peak = runs.Select(x => x.PeakMb).Max();
    results.Add((name, wall, peak));
}
var floor = results.FirstOrDefault(r => r.Name == "floor-1").Wall;
Console.WriteLine($"{"phase",-10} {"wall (median)",14} {"× floor-1",10} {"files/s",9} {"rows/s",11} {"peak MB",8}");
foreach (var (name, wall, peak) in results)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-10} {wall,12:0.00} s {(floor > 0 ? wall / floor : 0),9:0.00}× {corpus.Files / wall,9:0} {corpus.Rows / wall,11:N0} {peak,8:0}"));
Console.WriteLine($"load average {Machine.Load()} at end");

if (options.Double)
{
    var twice = Corpus.Ensure(options.Work, options.Audits * 2, options.Items);
    var one = results.FirstOrDefault(r => r.Name == "run");
    if (one.Name is null) one = ("run", 0, Phases.Spawn("run", corpus.Folder, options).PeakMb);
    var peaks = Enumerable.Range(0, options.Repeat).Select(_ => Phases.Spawn("run", twice.Folder, options)).ToList();
    var peak2 = peaks.Select(p => p.PeakMb).Max();
    var wall2 = peaks.Select(p => p.Wall).Order().ElementAt(peaks.Count / 2);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"doubling: run over {options.Audits * 2} audits ({twice.Files} files, {twice.Rows:N0} rows): {wall2:0.00} s, peak {peak2:0} MB vs {one.PeakMb:0} MB → {Watch.Percent(peak2 / one.PeakMb - 1)} (target ≤ +20 %)"));
}

if (options.Watch > 0)
{
    Console.WriteLine();
    var lines = Phases.SpawnLines("watch", corpus.Folder, options);
    foreach (var line in lines.Where(l => l.StartsWith("watch", StringComparison.Ordinal))) Console.WriteLine(line);
}
return 0;

internal sealed record Args(int Audits, int Items, int Repeat, string Work, string? Phase, string? Corpus, IReadOnlyList<string> Phases, bool Double, int Watch)
{
    public static Args Parse(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new Args(
            int.Parse(Get("--audits") ?? "200", CultureInfo.InvariantCulture),
            int.Parse(Get("--items") ?? "400", CultureInfo.InvariantCulture),
            int.Parse(Get("--repeat") ?? "3", CultureInfo.InvariantCulture),
            Get("--work") ?? Path.Combine(Path.GetTempPath(), "consolidator-bench"),
            Get("--phase"),
            Get("--corpus"),
            (Get("--phases") ?? "floor-1,floor-2,reader-1,ingest,run").Split(','),
            args.Contains("--double"),
            int.Parse(Get("--watch") ?? "0", CultureInfo.InvariantCulture));
    }
}

internal sealed record Corpus(string Folder, long Files, long Bytes, long Rows)
{
    public static Corpus Ensure(string work, int audits, int items)
    {
        var folder = Path.Combine(work, $"corpus-{audits}x{items}");
        if (!File.Exists(Path.Combine(folder, ".corpus")))
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
            var sw = Stopwatch.StartNew();
            var (f, b, r) = CorpusGenerator.Generate(folder, audits, items);
            Console.WriteLine($"generated {f} files, {b / 1024.0 / 1024:0.0} MB, {r} item rows in {sw.Elapsed.TotalSeconds:0.0} s → {folder}");
        }
        var info = File.ReadAllText(Path.Combine(folder, ".corpus")).Split(' ').Select(long.Parse).ToArray();
        return new Corpus(folder, info[2], info[3], info[4]);
    }
}

internal static class Machine
{
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

internal static class Phases
{
    public static (double Wall, double PeakMb) Spawn(string phase, string corpus, Args options)
    {
        var last = SpawnLines(phase, corpus, options).Last();
        using var doc = JsonDocument.Parse(last);
        return (doc.RootElement.GetProperty("wall").GetDouble(), doc.RootElement.GetProperty("peakMb").GetDouble());
    }

    public static List<string> SpawnLines(string phase, string corpus, Args options)
    {
        var psi = new ProcessStartInfo("dotnet", [typeof(Phases).Assembly.Location, "--phase", phase, "--corpus", corpus, "--work", options.Work,
            "--watch", Math.Max(options.Watch, 1).ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"phase {phase} failed with exit code {p.ExitCode}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    public static int Run(string phase, Args options)
    {
        var corpus = options.Corpus!;
        var files = InboxScanner.Scan(corpus);
        var sw = Stopwatch.StartNew();
        switch (phase)
        {
            case "floor-1":
                Floor.Run(files.Select(f => f.FullPath).ToList(), 1);
                break;
            case "floor-2":
                Floor.Run(files.Select(f => f.FullPath).ToList(), 2);
                break;
            case "reader-1":
                // ExcelDataReader alone, one thread: every cell's value, nothing interpreted.
                System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
                foreach (var f in files)
                {
                    using var stream = File.OpenRead(f.FullPath);
                    using var reader = ExcelDataReader.ExcelReaderFactory.CreateOpenXmlReader(stream);
                    do
                    {
                        while (reader.Read())
                            for (var c = 0; c < reader.FieldCount; c++) _ = reader.GetValue(c);
                    }
                    while (reader.NextResult());
                }
                break;
            case "reader-own":
            {
                // The product's own .xlsx reader alone, one thread: every file read into its RawWorkbook.
                var own = new Consolidator.Core.Reading.Xlsx.XlsxReader();
                foreach (var f in files)
                {
                    using var stream = new MemoryStream(File.ReadAllBytes(f.FullPath), writable: false);
                    _ = own.Read(stream, f.RelativePath, new Consolidator.Core.Reading.ReadBudget(Consolidator.Core.Reading.ReadLimits.Default));
                }
                break;
            }
            case "reader-parts":
                ReaderParts.Run(files.Select(f => f.FullPath).ToList());
                break;
            case "read-1":
                // What ingest reads, one thread: each file's bytes sniffed and read by the reader of its format.
                foreach (var f in files)
                {
                    using var stream = File.OpenRead(f.FullPath);
                    _ = Consolidator.Core.Reading.WorkbookReader.Read(stream, f.RelativePath);
                }
                break;
            case "ingest-1":
            {
                // ingest on one thread: with read-1, what recognition and parking add to reading.
                var job = new Consolidator.ConsolidationJob(new Consolidation(new ConsolidationOptions { MaxParallelism = 1 }), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Consolidator.ConsolidationJob>.Instance);
                using var spill = new RowSpill();
                var submissions = job.IngestAll(files, null, CancellationToken.None, spill);
                if (submissions.Any(s => s.IsRejected)) throw new InvalidOperationException("a file was rejected");
                break;
            }
            case "reader-ref":
            {
                // The reference .xlsx reader (guard, then ExcelDataReader twice per sheet) alone, one thread.
                System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
                var reference = new Consolidator.Core.Reading.Xlsx.ExcelDataReaderXlsxReader();
                foreach (var f in files)
                {
                    using var stream = new MemoryStream(File.ReadAllBytes(f.FullPath), writable: false);
                    _ = reference.Read(stream, f.RelativePath, new Consolidator.Core.Reading.ReadBudget(Consolidator.Core.Reading.ReadLimits.Default));
                }
                break;
            }
            case "ingest":
            {
                // What `run` and `validate` do before merging: every file hashed once, read and
                // recognised, in parallel (bounded by the cores); rows parked as `run` parks them.
                var job = Host.Job();
                using var spill = new RowSpill();
                var submissions = job.IngestAll(files, null, CancellationToken.None, spill);
                if (submissions.Any(s => s.IsRejected)) throw new InvalidOperationException("a file was rejected");
                break;
            }
            case "run":
            {
                // The moving pipeline end to end (`run --root`): every file archived and recorded in
                // the ledger, consolidated, every result workbook, CSV and the overview written.
                var root = Path.Combine(options.Work, "run-" + Environment.ProcessId);
                var inbox = Path.Combine(root, "inbox");
                CopyTree(corpus, inbox);
                sw.Restart();
                var lines = new TimedLines(sw);
                var settings = new Dictionary<string, string?> { ["Paths:Root"] = root };
                if (Environment.GetEnvironmentVariable("BENCH_PARALLELISM") is { } n) settings["Consolidation:MaxParallelism"] = n;
                var exit = Consolidator.Commands.RunCommand.Execute(settings, null, lines, CancellationToken.None);
                if (exit != 0) throw new InvalidOperationException("run failed");
                sw.Stop();
                // The last line of the intake ("[1200/1200] … → archive/…") marks where the consolidation starts.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run: intake (read, archive, ledger) {lines.LastTake:0.00} s, consolidation (merge, write) {sw.Elapsed.TotalSeconds - lines.LastTake:0.00} s"));
                Check(Path.Combine(root, "output"), files.Count / 6);
                Directory.Delete(root, true);
                break;
            }
            case "run-inplace":
            {
                // `run` leaving the inbox as it is: no archive, no ledger.
                var output = Path.Combine(options.Work, "out-" + Environment.ProcessId);
                var exit = Consolidator.Commands.RunCommand.Execute(new Dictionary<string, string?>
                {
                    ["Paths:Inbox"] = corpus,
                    ["Paths:Output"] = output,
                    ["Paths:State"] = Path.Combine(options.Work, "state-" + Environment.ProcessId),
                }, null, TextWriter.Null, CancellationToken.None);
                if (exit != 0) throw new InvalidOperationException("run failed");
                sw.Stop();
                Directory.Delete(output, true);
                Directory.Delete(Path.Combine(options.Work, "state-" + Environment.ProcessId), true);
                break;
            }
            case "watch":
                Watch.Run(corpus, options);
                sw.Stop();
                break;
            case "write":
            {
                // Writing alone, one thread: the first 20 audits' workbooks and CSVs, written 3 times.
                var some = files.Where(f => string.CompareOrdinal(f.RelativePath, "業務システム021") < 0).ToList();
                var result = new Consolidation().Run(some.Select(f => SourceFile.FromDisk(f.FullPath, f.RelativePath)));
                var output = Path.Combine(options.Work, "write-" + Environment.ProcessId);
                Directory.CreateDirectory(output);
                var writeSw = Stopwatch.StartNew();
                for (var i = 0; i < 3; i++)
                    foreach (var audit in result.Audits)
                    {
                        Consolidator.Core.Writing.ResultWorkbook.Write(audit, DateTimeOffset.UnixEpoch, Path.Combine(output, Consolidator.Core.Writing.OutputNames.ResultWorkbook(audit)));
                        Consolidator.Core.Writing.ItemsCsv.Write(audit, Path.Combine(output, Consolidator.Core.Writing.OutputNames.ResultCsv(audit)));
                    }
                Console.Error.WriteLine($"write {writeSw.Elapsed.TotalMilliseconds / 3 / result.Audits.Count:0} ms per audit, 1 thread");
                Directory.Delete(output, true);
                break;
            }
            default:
                throw new ArgumentException("unknown phase " + phase);
        }
        var wall = sw.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024;
        Console.WriteLine(JsonSerializer.Serialize(new { phase, wall, peakMb = peak }));
        return 0;
    }

    /// <summary>Every audit has its workbook and CSV, and the overview is there.</summary>
    private static void Check(string output, int audits)
    {
        var xlsx = Directory.GetFiles(output, "*.xlsx").Length;
        var csv = Directory.GetFiles(output, "*.csv").Length;
        if (xlsx != audits + 1 || csv != audits)
            throw new InvalidOperationException($"expected {audits} result workbooks, their CSVs and an overview; found {xlsx} workbooks and {csv} CSVs");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.xlsx", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }
}

/// <summary>Stdout of `run`, noting when the last file of the intake was reported.</summary>
internal sealed class TimedLines(Stopwatch clock) : TextWriter
{
    public double LastTake { get; private set; }

    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        if (value is not null && value.StartsWith('[')) LastTake = clock.Elapsed.TotalSeconds;
    }
}
