using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace Consolidator.Commands;

/// <summary>
/// The console (stderr) sink, set up in code rather than from appsettings.json: its level depends
/// on the command — <c>watch</c> shows at Information what an operator needs (a file taken and
/// archived or refused with the reason, a consolidation started and written with counts and status,
/// mail sent or waiting), the one-shot commands print their own lines and show warnings only — and
/// under systemd each line carries its journald priority. The file sink stays in the settings.
/// </summary>
internal static class ConsoleLog
{
    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:l}{NewLine}{Exception}";

    public static LoggerConfiguration Add(LoggerConfiguration configuration, LogEventLevel level, bool journal)
    {
        ITextFormatter formatter = journal
            ? new JournalFormatter()
            : new MessageTemplateTextFormatter(Template, CultureInfo.InvariantCulture);
        return configuration.WriteTo.Console(formatter, restrictedToMinimumLevel: level, standardErrorFromLevel: LogEventLevel.Verbose);
    }

    /// <summary>True when systemd started the process as a service: its journal reads the priority prefixes.</summary>
    public static bool UnderSystemd() => SystemdHelpers.IsSystemdService();
}

/// <summary>
/// A line per event as journald reads it from a service's output: <c>&lt;N&gt;</c> (syslog priority:
/// 3 error, 4 warning, 6 info, 7 debug) then the message, no time stamp (the journal keeps its own).
/// An exception's lines each carry the event's priority, so <c>journalctl -p warning</c> shows them whole.
/// </summary>
internal sealed class JournalFormatter : ITextFormatter
{
    private readonly MessageTemplateTextFormatter _message = new("{Message:l}", CultureInfo.InvariantCulture);

    public static int Priority(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };

    public void Format(LogEvent logEvent, TextWriter output)
    {
        var prefix = $"<{Priority(logEvent.Level)}>";
        using var message = new StringWriter(CultureInfo.InvariantCulture);
        _message.Format(logEvent, message);
        var text = message.ToString();
        if (logEvent.Exception is { } e) text += Environment.NewLine + e;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            output.Write(prefix);
            output.Write(line);
            output.Write('\n');
        }
    }
}
