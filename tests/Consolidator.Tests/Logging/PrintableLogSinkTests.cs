using System.Globalization;
using System.Text;
using Consolidator.Commands;
using Consolidator.Logging;
using Consolidator.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using InputFile = Consolidator.Tests.Support.InputFile;

namespace Consolidator.Tests.Logging;

/// <summary>
/// What reaches a log line, the console, <c>status</c> and an error note: names printed the safe way
/// (a file name with a line break, an OSC sequence and a bidirectional override cannot forge a line,
/// retitle a terminal or disguise an extension), errors as type and message with the stack trace
/// only as a Debug entry of the log file.
/// </summary>
[TestClass]
public sealed class PrintableLogSinkTests
{
    private const string Hostile = "forged\n[12:00:00 INF] Read ok\u001B]0;pwned\u0007\u202Eslx.xlsx";

    private sealed class Collecting : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    /// <summary>Nothing a terminal or log viewer acts on: no control character but the line break, no formatting character.</summary>
    private static void AssertPrintable(string text, string what)
    {
        var bad = text.Select((c, i) => (c, i)).FirstOrDefault(x => x.c is not ('\n' or '\r') && char.GetUnicodeCategory(x.c) is UnicodeCategory.Control
            or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
        Assert.AreEqual(default, bad, $"{what} holds U+{(int)bad.c:X4} at {bad.i}: {text}");
    }

    [TestMethod]
    public void Emit_PrintsNamesSafely_AndTurnsAnErrorIntoItsTypeAndMessage_WithTheStackTraceAtDebug()
    {
        var collected = new Collecting();
        using (var log = new LoggerConfiguration().MinimumLevel.Verbose()
            .WriteTo.Sink(new PrintableLogSink(new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(collected).CreateLogger()))
            .CreateLogger())
        {
            try
            {
                throw new IOException("Disk full writing /srv/out/a\u001B[31m.xlsx");
            }
            catch (IOException e)
            {
                log.ForContext("SourceContext", "Test").Error(e, "Could not copy {File} to {Count} places", Hostile, 2);
            }
        }

        Assert.HasCount(2, collected.Events);
        var error = collected.Events[0];
        Assert.AreEqual(LogEventLevel.Error, error.Level);
        Assert.IsNull(error.Exception, "no stack trace at the error's own level");
        var text = error.RenderMessage(CultureInfo.InvariantCulture);
        AssertPrintable(text, "the error line");
        StringAssert.Contains(text, "forged?[12:00:00 INF] Read ok?]0;pwned??slx.xlsx");
        StringAssert.Contains(text, "to 2 places (\"IOException: Disk full writing /srv/out/a?[31m.xlsx\")");
        var trace = collected.Events[1];
        Assert.AreEqual(LogEventLevel.Debug, trace.Level);
        StringAssert.Contains(trace.Exception!.ToString(), "   at ");
        AssertPrintable(trace.Exception.ToString(), "the stack trace");
        Assert.AreEqual("Test", ((ScalarValue)trace.Properties["SourceContext"]).Value);
    }

    [TestMethod]
    [OSCondition(OperatingSystems.Linux)] // Windows allows no such name.
    public void Run_AHostileFileName_ForgesNoLine_InTheLog_TheConsole_Status_OrTheErrorNote()
    {
        using var s = new Scenario([.. Inputs.SeedVersion(0, ""), new InputFile(Hostile, [0x17, 1, 2, 3], Inputs.SeedVersion(0, "")[0].ModifiedAt)]);
        s.Drop();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var saved = Console.Error;
        Console.SetError(stderr);
        try
        {
            Assert.AreEqual(0, RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, stdout, CancellationToken.None), stdout.ToString());
        }
        finally
        {
            Console.SetError(saved);
        }
        var status = new StringWriter();
        StatusCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, status, TextWriter.Null);

        var log = string.Join("\n", Directory.GetFiles(Path.Combine(s.State, "logs")).Select(File.ReadAllText));
        StringAssert.Contains(log, "forged?[12:00:00 INF] Read ok?]0;pwned??slx.xlsx");
        foreach (var (what, text) in new[] { ("log file", log), ("console", stdout.ToString()), ("console errors", stderr.ToString()), ("status", status.ToString()) })
        {
            AssertPrintable(text, what);
            Assert.IsFalse(text.Split('\n').Any(l => l.StartsWith("[12:00:00 INF]", StringComparison.Ordinal)), $"{what}: a forged line");
            Assert.IsFalse(text.Contains("   at ", StringComparison.Ordinal), $"{what}: a stack trace");
        }
        var note = Directory.GetFiles(s.Rejected, "*.error.txt", SearchOption.AllDirectories).Single();
        var noteText = File.ReadAllText(note, Encoding.UTF8);
        AssertPrintable(noteText, "the error note");
        StringAssert.Contains(noteText, "?slx.xlsx");
        Assert.IsFalse(noteText.Contains("   at ", StringComparison.Ordinal));
        StringAssert.Contains(status.ToString(), "■ 庶務事務システム_令和5年度_監査結果.xlsx  確定", "the ledger names the audit by its file");
    }

    [TestMethod]
    public async Task AFailedConsolidation_IsLoggedAsTypeAndMessage_TheStackTraceOnlyInTheFile_AtDebug()
    {
        foreach (var debug in new[] { false, true })
        {
            using var root = new TempDir();
            var stderr = new StringWriter();
            var saved = Console.Error;
            Console.SetError(stderr);
            try
            {
                var clock = new FakeTimeProvider(new DateTimeOffset(2023, 11, 1, 5, 0, 0, TimeSpan.Zero));
                var settings = debug ? new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" } : null;
                using (var w = TestWorker.Create(root.Path, clock, settings))
                {
                    w.Cycle.Start();
                    foreach (var f in Inputs.SeedVersion(0, "")) f.WriteTo(w.Folders.Inbox);
                    // The output folder cannot be used: a file stands where it should be.
                    Directory.Delete(w.Folders.Output);
                    File.WriteAllText(w.Folders.Output, "not a folder");
                    await w.PassAsync();
                    clock.Advance(TimeSpan.FromSeconds(2));
                    await w.PassAsync();
                    clock.Advance(TimeSpan.FromSeconds(10));
                    var report = await w.PassAsync();
                    Assert.IsNull(report.Consolidated, "the consolidation failed");
                }
            }
            finally
            {
                Console.SetError(saved);
            }

            var log = string.Join("\n", Directory.GetFiles(Path.Combine(root.Path, "state", "logs")).Select(File.ReadAllText));
            var failed = log.Split('\n').Single(l => l.Contains("Consolidation failed", StringComparison.Ordinal));
            StringAssert.Contains(failed, "[ERR]");
            StringAssert.Contains(failed, "(IOException: ");
            StringAssert.Contains(stderr.ToString(), "Consolidation failed");
            Assert.IsFalse(stderr.ToString().Contains("   at ", StringComparison.Ordinal), "a stack trace on the console:\n" + stderr);
            if (debug)
            {
                StringAssert.Contains(log, "Stack trace of the IOException: ");
                StringAssert.Contains(log.Split('\n').Single(l => l.Contains("Stack trace of the", StringComparison.Ordinal)), "[DBG]");
                StringAssert.Contains(log, "   at ");
            }
            else Assert.IsFalse(log.Contains("   at ", StringComparison.Ordinal), "a stack trace at the default level:\n" + log);
        }
    }
}
