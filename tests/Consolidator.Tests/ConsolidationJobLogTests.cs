using System.Text;
using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Fixtures;
using Microsoft.Extensions.Logging;

namespace Consolidator.Tests;

/// <summary>
/// Logs and refusal reasons hold file names, sheet names, cell addresses and counts, never cell
/// contents: files whose every kind of cell holds a marker — read, refused for their content,
/// refused as damaged — leave no trace of it in any log entry or rejection text.
/// </summary>
[TestClass]
public sealed class ConsolidationJobLogTests
{
    private const string Secret = "SECRET個人情報";

    [TestMethod]
    public void IngestAll_LogsNamesAndCounts_NeverCellContents()
    {
        var folder = Path.Combine(Path.GetTempPath(), "consolidator-logs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = Files().Select(f =>
            {
                var path = Path.Combine(folder, f.Name);
                File.WriteAllBytes(path, f.Bytes);
                return (path, f.Name);
            }).ToList();
            var logger = new CollectingLogger();
            var job = new ConsolidationJob(new Consolidation(), TimeProvider.System, logger);

            var submissions = job.IngestAll(files, progress: null, CancellationToken.None);

            Assert.IsTrue(submissions.Any(s => !s.IsRejected), "a file with the marker was read");
            Assert.IsTrue(submissions.Count(s => s.IsRejected) >= 3, string.Join(", ", submissions.Select(s => s.Rejection?.Code ?? "read")));
            Assert.HasCount(files.Count, logger.Entries);
            foreach (var entry in logger.Entries)
                Assert.DoesNotContain(Secret, entry, "a log entry holds cell content");
            foreach (var r in submissions.Select(s => s.Rejection).OfType<Rejection>())
                Assert.DoesNotContain(Secret, $"{r.MessageJa} {r.MessageEn} {r.FixJa} {r.FixEn}", $"the {r.Code} reason holds cell content");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void IngestAll_ShowsControlCharactersOfAFileNameAsQuestionMarks()
    {
        if (OperatingSystem.IsWindows()) return; // Windows does not allow such names at all.
        var folder = Path.Combine(Path.GetTempPath(), "consolidator-logs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            const string name = "forged\n[12:00:00 INF] Read ok\u001B[31m.xlsx";
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, [1, 2, 3]);
            var logger = new CollectingLogger();

            new ConsolidationJob(new Consolidation(), TimeProvider.System, logger).IngestAll([(path, name)], null, CancellationToken.None);

            var entry = logger.Entries.Single();
            Assert.IsFalse(entry.Any(c => char.IsControl(c)), entry);
            Assert.Contains("forged?[12:00:00 INF] Read ok?[31m.xlsx", entry);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The marker in item texts, findings, names and metadata; in a year nobody can read; inside a DTD; in a number cell that does not parse; in a CSV.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> Files()
    {
        var items = SeedAudit.Items.Select(i => i with { Text = Secret + i.Text, Finding = Secret + i.Finding }).ToList();
        var seed = SeedAudit.Build(items);
        yield return ("read.xlsx", seed[SeedAudit.MemberFile]);
        var book = seed[SeedAudit.MemberFile];
        yield return ("year.xlsx", Zips.Edit(book, "xl/sharedStrings.xml", x => x.Replace("令和5年度<", Secret + "<")));
        yield return ("dtd.xlsx", Zips.Edit(book, "xl/sharedStrings.xml", x => x.Replace("<sst", $"<!DOCTYPE sst [<!ENTITY s \"{Secret}\">]><sst")));
        yield return ("number.xlsx", Zips.Edit(book, "xl/worksheets/sheet1.xml", x => x.Replace("</sheetData>", $"<row r=\"90\"><c r=\"A90\" t=\"n\"><v>{Secret}</v></c></row></sheetData>")));
        yield return ("broken.xlsx", Zips.Edit(book, "xl/sharedStrings.xml", x => x.Replace("</sst>", $"<si><t>{Secret}</t></si><{Secret}")));
        yield return ("table.csv", Encoding.UTF8.GetBytes($"対象業務,{Secret}\r\n年度,{Secret}\r\n\r\nNo.,監査項目\r\n1,{Secret}\r\n"));
    }

    /// <summary>Every entry as it would be written: the rendered message and the exception text.</summary>
    private sealed class CollectingLogger : ILogger<ConsolidationJob>
    {
        private readonly List<string> _entries = [];

        public IReadOnlyList<string> Entries
        {
            get
            {
                lock (_entries) return _entries.ToList();
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception) + " " + exception;
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
                text += " " + string.Join(" ", properties.Select(p => $"{p.Key}={p.Value}"));
            lock (_entries) _entries.Add(text);
        }
    }
}
