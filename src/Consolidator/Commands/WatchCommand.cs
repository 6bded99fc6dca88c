using System.CommandLine;
using Consolidator.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consolidator.Commands;

/// <summary>
/// <c>watch</c>: the hosted worker. Watches the inbox (and lists it every Worker:RescanInterval),
/// takes each file once it has been quiet for Worker:StableFor, archives or refuses it, and
/// consolidates Worker:Debounce after the last file and on the Schedule:Cron timetable. Runs
/// until Ctrl+C, SIGTERM or a service stop (as a systemd or Windows service too). Exit codes
/// (<see cref="ExitCodes"/>): 0 after a normal stop, 2 for settings or folders that cannot be used,
/// 5 when another process already works on the same state folder.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var command = new Command("watch", "Watch the inbox and consolidate on change and on schedule (a service) / 受付フォルダを監視し、変更時と定時に集約する（常駐）");
        common.AddTo(command);
        command.SetAction((parse, cancel) => ExecuteAsync(common.Overrides(parse), parse.GetValue(common.Settings), Console.Out, Console.Error, cancel));
        return command;
    }

    public static async Task<int> ExecuteAsync(IDictionary<string, string?> overrides, string? settingsFile, TextWriter stdout, TextWriter stderr,
        CancellationToken cancel, Action<IServiceCollection>? configure = null)
    {
        var config = AppHost.Configuration(overrides, settingsFile);
        using var session = WatchHost.TryCreate(config, watch: true, stderr, out var exitCode, configure);
        if (session is null) return exitCode;
        var f = session.Folders;
        stdout.WriteLine($"Consolidator watch — 受付 inbox: {f.Inbox}");
        stdout.WriteLine($"  保管 archive: {f.Archive}");
        stdout.WriteLine($"  拒否 rejected: {f.Rejected}");
        stdout.WriteLine($"  出力 output: {f.Output}");
        stdout.WriteLine($"  状態 state: {f.State}");
        var schedule = session.Host.Services.GetRequiredService<ConsolidationSchedule>();
        stdout.WriteLine(schedule.Enabled
            ? $"  定時集約 schedule: {session.Schedule.Cron} ({session.Schedule.TimeZone})"
            : "  定時集約 schedule: なし / none");
        stdout.WriteLine("Ctrl+C で停止します / Ctrl+C stops.");
        var workers = session.Host.Services.GetServices<IHostedService>().OfType<WatchWorker>().ToList();
        try
        {
            await session.Host.RunAsync(cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Stopped from the command line's own signal handling: a normal stop.
        }
        return workers.Any(w => w.FailedToStart) ? ExitCodes.Usage : ExitCodes.Success;
    }
}
