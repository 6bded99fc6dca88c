using Consolidator.Core;
using Consolidator.Fixtures;
using Consolidator.Inbox;
using Consolidator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Consolidator.Tests.Output;

/// <summary>
/// Each audit is written on its own: one whose outputs cannot be written is named with its path,
/// and the other audits are still written; an audit's files are written whole before any replaces
/// the previous one.
/// </summary>
[TestClass]
public sealed class ResultFilesTests
{
    private const string Library = "図書館システム_令和5年度_監査結果";
    private const string Personnel = "人事給与システム_令和5年度_監査結果";

    [TestMethod]
    public void AnAuditThatCannotBeWritten_IsNamed_AndTheOthersAreWritten()
    {
        using var dir = new TempDir();
        Scenarios.MultiAudit().WriteTo(dir["inbox"]);
        var output = dir["output"];
        // 2024-01-10 11:00 in Tokyo. The library's workbook, and the name a locked one would get beside it, are folders.
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 1, 10, 2, 0, 0, TimeSpan.Zero));
        var blocked = Path.Combine(output, Library + ".xlsx");
        Directory.CreateDirectory(blocked);
        Directory.CreateDirectory(Path.Combine(output, Library + "_20240110-110000.xlsx"));
        var job = new ConsolidationJob(new Consolidation(new ConsolidationOptions { MaxParallelism = 2 }), clock, NullLogger<ConsolidationJob>.Instance);

        var outcome = job.Consolidate(job.IngestAll(InboxScanner.Scan(dir["inbox"]), null, CancellationToken.None), output, CancellationToken.None);

        var failure = outcome.Failures.Single();
        Assert.AreEqual(blocked, failure.Path);
        StringAssert.StartsWith(failure.Message, "出力を書けません: " + blocked + " / Could not write the outputs: " + blocked);
        Assert.IsFalse(failure.IsDiskFull);
        Assert.AreEqual(2, outcome.Result.Audits.Count);
        foreach (var name in new[] { Personnel + ".xlsx", Personnel + ".csv", "人事給与システム_令和5年度_監査報告書案.docx" })
            Assert.IsTrue(File.Exists(Path.Combine(output, name)), "the other audit is written: " + name);
        Assert.IsTrue(File.Exists(Path.Combine(output, "監査結果一覧.xlsx")), "the overview is written");
        // Nothing of the library's audit replaced anything: its CSV and report were not put in place without its workbook.
        Assert.IsFalse(File.Exists(Path.Combine(output, Library + ".csv")));
        Assert.IsFalse(File.Exists(Path.Combine(output, "図書館システム_令和5年度_監査報告書案.docx")));
        Assert.AreEqual(0, Directory.GetFiles(output, ".*.tmp").Length, "no temporary file is left");
        CollectionAssert.DoesNotContain(outcome.Written.ToList(), Path.Combine(output, Library + ".csv"));
    }

    [TestMethod]
    public void TheDiskFull_IsToldFromWhatAFullDiskThrows()
    {
        // /dev/full refuses every write with ENOSPC, as a full disk does.
        var full = Assert.ThrowsExactly<IOException>(() =>
        {
            using var s = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            s.Write(new byte[4096]);
            s.Flush();
        });
        Assert.IsTrue(Consolidator.Output.DiskFull.Is(full), $"{full.HResult}: {full.Message}");
        Assert.IsTrue(Consolidator.Output.DiskFull.Is(new AggregateException(new InvalidOperationException("x"), full)));
        Assert.IsTrue(Consolidator.Output.DiskFull.Is(new Consolidator.Output.OutputWriteException("/srv/output/a.xlsx", full)));
        Assert.IsFalse(Consolidator.Output.DiskFull.Is(new IOException("locked")));
        Assert.IsFalse(Consolidator.Output.DiskFull.Is(new UnauthorizedAccessException()));
        var message = new Consolidator.Output.OutputFailure("/srv/output/a.xlsx", full).Message;
        Assert.AreEqual("ディスクの空き容量が不足しています: /srv/output（空きを作ってから、もう一度実行してください。受付のファイルは失われていません） / "
            + "The disk is full: /srv/output (free some space and run again; no file of the inbox is lost)", message);
    }
}
