using System.Diagnostics;
using System.Globalization;
using Consolidator.Commands;
using Consolidator.Core;
using Consolidator.Inbox;
using Consolidator.Ledger;
using Consolidator.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Consolidator.Bench;

/// <summary>A consolidation job as the commands build it, without a host (for the ingest phase).</summary>
internal static class Host
{
    public static ConsolidationJob Job() => new(new Consolidation(), TimeProvider.System, NullLogger<ConsolidationJob>.Instance);
}

/// <summary>
/// The worker's memory over many consolidations: the services `watch` runs on (intake, the store of
/// submissions, the runner that records each consolidation in the ledger and writes every output),
/// the corpus taken once, then consolidated N times in the same process. Prints the working set and
/// the managed heap after each consolidation.
/// </summary>
internal static class Watch
{
    public static void Run(string corpus, Args options)
    {
        var root = Path.Combine(options.Work, "watch-" + Environment.ProcessId);
        foreach (var file in Directory.EnumerateFiles(corpus, "*.xlsx", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "inbox", Path.GetRelativePath(corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var config = AppHost.Configuration(new Dictionary<string, string?> { ["Paths:Root"] = root }, null);
        using (var session = WatchHost.TryCreate(config, watch: false, Console.Error, out var exit) ?? throw new InvalidOperationException($"worker did not start ({exit})"))
        {
            var services = session.Host.Services;
            var intake = services.GetRequiredService<Intake>();
            var store = services.GetRequiredService<SubmissionStore>();
            var runner = services.GetRequiredService<ConsolidationRunner>();
            intake.Recover();
            var sw = Stopwatch.StartNew();
            intake.TakeAll(InboxScanner.Scan(session.Folders.Inbox), CancellationToken.None, store.Add, store.Park);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"watch: took {Directory.GetFiles(session.Folders.Archive, "*.xlsx", SearchOption.AllDirectories).Length} files in {sw.Elapsed.TotalSeconds:0.0} s, working set {WorkingSetMb():0} MB"));
            var sets = new List<double>();
            for (var i = 1; i <= options.Watch; i++)
            {
                sw.Restart();
                runner.RunAsync(RunTrigger.Change, CancellationToken.None).GetAwaiter().GetResult();
                var set = WorkingSetMb();
                sets.Add(set);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"watch consolidation {i,2}: {sw.Elapsed.TotalSeconds,5:0.0} s, working set {set,4:0} MB, managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024,4:0} MB"));
            }
            if (sets.Count >= 2)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"watch ×{sets.Count}: working set after the 2nd {sets[1]:0} MB, after the last {sets[^1]:0} MB → {Percent(sets[^1] / sets[1] - 1)} (target within 10 %); peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:0} MB"));
        }
        Directory.Delete(root, true);
    }

    internal static string Percent(double change) =>
        (change >= 0 ? "+" : "−") + Math.Abs(change * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static double WorkingSetMb()
    {
        using var p = Process.GetCurrentProcess();
        return p.WorkingSet64 / 1024.0 / 1024;
    }
}
