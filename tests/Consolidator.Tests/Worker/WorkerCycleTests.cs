using Consolidator.Core.Writing;
using Consolidator.Fixtures;
using Consolidator.Ledger;
using Consolidator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

using InputFile = Consolidator.Tests.Support.InputFile;

namespace Consolidator.Tests.Worker;

/// <summary>
/// The worker's passes driven by a fake clock on real folders and a real ledger: the stability
/// wait, the debounce, the schedule, results from the archive, and failures that are retried.
/// The settings of <see cref="TestWorker"/>: quiet for 2 s, debounce 10 s, no schedule.
/// </summary>
[TestClass]
public sealed class WorkerCycleTests
{
    [TestMethod]
    public async Task FileWrittenInChunks_IsTakenOnce_Complete_AfterItHasBeenQuiet()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        using var w = TestWorker.Create(root.Path, clock);
        w.Cycle.Start();
        var file = Inputs.SeedVersion(0, "")[0];
        var path = Path.Combine(w.Folders.Inbox, file.Name);

        for (var offset = 0; offset < file.Bytes.Length; offset += 1000)
        {
            using (var s = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
                s.Write(file.Bytes, offset, Math.Min(1000, file.Bytes.Length - offset));
            w.Cycle.RequestRescan(); // what the folder watcher does on each write
            await w.PassAsync();
            clock.Advance(TimeSpan.FromSeconds(1.5));
            await w.PassAsync();
            Assert.AreEqual(0, w.Ledger.Files().Count, "taken while still being written");
        }
        clock.Advance(TimeSpan.FromSeconds(0.5));
        var report = await w.PassAsync();

        Assert.AreEqual(1, report.Taken);
        var row = w.Ledger.Files().Single();
        Assert.AreEqual((FileOutcome.Archived, file.Sha256), (row.Outcome, row.Sha256));
        CollectionAssert.AreEqual(file.Bytes, File.ReadAllBytes(Path.Combine(w.Folders.Archive, file.Name)));
        Assert.AreEqual(0, (await w.PassAsync()).Taken);
    }

    [TestMethod]
    public async Task FilesDroppedTogether_AreConsolidatedOnce_AfterTheQuietTime()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        var seen = new CollectingObserver();
        using var w = TestWorker.Create(root.Path, clock, null, seen);
        w.Cycle.Start();
        foreach (var f in Inputs.SeedVersion(0)) f.WriteTo(w.Folders.Inbox);
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.AreEqual(5, (await w.PassAsync()).Taken);

        clock.Advance(TimeSpan.FromSeconds(5));
        Inputs.Bad(1).WriteTo(w.Folders.Inbox);
        w.Cycle.RequestRescan();
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.AreEqual(1, (await w.PassAsync()).Taken);
        clock.Advance(TimeSpan.FromSeconds(9.9));
        await w.PassAsync();
        Assert.AreEqual(0, seen.Seen.Count);

        clock.Advance(TimeSpan.FromSeconds(0.1));
        var report = await w.PassAsync();
        await w.PassAsync();

        Assert.AreEqual(RunTrigger.Change, report.Trigger);
        Assert.AreEqual(1, seen.Seen.Count);
        var audit = seen.Seen[0].Outcome.Result.Audits.Single();
        Assert.AreEqual("「重大な不適合」1件を検出した。「不適合」「注意事項」はなかった。", SummarySentence.For(audit));
        Assert.AreEqual(6, seen.Seen[0].Outcome.Result.Files.Count);
        Assert.IsTrue(File.Exists(Path.Combine(w.Folders.Output, OutputNames.ResultWorkbook(audit))));
        Assert.IsTrue(w.Ledger.Files().All(f => f.Status is not null));
        Assert.IsNull(w.Cycle.ConsolidationDue);
    }

    [TestMethod]
    public async Task ScheduledRun_ComesAtTwoInTheMorningTokyoTime_AndTellsTheObservers()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon(); // 15:00 JST
        var seen = new CollectingObserver();
        using var w = TestWorker.Create(root.Path, clock, new Dictionary<string, string?> { ["Schedule:Cron"] = "0 2 * * *" }, seen);
        w.Cycle.Start();
        Assert.AreEqual(new DateTimeOffset(2024, 1, 10, 2, 0, 0, TimeSpan.FromHours(9)), w.Cycle.NextScheduled);
        foreach (var f in Inputs.SeedVersion(0)) f.WriteTo(w.Folders.Inbox);
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        await w.PassAsync();
        Assert.AreEqual(RunTrigger.Change, seen.Seen.Single().Trigger);

        clock.SetUtcNow(new DateTimeOffset(2024, 1, 10, 1, 59, 59, TimeSpan.FromHours(9)));
        await w.PassAsync();
        Assert.AreEqual(1, seen.Seen.Count);
        clock.Advance(TimeSpan.FromSeconds(1));
        var report = await w.PassAsync();

        Assert.AreEqual(RunTrigger.Schedule, report.Trigger);
        Assert.AreEqual(RunTrigger.Schedule, seen.Seen[1].Trigger);
        Assert.AreEqual(1, seen.Seen[1].Outcome.Result.Audits.Count);
        Assert.AreEqual(new DateTimeOffset(2024, 1, 11, 2, 0, 0, TimeSpan.FromHours(9)), w.Cycle.NextScheduled);
        Assert.AreEqual(RunTrigger.Schedule, w.Ledger.LastRun()!.Trigger);
    }

    [TestMethod]
    public async Task ScheduledRunMissedWhileStopped_IsMadeUpOnceAtStart_ThenTheTimetableResumes()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon(); // 2024-01-09 15:00 JST
        var schedule = new Dictionary<string, string?> { ["Schedule:Cron"] = "0 2 * * *" };
        using (var w = TestWorker.Create(root.Path, clock, schedule))
        {
            w.Cycle.Start();
            foreach (var f in Inputs.SeedVersion(0)) f.WriteTo(w.Folders.Inbox);
            await TakeAndConsolidate(w, clock);
        }

        // Restarted the same evening: the 02:00 run is still ahead, nothing to make up.
        clock.SetUtcNow(new DateTimeOffset(2024, 1, 9, 20, 0, 0, TimeSpan.FromHours(9)));
        using (var w = TestWorker.Create(root.Path, clock, schedule))
        {
            w.Cycle.Start();
            Assert.AreEqual(new DateTimeOffset(2024, 1, 10, 2, 0, 0, TimeSpan.FromHours(9)), w.Cycle.NextScheduled);
        }

        // The server was down over three nights: one run at start, as the scheduled one.
        clock.SetUtcNow(new DateTimeOffset(2024, 1, 12, 9, 30, 0, TimeSpan.FromHours(9)));
        var seen = new CollectingObserver();
        using (var w = TestWorker.Create(root.Path, clock, schedule, seen))
        {
            w.Cycle.Start();
            Assert.AreEqual(clock.GetUtcNow(), w.Cycle.NextScheduled);
            var report = await w.PassAsync();
            Assert.AreEqual(RunTrigger.Schedule, report.Trigger);
            Assert.AreEqual(RunTrigger.Schedule, seen.Seen.Single().Trigger);
            Assert.AreEqual(1, seen.Seen.Single().Outcome.Result.Audits.Count);
            Assert.AreEqual(new DateTimeOffset(2024, 1, 13, 2, 0, 0, TimeSpan.FromHours(9)), w.Cycle.NextScheduled);
            await w.PassAsync();
            Assert.AreEqual(1, seen.Seen.Count, "made up once, not once per missed night");
        }

        // Restarted after that run: nothing missed since.
        clock.Advance(TimeSpan.FromHours(1));
        using (var w = TestWorker.Create(root.Path, clock, schedule))
        {
            w.Cycle.Start();
            Assert.AreEqual(new DateTimeOffset(2024, 1, 13, 2, 0, 0, TimeSpan.FromHours(9)), w.Cycle.NextScheduled);
        }
    }

    [TestMethod]
    public async Task VendorsSecondVersion_AWeekLater_SupersedesTheArchivedFirst_AfterARestart()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        var v1 = Inputs.SeedVersion(0, "");
        using (var w = TestWorker.Create(root.Path, clock))
        {
            w.Cycle.Start();
            foreach (var f in v1) f.WriteTo(w.Folders.Inbox);
            await TakeAndConsolidate(w, clock);
        }
        clock.Advance(TimeSpan.FromDays(7));
        var answers = SeedAudit.Answers.Select((a, i) => i == 0 ? a with { Answer = "一部実施" } : a).ToList();
        var v2 = new InputFile(SeedAudit.MaintenanceFile, SeedAudit.Build(null, answers)[SeedAudit.MaintenanceFile], v1[0].ModifiedAt.AddDays(7));
        var seen = new CollectingObserver();
        using (var w = TestWorker.Create(root.Path, clock, null, seen))
        {
            w.Cycle.Start();
            Assert.IsNull(w.Cycle.ConsolidationDue);
            v2.WriteTo(w.Folders.Inbox);
            await TakeAndConsolidate(w, clock);

            var statuses = w.Ledger.Files().ToDictionary(f => f.StoredPath, f => f.Status);
            Assert.AreEqual("旧版", statuses[SeedAudit.MaintenanceFile]);
            Assert.AreEqual("採用", statuses["事前回答_保守運用事業者 (2).xlsx"]);
            Assert.AreEqual(6, statuses.Count);
            // The outcome's audits are released once written: the answer is read from the result CSV.
            var audit = seen.Seen.Single().Outcome.Result.Audits.Single();
            var csv = File.ReadAllLines(Path.Combine(w.Folders.Output, OutputNames.ResultCsv(audit)));
            var header = csv[0].Split(',');
            var column = Array.IndexOf(header, "\"事前回答 株式会社みなと情報システム\"");
            var row = csv.Skip(1).Select(l => l.Split(',')).First(f => f[0] == Core.Writing.ItemsCsv.Quote(SeedAudit.Answers[0].Id));
            Assert.AreEqual("\"一部実施\"", row[column]);
        }
    }

    [TestMethod]
    public async Task Start_ConsolidatesFilesStoredBeforeTheWorkerStopped()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        using (var w = TestWorker.Create(root.Path, clock))
        {
            w.Cycle.Start();
            foreach (var f in Inputs.SeedVersion(0)) f.WriteTo(w.Folders.Inbox);
            await w.PassAsync();
            clock.Advance(TimeSpan.FromSeconds(2));
            await w.PassAsync(); // taken; stopped before the debounce ran out
        }
        using (var w = TestWorker.Create(root.Path, clock))
        {
            w.Cycle.Start();
            Assert.AreEqual(clock.GetUtcNow().AddSeconds(10), w.Cycle.ConsolidationDue);
            clock.Advance(TimeSpan.FromSeconds(10));
            var report = await w.PassAsync();

            Assert.AreEqual(RunTrigger.Start, report.Trigger);
            Assert.AreEqual(5, report.Consolidated!.Result.Files.Count);
        }
    }

    [TestMethod]
    public async Task OutputsThatCannotBeWritten_AreTriedAgainLater_WithoutStoppingTheWorker()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        using var w = TestWorker.Create(root.Path, clock);
        w.Cycle.Start();
        foreach (var f in Inputs.SeedVersion(0)) f.WriteTo(w.Folders.Inbox);
        Directory.Delete(w.Folders.Output);
        File.WriteAllText(w.Folders.Output, "a file where the output folder should be");
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(10));

        var failed = await w.PassAsync();
        Assert.IsNull(failed.Consolidated);
        StringAssert.StartsWith(w.Ledger.LastRun()!.Error, "IOException");
        File.Delete(w.Folders.Output);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.IsNull((await w.PassAsync()).Consolidated);
        clock.Advance(TimeSpan.FromSeconds(1));
        var retried = await w.PassAsync();

        Assert.IsNotNull(retried.Consolidated);
        Assert.IsNull(w.Ledger.LastRun()!.Error);
    }

    [TestMethod]
    public async Task APreviousResultThatCannotBeReplaced_GetsTheNewResultBesideIt()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        using var w = TestWorker.Create(root.Path, clock);
        w.Cycle.Start();
        foreach (var f in Inputs.SeedVersion(0)) f.WriteTo(w.Folders.Inbox);
        // On Windows a result open in Excel cannot be replaced; a folder of that name cannot be either, on every system.
        var blocked = Path.Combine(w.Folders.Output, "庶務事務システム_令和5年度_監査結果.xlsx");
        Directory.CreateDirectory(blocked);
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(10));

        var report = await w.PassAsync();

        var beside = Path.Combine(w.Folders.Output, "庶務事務システム_令和5年度_監査結果_20240109-150012.xlsx");
        CollectionAssert.Contains(report.Consolidated!.Written.ToList(), beside);
        Assert.IsTrue(File.Exists(beside));
        Assert.IsTrue(Directory.Exists(blocked));
    }

    private static async Task TakeAndConsolidate(TestWorker w, FakeTimeProvider clock)
    {
        w.Cycle.RequestRescan();
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.IsNotNull((await w.PassAsync()).Consolidated);
    }
}
