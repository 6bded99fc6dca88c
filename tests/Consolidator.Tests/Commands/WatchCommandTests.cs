using System.Diagnostics;
using Consolidator.Commands;
using Consolidator.Ledger;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Commands;

/// <summary>
/// <c>watch</c> as a real child process (the built consolidator.dll started with dotnet) on real
/// folders and a real SQLite ledger: many files at once, SIGKILL at random points, the bad files
/// an office receives, and a second worker on the same state folder.
/// </summary>
[TestClass]
public sealed class WatchCommandTests
{
    [TestMethod]
    public void FiveHundredFilesDroppedAtOnce_EachEndsUpOnce_AndTheResultEqualsAOneShotRun()
    {
        using var s = new Scenario([.. Inputs.Mixed(500), Inputs.LockFile("v001/~$チェックリスト_監査人.xlsx")]);
        var settings = s.SettingsFile("00:00:01", "00:00:02", "00:00:01");
        using var worker = WorkerProcess.Start(s.Root, "watch", "--root", s.Root, "--settings", settings);
        Eventually.True(() => StateLock.IsHeld(s.State) || worker.Process.HasExited, "the worker to start");

        var clock = Stopwatch.StartNew();
        s.Drop();
        var dropped = clock.Elapsed;
        Eventually.True(() => s.StoredCount >= 500 || worker.Process.HasExited, "every file to be taken", pollMs: 50);
        var taken = clock.Elapsed;
        Eventually.True(() => s.AllTakenAndConsolidated() || worker.Process.HasExited, "the consolidation after the last file", pollMs: 200);
        var consolidated = clock.Elapsed;
        var peak = worker.PeakWorkingSet;
        Assert.IsFalse(worker.Process.HasExited, worker.Output);
        worker.Kill();

        s.AssertEachFileStoredOnce();
        var oneShot = Stopwatch.StartNew();
        var expected = s.OneShotRunResult();
        oneShot.Stop();
        Assert.AreEqual(expected, ResultText.OfFolder(s.Output));
        Console.WriteLine($"500 files: dropped in {dropped.TotalSeconds:F1} s, all taken after {taken.TotalSeconds:F1} s, consolidated after {consolidated.TotalSeconds:F1} s; " +
            $"worker peak working set {peak / 1024 / 1024} MB; one-shot run over the same files {oneShot.Elapsed.TotalSeconds:F1} s.");
    }

    [TestMethod]
    public void KilledAtTwentyRandomPointsWhileTakingFiles_LosesNoFile_CountsNoneTwice_AndTheResultEqualsAOneShotRun()
    {
        var random = new Random(20231024);
        using var s = new Scenario([.. Inputs.Mixed(200), Inputs.LockFile()]);
        s.Drop();
        // Small batches, so the kills land between the steps of many commits, not in one batch's copies.
        var settings = s.SettingsFile("00:00:00", "00:00:01", "00:00:00.5", batchSize: 3);
        var landed = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();

        for (var kill = 0; kill < 20; kill++)
        {
            var target = s.StoredCount + random.Next(1, 4);
            var pause = random.Next(0, 25);
            Assert.IsTrue(target < s.Submissions.Count(), "too few files left to kill the worker while it takes them");
            using var worker = WorkerProcess.Start(s.Root, "watch", "--root", s.Root, "--settings", settings);
            Eventually.True(() => s.StoredCount >= target || worker.Process.HasExited, $"kill {kill}: {target} files stored", pollMs: 1);
            Thread.Sleep(pause);
            Assert.IsFalse(worker.Process.HasExited, "the worker ended by itself:\n" + worker.Output);
            worker.Kill();

            s.AssertNothingLost();
            var where = Landed(s);
            landed[where] = landed.GetValueOrDefault(where) + 1;
        }
        var killing = clock.Elapsed;
        var takenWhileKilling = s.StoredCount;

        using (var worker = WorkerProcess.Start(s.Root, "watch", "--root", s.Root, "--settings", settings))
        {
            Eventually.True(() => s.AllTakenAndConsolidated() || worker.Process.HasExited, "the last start to take the rest and consolidate", pollMs: 100);
            Assert.IsFalse(worker.Process.HasExited, worker.Output);
            worker.Kill();
        }
        s.AssertEachFileStoredOnce();
        Assert.AreEqual(s.OneShotRunResult(), ResultText.OfFolder(s.Output));
        Console.WriteLine($"20 kills in {killing.TotalSeconds:F1} s ({takenWhileKilling} of {s.Submissions.Count()} files taken meanwhile), {clock.Elapsed.TotalSeconds:F1} s in all. The kills left: " +
            string.Join(", ", landed.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} ×{kv.Value}")));
    }

    [TestMethod]
    public void BadFiles_AreRejectedWithTheirReasons_TheLockFileIsLeftAlone_AndTheGoodOnesGiveAResult()
    {
        using var s = new Scenario([.. Inputs.SeedVersion(0, ""), .. Enumerable.Range(0, 5).Select(n => Inputs.Bad(n, "")), Inputs.LockFile("~$チェックリスト_監査人.xlsx")]);
        s.Drop();
        string console;
        using (var worker = WorkerProcess.Start(s.Root, "watch", "--root", s.Root, "--settings", s.SettingsFile("00:00:00.5", "00:00:02", "00:00:00.5")))
        {
            Eventually.True(() => s.AllTakenAndConsolidated() || worker.Process.HasExited, "the files to be taken and consolidated", pollMs: 100);
            Eventually.True(() => worker.Output.Contains("Consolidated (", StringComparison.Ordinal) || worker.Process.HasExited, "the consolidation's line", pollMs: 100);
            worker.Kill();
            console = worker.Output;
        }

        // The console (the journal under systemd) tells the operator what happened, at Information, one line each.
        var lines = console.Split('\n');
        Assert.AreEqual(5, lines.Count(l => l.Contains(" INF] Archived ", StringComparison.Ordinal)), console);
        var refused = lines.Single(l => l.Contains("WRN] Refused 議事メモ_001.xlsx: ", StringComparison.Ordinal));
        StringAssert.Contains(refused, "not an Excel workbook");
        StringAssert.Contains(refused, "moved to rejected/議事メモ_001.xlsx");
        Assert.AreEqual(5, lines.Count(l => l.Contains("WRN] Refused ", StringComparison.Ordinal)), console);
        Assert.IsTrue(lines.Any(l => l.Contains("INF] Consolidating (", StringComparison.Ordinal)), console);
        Assert.IsTrue(lines.Any(l => l.Contains("INF] Wrote 庶務事務システム_令和5年度_監査結果.xlsx: 38 items, 0 pending, 0 to review, Final", StringComparison.Ordinal)), console);
        Assert.IsTrue(lines.Any(l => l.Contains("INF] Consolidated (", StringComparison.Ordinal) && l.Contains("1 audits, 3 outputs written", StringComparison.Ordinal)), console);

        s.AssertEachFileStoredOnce();
        CollectionAssert.AreEquivalent(Inputs.SeedVersion(0, "").Select(f => f.RelativePath).ToList(), Folders.Stored(s.Archive).Keys.ToList());
        var reasons = new Dictionary<string, string>
        {
            ["破損ファイル_000.xlsx"] = "Excel ブックではありません（Excel ブックでもテキストでもないデータ",
            ["議事メモ_001.xlsx"] = "Excel ブックではなくテキストファイルです（拡張子は .xlsx）",
            ["参考資料一式_002.xlsx"] = "Excel ブックではありません（Excel ブックではない ZIP 圧縮ファイル",
            ["空のブック_003.xlsx"] = "ブックにデータがありません。",
            ["送付状_004.xlsx"] = "監査項目の表が見つかりません",
        };
        foreach (var (name, reason) in reasons)
        {
            var note = File.ReadAllText(Path.Combine(s.Rejected, name + ".error.txt"));
            StringAssert.Contains(note, "理由: " + reason, name);
            StringAssert.Contains(note, "Reason: ", name);
        }
        var summary = ResultText.OfWorkbook(Path.Combine(s.Output, "庶務事務システム_令和5年度_監査結果.xlsx"));
        StringAssert.Contains(summary, "「重大な不適合」1件を検出した。「不適合」「注意事項」はなかった。");
        StringAssert.Contains(summary, "取込履歴!");
        Assert.IsFalse(summary.Contains("~$", StringComparison.Ordinal), "the lock file is listed");
    }

    [TestMethod]
    public void ASecondWorkerOnTheSameStateFolder_SaysSo_AndExitsWithFive()
    {
        using var s = new Scenario([]);
        var settings = s.SettingsFile("00:00:01", "00:00:05", "00:00:01");
        using var first = WorkerProcess.Start(s.Root, "watch", "--root", s.Root, "--settings", settings);
        Eventually.True(() => StateLock.IsHeld(s.State) || first.Process.HasExited, "the first worker to start");

        using var second = WorkerProcess.Start(s.Root, "watch", "--root", s.Root, "--settings", settings);

        Assert.AreEqual(5, second.WaitForExit(), second.Output);
        StringAssert.Contains(second.Output, "別の Consolidator が同じ状態フォルダで動作中です / Another Consolidator is already running on this state folder: " + s.State);
        Assert.IsFalse(first.Process.HasExited);
    }

    [TestMethod]
    public async Task InvalidSettings_AreEachNamed_InOneMessage()
    {
        using var dir = new TempDir();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await WatchCommand.ExecuteAsync(new Dictionary<string, string?>
        {
            ["Paths:Inbox"] = dir["inbox"],
            ["Paths:Output"] = dir["inbox/output"],
            ["Worker:Debounce"] = "02:00:00",
            ["Schedule:Cron"] = "every night",
            ["Schedule:TimeZone"] = "Mars/Olympus",
        }, null, stdout, stderr, CancellationToken.None);

        Assert.AreEqual(2, code);
        Assert.AreEqual($"""
            設定に誤りがあります / Invalid settings:
              - Worker:Debounce: The field Debounce must be between 00:00:00 and 01:00:00.
              - Schedule:Cron: 'every night' is not a cron expression (minute hour day month weekday, e.g. 0 2 * * * for 02:00 every night; empty turns the schedule off) / cron 式が正しくありません（例: 毎日2時は 0 2 * * *、空欄で定時集約なし）。
              - Schedule:TimeZone: 'Mars/Olympus' is not a known time zone (e.g. Asia/Tokyo) / 不明なタイムゾーンです。
              - Paths:Archive, Paths:Rejected: watch moves every file out of the inbox and needs both folders: give --root DIR, or --archive DIR and --rejected DIR / 取り込んだファイルの移動先が必要です。--root DIR か、--archive と --rejected を指定してください。

            """.ReplaceLineEndings(), stderr.ToString().ReplaceLineEndings());
        Assert.AreEqual("", stdout.ToString());
    }

    /// <summary>Where a kill landed, judged from what it left behind.</summary>
    private static string Landed(Scenario s)
    {
        using var ledger = FileLedger.Open(s.State);
        var unfinished = ledger.Unfinished();
        if (Folders.Temporary(s.Root).Count > 0) return "a copy in progress (its temporary file)";
        var recorded = ledger.Files().Select(f => f.StoredPath).ToHashSet(StringComparer.Ordinal);
        if (Folders.Stored(s.Archive).Keys.Concat(Folders.Stored(s.Rejected).Keys).Any(p => !recorded.Contains(p))) return "a copy in place, not yet recorded";
        if (unfinished.Any(f => f.Stage == FileStage.Taking)) return "a take recorded, its copy not yet in place or not yet confirmed";
        if (unfinished.Any(f => f.Stage == FileStage.Stored))
        {
            var inbox = Folders.Stored(s.Inbox);
            return unfinished.Any(f => inbox.ContainsKey(f.InboxPath)) ? "a copy stored, the original still in the inbox" : "the original removed, not yet recorded";
        }
        return "between files";
    }
}
