using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Consolidator.Bench;
using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Inbox;

// The benchmark (see README, "Performance"):
//   dotnet run -c Release --project bench/Consolidator.Bench -- --audits 200 --items 400 [--repeat 3] [--work DIR]
// Generates (once) a deterministic Excel-shaped corpus, then runs each phase in a fresh child
// process (so peak memory is the phase's own) and reports the median wall time, files/s,
// rows/s and peak memory, each as a ratio to the floor: a bare zip + XmlReader pass.
var options = Args.Parse(args);
if (options.Phase is { } phase) return Phases.Run(phase, options);

var corpus = Path.Combine(options.Work, $"corpus-{options.Audits}x{options.Items}");
if (!File.Exists(Path.Combine(corpus, ".corpus")))
{
    if (Directory.Exists(corpus)) Directory.Delete(corpus, true);
    var sw = Stopwatch.StartNew();
    var (f, b, r) = CorpusGenerator.Generate(corpus, options.Audits, options.Items);
    Console.WriteLine($"generated {f} files, {b / 1024.0 / 1024:0.0} MB, {r} item rows in {sw.Elapsed.TotalSeconds:0.0} s → {corpus}");
}
var info = File.ReadAllText(Path.Combine(corpus, ".corpus")).Split(' ').Select(long.Parse).ToArray();
var (files, bytes, rows) = (info[2], info[3], info[4]);
Console.WriteLine($"corpus: {options.Audits} audits × {options.Items} items — {files} files, {bytes / 1024.0 / 1024:0.0} MB, {rows:N0} item rows");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine();

var results = new List<(string Name, double Wall, double PeakMb)>();
foreach (var name in options.Phases)
{
    var runs = Enumerable.Range(0, options.Repeat).Select(_ => Phases.Spawn(name, corpus, options)).ToList();
    var wall = runs.Select(x => x.Wall).Order().ElementAt(runs.Count / 2);
    var peak = runs.Select(x => x.PeakMb).Max();
    results.Add((name, wall, peak));
}
var floor = results.FirstOrDefault(r => r.Name == "floor-1").Wall;
Console.WriteLine($"{"phase",-14} {"wall (median)",14} {"× floor(1)",10} {"files/s",9} {"rows/s",11} {"peak MB",8}");
foreach (var (name, wall, peak) in results)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-14} {wall,12:0.00} s {(floor > 0 ? wall / floor : 0),9:0.00}× {files / wall,9:0} {rows / wall,11:N0} {peak,8:0}"));
return 0;

internal sealed record Args(int Audits, int Items, int Repeat, string Work, string? Phase, string? Corpus, IReadOnlyList<string> Phases)
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
            (Get("--phases") ?? "floor-1,floor-2,ingest,run").Split(','));
    }
}

internal static class Phases
{
    public static (double Wall, double PeakMb) Spawn(string phase, string corpus, Args options)
    {
        var psi = new ProcessStartInfo("dotnet", [typeof(Phases).Assembly.Location, "--phase", phase, "--corpus", corpus, "--work", options.Work])
        {
            RedirectStandardOutput = true,
        };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using var doc = JsonDocument.Parse(last);
        return (doc.RootElement.GetProperty("wall").GetDouble(), doc.RootElement.GetProperty("peakMb").GetDouble());
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
                System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
                // ExcelDataReader alone, one thread: every cell's value, nothing interpreted.
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
            case "ingest-1":
                foreach (var f in files) new Consolidation().Ingest(SourceFile.FromDisk(f.FullPath, f.RelativePath));
                break;
            case "ingest":
            {
                var pipeline = new Consolidation();
                var submissions = new Submission[files.Count];
                Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                    i => submissions[i] = pipeline.Ingest(SourceFile.FromDisk(files[i].FullPath, files[i].RelativePath)));
                if (submissions.Any(s => s.IsRejected)) throw new InvalidOperationException("a file was rejected");
                break;
            }
            case "run":
            {
                var output = Path.Combine(options.Work, "out-" + Environment.ProcessId);
                var state = Path.Combine(options.Work, "state-" + Environment.ProcessId);
                var exit = Consolidator.Commands.RunCommand.Execute(new Dictionary<string, string?>
                {
                    ["Paths:Inbox"] = corpus,
                    ["Paths:Output"] = output,
                    ["Paths:State"] = state,
                }, null, TextWriter.Null, CancellationToken.None);
                if (exit != 0) throw new InvalidOperationException("run failed");
                sw.Stop();
                Directory.Delete(output, true);
                Directory.Delete(state, true);
                break;
            }
            case "write":
            {
                // Writing alone, one thread: the first 20 audits' workbooks and CSVs, written 3 times.
                var some = files.Where(f => string.CompareOrdinal(f.RelativePath, "業務システム021") < 0).ToList();
                var pipeline = new Consolidation();
                var result = pipeline.Run(some.Select(f => SourceFile.FromDisk(f.FullPath, f.RelativePath)));
                var output = Path.Combine(options.Work, "write-" + Environment.ProcessId);
                Directory.CreateDirectory(output);
                var writeSw = Stopwatch.StartNew();
                for (var i = 0; i < 3; i++)
                    foreach (var audit in result.Audits)
                    {
                        Consolidator.Core.Writing.ResultWorkbook.Write(audit, DateTimeOffset.UnixEpoch, Path.Combine(output, Consolidator.Core.Writing.OutputNames.ResultWorkbook(audit.Key)));
                        Consolidator.Core.Writing.ItemsCsv.Write(audit, Path.Combine(output, Consolidator.Core.Writing.OutputNames.ResultCsv(audit.Key)));
                    }
                Console.Error.WriteLine($"write {writeSw.Elapsed.TotalMilliseconds / 3 / result.Audits.Count:0} ms per audit, 1 thread");
                Directory.Delete(output, true);
                break;
            }
            case "split":
            {
                // Where the time of a run goes: ingest, merge, write.
                var pipeline = new Consolidation();
                var submissions = new Submission[files.Count];
                Parallel.For(0, files.Count, i => submissions[i] = pipeline.Ingest(SourceFile.FromDisk(files[i].FullPath, files[i].RelativePath)));
                var t1 = sw.Elapsed.TotalSeconds;
                var result = pipeline.Consolidate(submissions);
                var t2 = sw.Elapsed.TotalSeconds;
                var output = Path.Combine(options.Work, "split-" + Environment.ProcessId);
                Directory.CreateDirectory(output);
                var writeSw = Stopwatch.StartNew();
                var perSheet = new Dictionary<string, double>();
                foreach (var audit in result.Audits)
                {
                    Consolidator.Core.Writing.ResultWorkbook.Write(audit, DateTimeOffset.UnixEpoch, Path.Combine(output, Consolidator.Core.Writing.OutputNames.ResultWorkbook(audit.Key)));
                    Consolidator.Core.Writing.ItemsCsv.Write(audit, Path.Combine(output, Consolidator.Core.Writing.OutputNames.ResultCsv(audit.Key)));
                }
                var t3 = sw.Elapsed.TotalSeconds;
                Console.Error.WriteLine($"ingest {t1:0.00}s merge {t2 - t1:0.00}s write {t3 - t2:0.00}s ({(t3 - t2) / result.Audits.Count * 1000:0} ms per audit, 1 thread)");
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
}
