using System.Collections.Concurrent;
using Consolidator.Core;
using Consolidator.Fixtures;
using Consolidator.Inbox;
using Consolidator.Mail;
using Consolidator.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Consolidator.Tests.Mail;

/// <summary>
/// A temporary office: the seed audit in inbox/, output/ and state/ beside it, a real
/// consolidation of it, and mail settings pointing at a loopback server with short retry delays.
/// </summary>
internal sealed class MailTestRun : IDisposable
{
    public const string From = "監査事務局 <audit@example.lg.jp>";
    public const string To = "kansa@example.lg.jp";

    private MailTestRun(DirectoryInfo root)
    {
        Root = root.FullName;
        Inbox = Path.Combine(Root, "inbox");
        Output = Path.Combine(Root, "output");
        State = Path.Combine(Root, "state");
    }

    public string Root { get; }
    public string Inbox { get; }
    public string Output { get; }
    public string State { get; }
    public string OutboxFolder => Path.Combine(State, "outbox");
    public string Workbook => Path.Combine(Output, "庶務事務システム_令和5年度_監査結果.xlsx");
    public CollectingLogger<MailDispatcher> Log { get; } = new();

    public static MailTestRun Create() => new(Directory.CreateTempSubdirectory("mail-"));

    public string[] Queued() => Directory.Exists(OutboxFolder) ? Directory.GetFiles(OutboxFolder, "*.eml") : [];

    /// <summary>Puts the seed audit (or a variation of it) into inbox/.</summary>
    public void Seed(IReadOnlyList<SeedItem>? items = null)
    {
        if (Directory.Exists(Inbox)) Directory.Delete(Inbox, recursive: true);
        SeedAudit.WriteTo(Inbox, items);
    }

    /// <summary>Consolidates the seed audit (or a variation) into output/, as <c>run</c> does.</summary>
    public JobOutcome Consolidate(IReadOnlyList<SeedItem>? items = null)
    {
        Seed(items);
        var job = new ConsolidationJob(new Consolidation(new ConsolidationOptions { MaxParallelism = 2 }), TimeProvider.System, NullLogger<ConsolidationJob>.Instance);
        var submissions = job.IngestAll(InboxScanner.Scan(Inbox), null, CancellationToken.None);
        return job.Consolidate(submissions, Output, CancellationToken.None);
    }

    /// <summary>Consolidates a scenario of the fixtures (several audits, say) into output/, as <c>run</c> does.</summary>
    public JobOutcome Consolidate(Scenario scenario)
    {
        if (Directory.Exists(Inbox)) Directory.Delete(Inbox, recursive: true);
        scenario.WriteTo(Inbox);
        var job = new ConsolidationJob(new Consolidation(new ConsolidationOptions { MaxParallelism = 2 }), TimeProvider.System, NullLogger<ConsolidationJob>.Instance);
        var submissions = job.IngestAll(InboxScanner.Scan(Inbox), null, CancellationToken.None);
        return job.Consolidate(submissions, Output, CancellationToken.None);
    }

    public static MailSettings Settings(int port, Action<MailSettings>? change = null)
    {
        var s = new MailSettings
        {
            Host = "127.0.0.1",
            Port = port,
            Security = MailSecurity.None,
            From = From,
            To = [To],
            RetryCount = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            Timeout = TimeSpan.FromSeconds(10),
        };
        change?.Invoke(s);
        return s;
    }

    public MailDispatcher Dispatcher(MailSettings settings, string? password = null, TimeProvider? time = null) =>
        new(settings, password, State, ConsolidationOptions.Tokyo, time ?? TimeProvider.System, Log);

    /// <summary>The configuration keys <c>run</c> takes for this office and a server on <paramref name="port"/>.</summary>
    public Dictionary<string, string?> RunOverrides(int port)
    {
        if (!Directory.Exists(Inbox)) Seed();
        return new()
        {
        ["Paths:Inbox"] = Inbox,
        ["Paths:Output"] = Output,
        ["Paths:State"] = State,
        ["Consolidation:MaxParallelism"] = "2",
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = From,
        ["Mail:To:0"] = To,
        ["Mail:RetryCount"] = "1",
        ["Mail:RetryDelay"] = "00:00:00.010",
        };
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be closing; the temporary folder is cleaned by the system.
        }
    }
}

/// <summary>Keeps every log line, formatted, to check what the logs say and what they never hold.</summary>
internal sealed class CollectingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public string Text => string.Join("\n", Lines.Select(l => $"{l.Level}: {l.Message}"));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));
}
