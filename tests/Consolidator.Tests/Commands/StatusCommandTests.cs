using Consolidator.Commands;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Commands;

[TestClass]
public sealed class StatusCommandTests
{
    [TestMethod]
    public void Status_ShowsFilesPerOutcome_TheLastRun_AndWhatWaits()
    {
        using var s = new Scenario([.. Inputs.SeedVersion(0, ""), Inputs.Bad(3, "")]);
        s.Drop();
        Assert.AreEqual(0, RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, TextWriter.Null, CancellationToken.None));
        Inputs.Bad(4, "").WriteTo(s.Inbox);
        var stdout = new StringWriter();

        var code = StatusCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root, ["Schedule:Cron"] = "" }, null, stdout, TextWriter.Null);

        Assert.AreEqual(0, code);
        var lines = stdout.ToString().ReplaceLineEndings("\n").Split('\n');
        CollectionAssert.Contains(lines, "ワーカー / worker: 停止中 / not running");
        CollectionAssert.Contains(lines, "台帳 / ledger: 6 件 / files — 保管 archived 5、拒否 rejected 1");
        CollectionAssert.Contains(lines, "  前回の集約での扱い / as of the last consolidation: 採用 5、拒否 1");
        Assert.IsTrue(lines.Any(l => l.StartsWith("最終集約 / last consolidation: ", StringComparison.Ordinal) && l.EndsWith("(run コマンド / run command) — 6 files, 1 audits, 3 outputs", StringComparison.Ordinal)), stdout.ToString());
        CollectionAssert.Contains(lines, "  ■ 庶務事務システム_令和5年度_監査結果.xlsx  確定  対象外13 適合24 参考意見0 注意事項0 不適合0 重大な不適合1 計38 未判定0 要確認0");
        CollectionAssert.Contains(lines, "未集約 / stored since the last consolidation: 0");
        CollectionAssert.Contains(lines, "受付待ち / waiting in the inbox: 1 — 送付状_004.xlsx");
        CollectionAssert.Contains(lines, "次回の定時集約 / next scheduled consolidation: なし / none");
    }

    [TestMethod]
    public void Status_BeforeAnyLedger_SaysSo_AndCreatesNothing()
    {
        using var dir = new TempDir();
        var stdout = new StringWriter();

        var code = StatusCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = dir.Path }, null, stdout, TextWriter.Null);

        Assert.AreEqual(0, code);
        StringAssert.Contains(stdout.ToString(), "台帳 / ledger: まだありません");
        Assert.AreEqual(0, Directory.GetFileSystemEntries(dir.Path).Length);
    }

    [TestMethod]
    public void Status_OnARootThatDoesNotExist_ExitsTwo_SayingSo_AndCreatesNothing()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "audit");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = StatusCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = missing }, null, stdout, stderr);

        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr.ToString(), $"フォルダがありません: {missing}");
        StringAssert.Contains(stderr.ToString(), $"The folder does not exist: {missing}");
        Assert.AreEqual("", stdout.ToString(), "no 受付待ち 0 for a folder that is not there");
        Assert.IsFalse(Directory.Exists(missing));
    }

    [TestMethod]
    public void Status_WithoutRoot_WhereNeitherStateNorInboxExists_ExitsTwo()
    {
        using var dir = new TempDir();
        var stderr = new StringWriter();

        var code = StatusCommand.Execute(new Dictionary<string, string?> { ["Paths:State"] = dir["state"], ["Paths:Inbox"] = dir["inbox"] }, null, TextWriter.Null, stderr);

        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr.ToString(), "Neither the state folder nor the inbox exists");
    }

    [TestMethod]
    public void Status_OnAMissingRoot_Json_PrintsTheError()
    {
        using var dir = new TempDir();
        var stdout = new StringWriter();

        var code = StatusCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = dir["audit"] }, null, stdout, TextWriter.Null, json: true);

        Assert.AreEqual(2, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        Assert.AreEqual(2, doc.RootElement.GetProperty("exitCode").GetInt32());
        StringAssert.Contains(doc.RootElement.GetProperty("errors")[0].GetString(), "The folder does not exist");
    }

    [TestMethod]
    public void Status_Json_GivesLedgerCounts_TheLastConsolidation_WaitingFiles_AndMail()
    {
        using var s = new Scenario([.. Inputs.SeedVersion(0, ""), Inputs.Bad(3, "")]);
        s.Drop();
        Assert.AreEqual(0, RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, TextWriter.Null, CancellationToken.None));
        Inputs.Bad(4, "").WriteTo(s.Inbox);
        var stdout = new StringWriter();

        var code = StatusCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root, ["Schedule:Cron"] = "0 2 * * *" }, null, stdout, TextWriter.Null, json: true);

        Assert.AreEqual(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        var root = doc.RootElement;
        Assert.AreEqual(0, root.GetProperty("exitCode").GetInt32());
        Assert.IsFalse(root.GetProperty("worker").GetProperty("running").GetBoolean());
        var ledger = root.GetProperty("ledger");
        Assert.AreEqual(6, ledger.GetProperty("files").GetInt32());
        Assert.AreEqual(5, ledger.GetProperty("archived").GetInt32());
        Assert.AreEqual(1, ledger.GetProperty("rejected").GetInt32());
        Assert.AreEqual(5, ledger.GetProperty("byStatus").GetProperty("採用").GetInt32());
        Assert.AreEqual(1, ledger.GetProperty("byStatus").GetProperty("拒否").GetInt32());
        Assert.AreEqual(0, ledger.GetProperty("storedSinceLastConsolidation").GetInt32());
        var last = root.GetProperty("lastConsolidation");
        Assert.AreEqual("succeeded", last.GetProperty("outcome").GetString());
        Assert.AreEqual("Run", last.GetProperty("trigger").GetString());
        Assert.AreEqual(6, last.GetProperty("files").GetInt32());
        Assert.AreEqual(1, last.GetProperty("audits").GetInt32());
        Assert.AreEqual(3, last.GetProperty("outputs").GetInt32());
        // The result file names the audit, not the target as a cell gave it.
        Assert.AreEqual("庶務事務システム_令和5年度_監査結果.xlsx  確定  対象外13 適合24 参考意見0 注意事項0 不適合0 重大な不適合1 計38 未判定0 要確認0", last.GetProperty("summary")[0].GetString());
        StringAssert.EndsWith(last.GetProperty("startedAt").GetString(), "+09:00");
        var waiting = root.GetProperty("waiting");
        Assert.AreEqual(1, waiting.GetProperty("count").GetInt32());
        Assert.AreEqual("送付状_004.xlsx", waiting.GetProperty("files")[0].GetString());
        Assert.AreEqual(0, root.GetProperty("mail").GetProperty("waiting").GetInt32());
        StringAssert.EndsWith(root.GetProperty("nextScheduledConsolidation").GetString(), "T02:00:00+09:00");
    }
}
