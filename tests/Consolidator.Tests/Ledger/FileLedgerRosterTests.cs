using Consolidator.Ledger;
using Consolidator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Consolidator.Tests.Ledger;

/// <summary>提出状況 kept per consolidation, on a real SQLite file; a ledger of schema version 1 gets the table when opened.</summary>
[TestClass]
public sealed class FileLedgerRosterTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 9, 6, 0, 0, TimeSpan.Zero);

    private static readonly RosterRow[] Rows =
    [
        new("庶務事務システム 令和5年度", "監査人", "高橋 美咲", "未提出", 20, 0, 0, new DateOnly(2023, 10, 13), true),
        new("庶務事務システム 令和5年度", "事業者", null, "名簿外", 3, 3, 1, null, false),
    ];

    [TestMethod]
    public void RecordRoster_IsReadBackPerRun_InOrder()
    {
        using var dir = new TempDir();
        using var ledger = FileLedger.Open(dir.Path);
        var first = ledger.StartRun(RunTrigger.Run, T0);
        ledger.RecordRoster(first, Rows);
        var second = ledger.StartRun(RunTrigger.Run, T0.AddHours(1));
        ledger.RecordRoster(second, [Rows[0] with { State = "完了", Done = 20, Files = 1, Overdue = false }]);

        CollectionAssert.AreEqual(Rows, ledger.Roster(first).ToArray());
        Assert.AreEqual("完了", ledger.Roster(second).Single().State);
        Assert.AreEqual(0, ledger.Roster(second + 1).Count);
    }

    [TestMethod]
    public void LedgerOfVersionOne_GetsTheRosterTable_AndKeepsItsFiles()
    {
        using var dir = new TempDir();
        using (var ledger = FileLedger.Open(dir.Path))
            ledger.StartRun(RunTrigger.Run, T0);
        using (var db = new SqliteConnection($"Data Source={Path.Combine(dir.Path, FileLedger.FileName)};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "DROP TABLE roster; PRAGMA user_version=1;";
            cmd.ExecuteNonQuery();
        }

        using var reopened = FileLedger.Open(dir.Path);
        var run = reopened.LastRun()!.Id;
        reopened.RecordRoster(run, Rows);

        Assert.AreEqual(2, reopened.Roster(run).Count);
    }
}
