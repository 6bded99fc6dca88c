using System.Collections.Concurrent;
using Consolidator.Core.Writing;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Consolidator.Logging;

/// <summary>
/// Stands between every log call and the sinks the settings configure (console, rolling file), so
/// that what the logs promise holds whoever writes the call:
/// <list type="bullet">
/// <item>every text property is printed the safe way (<see cref="Printable"/>): a file name with a line
/// break cannot forge a log line, an ESC or OSC sequence cannot recolour or retitle a terminal, a
/// bidirectional override cannot reorder what is read;</item>
/// <item>an error reaches the sinks at its level as its type and message only; its stack trace (method
/// names, source and server paths) follows as a separate Debug entry, which the console never shows
/// (its template has no {Exception}) and the file keeps only when Debug is switched on.</item>
/// </list>
/// </summary>
internal sealed class PrintableLogSink(Logger configured) : ILogEventSink, IDisposable
{
    private const string FailureProperty = "Failure";
    private static readonly MessageTemplateParser Parser = new();
    private static readonly MessageTemplate StackTrace = Parser.Parse("Stack trace of the {" + FailureProperty + "} above");
    private readonly ConcurrentDictionary<string, MessageTemplate> _withFailure = new(StringComparer.Ordinal);

    public void Emit(LogEvent logEvent)
    {
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Safe(p.Value))).ToList();
        var error = logEvent.Exception;
        if (error is null)
        {
            configured.Write(new LogEvent(logEvent.Timestamp, logEvent.Level, null, logEvent.MessageTemplate, properties));
            return;
        }
        var failure = new LogEventProperty(FailureProperty, new ScalarValue($"{error.GetType().Name}: {Printable.Name(error.Message, 300)}"));
        if (logEvent.Level > LogEventLevel.Debug)
        {
            var template = _withFailure.GetOrAdd(logEvent.MessageTemplate.Text, t => Parser.Parse(t + " ({" + FailureProperty + "})"));
            configured.Write(new LogEvent(logEvent.Timestamp, logEvent.Level, null, template, [.. properties.Where(p => p.Name != FailureProperty), failure]));
        }
        var context = properties.Where(p => p.Name == Constants.SourceContextPropertyName);
        configured.Write(new LogEvent(logEvent.Timestamp, logEvent.Level > LogEventLevel.Debug ? LogEventLevel.Debug : logEvent.Level, new PrintedException(error),
            logEvent.Level > LogEventLevel.Debug ? StackTrace : logEvent.MessageTemplate,
            logEvent.Level > LogEventLevel.Debug ? [.. context, failure] : properties));
    }

    public void Dispose() => configured.Dispose();

    private static LogEventPropertyValue Safe(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => Printable.IsPrintable(s) ? value : new ScalarValue(Printable.Name(s, int.MaxValue)),
        // Numbers, times and enums print as themselves (and keep their format: {Next:O}); anything else by its text.
        ScalarValue { Value: null or IFormattable or bool or char } => value,
        ScalarValue scalar => new ScalarValue(Printable.Name(scalar.Value.ToString(), int.MaxValue)),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Safe)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Safe(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e =>
            new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Safe(e.Key), Safe(e.Value)))),
        _ => value,
    };

    /// <summary>An exception as the file prints it (its ToString), each line printed the safe way.</summary>
    private sealed class PrintedException(Exception inner) : Exception(inner.Message)
    {
        public override string ToString() => Printable.Lines(inner.ToString());
    }
}
