using Consolidator.Inbox;
using Consolidator.Ledger;
using Consolidator.Mail;
using Consolidator.Options;
using Consolidator.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consolidator.Commands;

/// <summary>
/// Everything a moving command holds while it runs: the state lock, the logger and the host with
/// the moving pipeline. Built by <see cref="TryCreate"/>, which checks the settings first and
/// says what is wrong; <c>watch</c> runs the host, <c>run</c> uses its services once.
/// </summary>
internal sealed class WatchHost : IDisposable
{
    private readonly StateLock _lock;
    private readonly Serilog.Core.Logger _logger;

    private WatchHost(IHost host, StateLock stateLock, Serilog.Core.Logger logger, WorkerFolders folders, WorkerSettings worker, ScheduleSettings schedule)
    {
        Host = host;
        _lock = stateLock;
        _logger = logger;
        Folders = folders;
        Worker = worker;
        Schedule = schedule;
    }

    public IHost Host { get; }
    public WorkerFolders Folders { get; }
    public WorkerSettings Worker { get; }
    public ScheduleSettings Schedule { get; }
    public Serilog.ILogger Log => _logger;

    /// <summary>
    /// Checks the settings, creates the folders, takes the state lock and builds the host.
    /// Returns null with the exit code (2 settings or folders, 5 locked; <see cref="ExitCodes"/>) after writing why to stderr.
    /// Mail is used when the section Mail is present; <c>mailRequired</c> (run --mail) makes it required.
    /// </summary>
    public static WatchHost? TryCreate(IConfigurationRoot config, bool watch, TextWriter stderr, out int exitCode,
        Action<IServiceCollection>? configure = null, bool mailRequired = false)
    {
        var (pathSettings, consolidation, errors) = AppHost.Settings(config);
        var (worker, schedule, workerErrors) = WorkerSettingsValidator.Read(config);
        var password = MailSettingsValidator.Password();
        var (mail, mailErrors) = MailSettingsValidator.Read(config, required: mailRequired, password);
        var paths = ResolvedPaths.From(pathSettings, Directory.GetCurrentDirectory());
        var all = errors.Concat(workerErrors).Concat(mailErrors).Concat(WorkerSettingsValidator.Folders(paths, movingRequired: true)).ToList();
        if (all.Count > 0)
        {
            SettingsErrors.Write(stderr, all);
            exitCode = ExitCodes.Usage;
            return null;
        }
        var folders = WorkerFolders.From(paths);
        try
        {
            folders.Create();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"フォルダを作成できません / A folder cannot be created: {e.Message}");
            exitCode = ExitCodes.Usage;
            return null;
        }
        var stateLock = StateLock.TryAcquire(folders.State, TimeProvider.System);
        if (stateLock is null)
        {
            stderr.WriteLine($"別の Consolidator が同じ状態フォルダで動作中です / Another Consolidator is already running on this state folder: {folders.State}");
            stderr.WriteLine("  1つの状態フォルダで動かせるのは1つだけです。動作中のものを止めるか、別の --state を指定してください。");
            stderr.WriteLine("  Only one may run per state folder: stop the running one, or give another --state.");
            exitCode = ExitCodes.StateInUse;
            return null;
        }
        // watch tells the operator on the console (the journal under systemd) what it does; run prints its own lines.
        var logger = AppHost.Logger(config, paths, watch ? Serilog.Events.LogEventLevel.Information : Serilog.Events.LogEventLevel.Warning);
        try
        {
            var builder = AppHost.Builder(config, consolidation, logger);
            builder.Services.AddMovingPipeline(folders, worker, schedule);
            if (mail.IsConfigured)
            {
                builder.Services.AddMail(mail, password, folders.State);
                // After each scheduled consolidation the results are mailed; mail left waiting is sent at start.
                builder.Services.AddSingleton<IConsolidationObserver, MailAfterSchedule>();
                if (watch) builder.Services.AddHostedService<OutboxFlush>();
            }
            if (watch)
            {
                builder.Services.AddHostedService<WatchWorker>();
                builder.Services.AddSystemd();
                builder.Services.AddWindowsService(o => o.ServiceName = "Consolidator");
            }
            configure?.Invoke(builder.Services);
            exitCode = ExitCodes.Success;
            return new WatchHost(builder.Build(), stateLock, logger, folders, worker, schedule);
        }
        catch
        {
            logger.Dispose();
            stateLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Host.Dispose();
        _logger.Dispose();
        _lock.Dispose();
    }
}
