using Consolidator.Commands;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Consolidator.Tests.Commands;

/// <summary>The console lines under systemd: each with the journald priority of its level, exceptions included.</summary>
[TestClass]
public sealed class JournalFormatterTests
{
    private sealed class Collect : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    private static string Format(Action<Serilog.ILogger> log)
    {
        var sink = new Collect();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger()) log(logger);
        var output = new StringWriter();
        foreach (var e in sink.Events) new JournalFormatter().Format(e, output);
        return output.ToString();
    }

    [TestMethod]
    // level, syslog priority journald reads
    [DataRow(LogEventLevel.Debug, 7)]
    [DataRow(LogEventLevel.Information, 6)]
    [DataRow(LogEventLevel.Warning, 4)]
    [DataRow(LogEventLevel.Error, 3)]
    [DataRow(LogEventLevel.Fatal, 2)]
    public void EachLine_StartsWithThePriorityOfItsLevel(LogEventLevel level, int priority)
    {
        var text = Format(l => l.Write(level, "Archived {File} as {Stored}", "チェックリスト.xlsx", "チェックリスト.xlsx"));

        Assert.AreEqual($"<{priority}>Archived チェックリスト.xlsx as チェックリスト.xlsx\n", text);
    }

    [TestMethod]
    public void AnExceptionsLines_EachCarryThePriority()
    {
        var text = Format(l => l.Error(new IOException("disk full"), "Consolidation failed"));

        var lines = text.TrimEnd('\n').Split('\n');
        Assert.IsTrue(lines.Length >= 2, text);
        Assert.AreEqual("<3>Consolidation failed", lines[0]);
        Assert.AreEqual("<3>System.IO.IOException: disk full", lines[1]);
        Assert.IsTrue(lines.All(l => l.StartsWith("<3>", StringComparison.Ordinal)), text);
    }
}
