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
    /// <exception cref="SettingsFileException">A settings file that does not exist or is not valid JSON (its line and column named).</exception>
    public static IConfigurationRoot Configuration(IDictionary<string, string?> overrides, string? settingsFile)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var builder = new ConfigurationBuilder();
        if (File.Exists(beside))
        {
            SettingsFileException.Check(beside);
            builder.AddJsonFile(beside, optional: true, reloadOnChange: false);
        }
        if (settingsFile is not null)
        {
            var full = Path.GetFullPath(settingsFile);
            SettingsFileException.Check(full);
            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }
        try
        {
            return builder
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddInMemoryCollection(overrides)
                .Build();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            throw SettingsFileException.Unreadable(settingsFile ?? beside, e);
        }
    }

    /// <summary>
    /// Reads every section and checks every value at once (<see cref="SettingsBinder"/>): what does not
    /// bind, what is out of range and every unknown key, in every section, each naming its setting.
    /// </summary>
    public static (PathsSettings Paths, ConsolidationSettings Consolidation, IReadOnlyList<string> Errors) Settings(IConfiguration config)
    {
        var errors = new List<string>();
        var paths = SettingsBinder.Bind<PathsSettings>(config, "Paths", errors);
        var consolidation = SettingsBinder.Bind<ConsolidationSettings>(config, "Consolidation", errors);
        consolidation.Recognition = SettingsBinder.Bind<RecognitionSettings>(config, "Recognition", errors);
        errors.AddRange(SettingsValidator.Validate(paths, consolidation));
        // Templates, Report, Worker and Schedule are checked by every command, so a bad deployment shows at start.
        var templates = SettingsBinder.Bind<TemplatesSettings>(config, "Templates", errors);
        errors.AddRange(TemplatesSettingsValidator.Validate(templates));
        errors.AddRange(ReportSettingsValidator.Validate(SettingsBinder.Bind<ReportSettings>(config, "Report", errors)));
        errors.AddRange(WorkerSettingsValidator.Read(config).Errors);
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

    /// <summary>The Report section: the texts of the audit report drafts (its problems are named by <see cref="Settings"/>).</summary>
    public static ReportSettings Report(IConfiguration config) => SettingsBinder.Bind<ReportSettings>(config, "Report", []);

    /// <summary>The roster of the Templates section (validated in <see cref="Settings"/>).</summary>
    public static IReadOnlyList<Core.Model.ExpectedSubmitter> Roster(IConfiguration config) =>
        TemplatesSettingsValidator.Roster(SettingsBinder.Bind<TemplatesSettings>(config, "Templates", []));

    /// <summary>
    /// Serilog: the levels and the rolling file under state/logs from configuration, the console
    /// (stderr) from <see cref="ConsoleLog"/> at <paramref name="console"/>. The sinks' assemblies
    /// are named, not discovered: a single-file publish has no dependency list to discover them
    /// from. Logs hold names and counts, never cell text; every name is printed the safe way and
    /// stack traces are Debug entries (<see cref="Logging.PrintableLogSink"/>).
    /// </summary>
    public static Serilog.Core.Logger Logger(IConfiguration config, ResolvedPaths paths, LogEventLevel console = LogEventLevel.Warning)
    {
        s_logged = (config, paths);
        Environment.SetEnvironmentVariable("CONSOLIDATOR_LOGS", Path.Combine(paths.State, "logs"));
        var sinks = new ConfigurationReaderOptions(typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly);
        var configured = ConsoleLog.Add(new LoggerConfiguration().ReadFrom.Configuration(config, sinks), console, ConsoleLog.UnderSystemd()).CreateLogger();
        return new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.FromLogContext()
            .WriteTo.Sink(new Logging.PrintableLogSink(configured))
            .CreateLogger();
    }

    private static (IConfiguration Config, ResolvedPaths Paths)? s_logged;

    /// <summary>
    /// The logger a crash is written to (Program): the log files the command configured, without the
    /// console (the crash line is printed there already). When the configured sinks cannot be built
    /// (their settings are what crashed) the daily file under state/logs; before any command chose its
    /// state folder, none.
    /// </summary>
    public static Serilog.ILogger CrashLogger()
    {
        if (s_logged is not { } logged) return Serilog.Core.Logger.None;
        Serilog.Core.Logger files;
        try
        {
            var sinks = new ConfigurationReaderOptions(typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly);
            files = new LoggerConfiguration().ReadFrom.Configuration(logged.Config, sinks).CreateLogger();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            files = new LoggerConfiguration()
                .WriteTo.File(Path.Combine(logged.Paths.State, "logs", "consolidator-.log"), rollingInterval: RollingInterval.Day,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext} {Message:lj}{NewLine}{Exception}")
                .CreateLogger();
        }
        return new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new Logging.PrintableLogSink(files)).CreateLogger();
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

/// <summary>
/// A settings file (appsettings.json or --settings FILE) that does not exist or is not JSON: a usage
/// error (exit code 2), not a crash, naming the file and, for JSON, the line and column.
/// </summary>
internal sealed class SettingsFileException(string message, Exception? inner = null) : Exception(message, inner)
{
    public static SettingsFileException Unreadable(string path, Exception inner) =>
        new($"設定ファイルを読めません: {path} / The settings file cannot be read: {path} ({Core.Writing.Printable.Name(inner.Message, 300)})", inner);

    /// <summary>Throws when the file is missing or not JSON as the configuration reads it (comments and trailing commas allowed).</summary>
    public static void Check(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SettingsFileException($"設定ファイルがありません: {path} / The settings file does not exist: {path}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(bytes, new System.Text.Json.JsonDocumentOptions
            {
                CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (System.Text.Json.JsonException e)
        {
            var (line, column) = ((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
            throw new SettingsFileException(
                $"設定ファイルを読めません（JSON の誤り）: {path}（{line} 行 {column} 列） / The settings file cannot be read (not valid JSON): {path} (line {line}, column {column})", e);
        }
    }
}
