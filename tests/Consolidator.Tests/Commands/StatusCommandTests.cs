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
        Assert.IsTrue(lines.Any(l => l.StartsWith("最終集約 / last consolidation: ", StringComparison.Ordinal) && l.EndsWith("(run コマンド / run command) — 6 files, 1 audits, 2 outputs", StringComparison.Ordinal)), stdout.ToString());
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
}
