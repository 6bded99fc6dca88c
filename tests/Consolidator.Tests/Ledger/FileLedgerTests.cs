using Consolidator.Core.Model;
using Consolidator.Ledger;
using Consolidator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Consolidator.Tests.Ledger;

[TestClass]
public sealed class FileLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 9, 6, 0, 0, TimeSpan.Zero);

    private static LedgerFile File(string path, FileOutcome outcome = FileOutcome.Archived) => new()
    {
        InboxPath = path,
        StoredPath = path,
        Sha256 = new string('a', 64),
        Size = 1234,
        ModifiedAt = new DateTimeOffset(2023, 10, 6, 9, 15, 30, TimeSpan.Zero).AddTicks(1234567),
        ReceivedAt = T0,
        Outcome = outcome,
        Rejection = outcome == FileOutcome.Rejected ? new Rejection("no-table", "表がありません。", "No table.", "直してください。", "Fix it.") : null,
    };

    [TestMethod]
    public void Open_UsesWriteAheadLog_InTheStateFolder()
    {
        using var dir = new TempDir();
        using (FileLedger.Open(dir.Path)) { }

        using var db = new SqliteConnection($"Data Source={dir[FileLedger.FileName]};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.AreEqual("wal", cmd.ExecuteScalar());
    }

    [TestMethod]
    public void Steps_AreReadBack_AfterReopening_WithEveryTickOfTheFileTime()
    {
        using var dir = new TempDir();
        long id;
        using (var ledger = FileLedger.Open(dir.Path))
        {
            id = ledger.Begin(File("監査室/チェックリスト.xlsx"));
            ledger.MarkStored(id, T0.AddSeconds(1));
        }
        using (var ledger = FileLedger.Open(dir.Path))
        {
            var f = ledger.Unfinished().Single();
            Assert.AreEqual(id, f.Id);
            Assert.AreEqual(FileStage.Stored, f.Stage);
            Assert.AreEqual("監査室/チェックリスト.xlsx", f.StoredPath);
            Assert.AreEqual(File("x").ModifiedAt, f.ModifiedAt);
            ledger.MarkDone(id, T0.AddSeconds(2));
            Assert.AreEqual(0, ledger.Unfinished().Count);
            Assert.AreEqual(FileStage.Done, ledger.Files().Single().Stage);
        }
    }

    [TestMethod]
    public void Begin_KeepsTheReasonOfARefusedFile()
    {
        using var dir = new TempDir();
        using var ledger = FileLedger.Open(dir.Path);
        ledger.Begin(File("送付状.xlsx", FileOutcome.Rejected));

        var r = ledger.Files().Single().Rejection!;

        Assert.AreEqual(new Rejection("no-table", "表がありません。", "No table.", "直してください。", "Fix it."), r);
    }

    [TestMethod]
    public void Begin_RefusesAStoredPathAlreadyUsed()
    {
        using var dir = new TempDir();
        using var ledger = FileLedger.Open(dir.Path);
        ledger.Begin(File("a.xlsx"));

        Assert.IsTrue(ledger.IsStoredPathUsed("a.xlsx"));
        Assert.IsTrue(ledger.IsStoredPathUsed("A.XLSX"));
        Assert.ThrowsExactly<SqliteException>(() => ledger.Begin(File("a.xlsx")));
    }

    [TestMethod]
    public void Forget_UndoesOnlyATakeThatNeverGotItsCopy()
    {
        using var dir = new TempDir();
        using var ledger = FileLedger.Open(dir.Path);
        var taking = ledger.Begin(File("a.xlsx"));
        var stored = ledger.Begin(File("b.xlsx"));
        ledger.MarkStored(stored, T0);

        ledger.Forget(taking);
        ledger.Forget(stored);

        CollectionAssert.AreEqual(new[] { "b.xlsx" }, ledger.Files().Select(f => f.StoredPath).ToArray());
    }

    [TestMethod]
    public void FinishRun_RecordsTheStatusOfEachFile_AndWhatCameSince()
    {
        using var dir = new TempDir();
        using var ledger = FileLedger.Open(dir.Path);
        var a = ledger.Begin(File("a.xlsx"));
        ledger.MarkStored(a, T0);
        Assert.AreEqual(1, ledger.StoredSinceLastRun());

        var run = ledger.StartRun(RunTrigger.Change, T0.AddMinutes(1));
        ledger.FinishRun(run, T0.AddMinutes(2), 1, 1, 2, "庶務事務システム 令和5年度  確定", null, new Dictionary<string, string> { ["a.xlsx"] = "採用" });
        var b = ledger.Begin(File("b.xlsx"));
        ledger.MarkStored(b, T0.AddMinutes(3));

        Assert.AreEqual("採用", ledger.Files().Single(f => f.StoredPath == "a.xlsx").Status);
        Assert.IsNull(ledger.Files().Single(f => f.StoredPath == "b.xlsx").Status);
        Assert.AreEqual(1, ledger.StoredSinceLastRun());
        var last = ledger.LastSuccessfulRun()!;
        Assert.AreEqual(RunTrigger.Change, last.Trigger);
        Assert.AreEqual(2, last.Written);
    }

    [TestMethod]
    public void LastSuccessfulRun_SkipsARunThatFailed()
    {
        using var dir = new TempDir();
        using var ledger = FileLedger.Open(dir.Path);
        var ok = ledger.StartRun(RunTrigger.Schedule, T0);
        ledger.FinishRun(ok, T0.AddSeconds(5), 0, 0, 0, null, null, null);
        var failed = ledger.StartRun(RunTrigger.Change, T0.AddHours(1));
        ledger.FinishRun(failed, T0.AddHours(1), 0, 0, 0, null, "IOException: disk full", null);

        Assert.AreEqual(failed, ledger.LastRun()!.Id);
        Assert.AreEqual(ok, ledger.LastSuccessfulRun()!.Id);
    }
}
