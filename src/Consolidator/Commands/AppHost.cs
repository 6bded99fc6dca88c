using Consolidator.Core;
using Consolidator.Core.Recognising;
using Consolidator.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Settings.Configuration;

namespace Consolidator.Commands;

/// <summary>
/// Settings, logging and services shared by every command. Settings come from appsettings.json
/// beside the program (or <c>--settings FILE</c>), then environment variables prefixed
/// CONSOLIDATOR_ (CONSOLIDATOR_Paths__Inbox=…), then the command line; later sources win.
/// </summary>
internal static class AppHost
{
    public const string EnvironmentPrefix = "CONSOLIDATOR_";

    /// <summary>The configuration of a command, with its command-line overrides on top.</summary>
    /// <exception cref="SettingsFileException">A settings file that does not exist or is not valid JSON.</exception>
    public static IConfigurationRoot Configuration(IDictionary<string, string?> overrides, string? settingsFile)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (settingsFile is not null)
            builder.AddJsonFile(Path.GetFullPath(settingsFile), optional: false, reloadOnChange: false);
        try
        {
            return builder
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddInMemoryCollection(overrides)
                .Build();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            throw new SettingsFileException(e);
        }
    }

    /// <summary>Reads and validates the settings; every problem is listed, each naming its setting.</summary>
    public static (PathsSettings Paths, ConsolidationSettings Consolidation, IReadOnlyList<string> Errors) Settings(IConfiguration config)
    {
        var paths = config.GetSection("Paths").Get<PathsSettings>() ?? new PathsSettings();
        var consolidation = new ConsolidationSettings();
        var errors = new List<string>();
        try
        {
            config.GetSection("Consolidation").Bind(consolidation);
        }
        catch (InvalidOperationException e)
        {
            errors.Add("Consolidation: " + e.Message);
        }
        try
        {
            consolidation.Recognition = config.GetSection("Recognition").Get<RecognitionSettings>() ?? new RecognitionSettings();
        }
        catch (InvalidOperationException e)
        {
            errors.Add("Recognition: " + e.Message);
        }
        errors.AddRange(SettingsValidator.Validate(paths, consolidation));
        // The Templates section is checked by every command, so a bad deployment shows at start.
        try
        {
            var templates = new TemplatesSettings();
            config.GetSection("Templates").Bind(templates);
            errors.AddRange(TemplatesSettingsValidator.Validate(templates));
        }
        catch (InvalidOperationException e)
        {
            errors.Add("Templates: " + e.Message);
        }
        errors.AddRange(ReportSettingsValidator.Validate(Report(config, errors)));
        return (paths, consolidation, errors);
    }

    public static ConsolidationOptions PipelineOptions(ConsolidationSettings s) => new()
    {
        Recognition = new RecognitionOptions
        {
            Scale = SettingsValidator.Scale(s),
            MaxHeaderRow = s.MaxHeaderRow,
            DefaultTarget = s.DefaultTarget,
            DefaultFiscalYear = s.DefaultFiscalYear,
            Profile = s.Recognition.ToProfile(),
        },
        Limits = s.Limits,
        TimeZone = SettingsValidator.TryZone(s.TimeZone) ?? ConsolidationOptions.Tokyo,
        MaxParallelism = s.MaxParallelism > 0 ? s.MaxParallelism : Environment.ProcessorCount,
    };

    /// <summary>The Report section: the texts of the audit report drafts (a section that does not bind is an error and gives none).</summary>
    public static ReportSettings Report(IConfiguration config, List<string>? errors = null)
    {
        var report = new ReportSettings();
        try
        {
            config.GetSection("Report").Bind(report);
        }
        catch (InvalidOperationException e)
        {
            errors?.Add("Report: " + e.Message);
            return new ReportSettings();
        }
        return report;
    }

    /// <summary>The roster of the Templates section (validated in <see cref="Settings"/>; a section that does not bind gives none).</summary>
    public static IReadOnlyList<Core.Model.ExpectedSubmitter> Roster(IConfiguration config)
    {
        var templates = new TemplatesSettings();
        try
        {
            config.GetSection("Templates").Bind(templates);
        }
        catch (InvalidOperationException)
        {
            return [];
        }
        return TemplatesSettingsValidator.Roster(templates);
    }

    /// <summary>
    /// Serilog: the levels and the rolling file under state/logs from configuration, the console
    /// (stderr) from <see cref="ConsoleLog"/> at <paramref name="console"/>. The sinks' assemblies
    /// are named, not discovered: a single-file publish has no dependency list to discover them
    /// from. Logs hold names and counts, never cell text; every name is printed the safe way and
    /// stack traces are Debug entries (<see cref="Logging.PrintableLogSink"/>).
    /// </summary>
    public static Serilog.Core.Logger Logger(IConfiguration config, ResolvedPaths paths, LogEventLevel console = LogEventLevel.Warning)
    {
        Environment.SetEnvironmentVariable("CONSOLIDATOR_LOGS", Path.Combine(paths.State, "logs"));
        var sinks = new ConfigurationReaderOptions(typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly);
        var configured = ConsoleLog.Add(new LoggerConfiguration().ReadFrom.Configuration(config, sinks), console, ConsoleLog.UnderSystemd()).CreateLogger();
        return new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.FromLogContext()
            .WriteTo.Sink(new Logging.PrintableLogSink(configured))
            .CreateLogger();
    }

    /// <summary>
    /// A host with the pipeline, the job and the clock registered; commands add their own services.
    /// With <paramref name="readDropdowns"/> the pipeline also reads the dropdowns of .xlsx files, to show them (validate).
    /// </summary>
    public static HostApplicationBuilder Builder(IConfigurationRoot config, ConsolidationSettings consolidation, Serilog.ILogger logger, bool readDropdowns = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = config["Environment"] ?? Environments.Production,
        });
        builder.Configuration.AddConfiguration(config);
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.AddSingleton(TimeProvider.System);
        // The roster of Templates (提出状況) and the clock its due dates are compared on come with the pipeline.
        builder.Services.AddSingleton(sp =>
        {
            var options = PipelineOptions(consolidation) with { Roster = Roster(config), Calendar = sp.GetRequiredService<TimeProvider>() };
            return readDropdowns ? options with { Recognition = options.Recognition with { ReadDropdowns = true } } : options;
        });
        builder.Services.AddSingleton(sp => new Consolidation(sp.GetRequiredService<ConsolidationOptions>()));
        builder.Services.AddSingleton(_ => Report(config));
        builder.Services.AddSingleton<ConsolidationJob>();
        return builder;
    }
}

/// <summary>A settings file (appsettings.json or --settings FILE) that cannot be read: a usage error (exit code 2), not a crash.</summary>
internal sealed class SettingsFileException(Exception inner)
    : Exception($"設定ファイルを読めません（存在しないか、JSON の誤り） / A settings file cannot be read (missing, or not valid JSON): {inner.Message}", inner);
