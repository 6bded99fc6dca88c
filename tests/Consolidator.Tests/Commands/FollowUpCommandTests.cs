using System.Text.Json;
using Consolidator.Commands;
using Consolidator.Core.Reading;
using Consolidator.Tests.Support;

using Scenarios = Consolidator.Fixtures.Scenarios;

namespace Consolidator.Tests.Commands;

/// <summary>
/// 提出状況 through the commands: the roster from the master list or the Templates settings, what
/// <c>run</c> prints, what <c>status</c> and <c>status --json</c> say from the ledger, and
/// 前年度比較 when one inbox holds two fiscal years.
/// </summary>
[TestClass]
public sealed class FollowUpCommandTests
{
    [TestMethod]
    public void RunWithRoot_ThenStatus_ShowTheRoster_TextAndJson()
    {
        using var root = new TempDir();
        Scenarios.Roster().WriteTo(root["inbox"]);
        var run = new StringWriter();

        Assert.AreEqual(0, RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = root.Path }, null, run, CancellationToken.None), run.ToString());

        // The due dates (October 2023) have passed by the system clock's day.
        var printed = run.ToString().ReplaceLineEndings("\n").Split('\n');
        CollectionAssert.Contains(printed, "■ 国民健康保険システム 令和5年度  暫定");
        CollectionAssert.Contains(printed, "  提出状況: 予定 5 — 完了 3、一部 1、未提出 1（うち期限超過 2）、名簿外 1");
        CollectionAssert.Contains(printed, "    未提出 1: 高橋 美咲（監査人、期限 令和5年10月13日 超過）");
        CollectionAssert.Contains(printed, "    一部のみ 1: 株式会社みなと情報システム（事業者、3/4 項目、期限 令和5年10月6日 超過）");

        var status = new StringWriter();
        Assert.AreEqual(0, StatusCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = root.Path, ["Schedule:Cron"] = "" }, null, status, TextWriter.Null));
        var lines = status.ToString().ReplaceLineEndings("\n").Split('\n');
        CollectionAssert.Contains(lines, "  提出状況 / submissions — 国民健康保険システム 令和5年度: 予定 5 — 完了 3、一部 1、未提出 1（うち期限超過 2）、名簿外 1");
        CollectionAssert.Contains(lines, "    未提出 1: 高橋 美咲（監査人、期限 令和5年10月13日 超過）");

        var json = new StringWriter();
        Assert.AreEqual(0, StatusCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = root.Path, ["Schedule:Cron"] = "" }, null, json, TextWriter.Null, json: true));
        using var doc = JsonDocument.Parse(json.ToString());
        var audit = doc.RootElement.GetProperty("audits").EnumerateArray().Single();
        Assert.AreEqual("国民健康保険システム 令和5年度", audit.GetProperty("audit").GetString());
        var sub = audit.GetProperty("submissions");
        Assert.AreEqual((5, 3, 1, 1, 2, 1), (sub.GetProperty("expected").GetInt32(), sub.GetProperty("complete").GetInt32(), sub.GetProperty("partial").GetInt32(),
            sub.GetProperty("missing").GetInt32(), sub.GetProperty("overdue").GetInt32(), sub.GetProperty("unexpected").GetInt32()));
        var missing = sub.GetProperty("submitters").EnumerateArray().Single(s => s.GetProperty("state").GetString() == "missing");
        Assert.AreEqual("高橋 美咲", missing.GetProperty("name").GetString());
        Assert.AreEqual("監査人", missing.GetProperty("role").GetString());
        Assert.AreEqual("2023-10-13", missing.GetProperty("due").GetString());
        Assert.IsTrue(missing.GetProperty("overdue").GetBoolean());
        // A submitter not on the roster is counted; its name is a submitted file's text and stays out of the ledger.
        var unexpected = sub.GetProperty("submitters").EnumerateArray().Single(s => s.GetProperty("state").GetString() == "unexpected");
        Assert.AreEqual(JsonValueKind.Null, unexpected.GetProperty("name").ValueKind);
        Assert.IsFalse(json.ToString().Contains("さくらソリューションズ", StringComparison.Ordinal));
        Assert.AreEqual(6, doc.RootElement.GetProperty("ledger").GetProperty("archived").GetInt32());
        Assert.AreEqual("succeeded", doc.RootElement.GetProperty("lastConsolidation").GetProperty("outcome").GetString());
        Assert.AreEqual(0, doc.RootElement.GetProperty("waiting").GetProperty("count").GetInt32());
    }

    [TestMethod]
    public void Run_WithTheTemplatesSettings_ComparesTheSeedAuditWithTheRoster()
    {
        using var dir = new TempDir();
        Scenarios.Seed().WriteTo(dir["inbox"]);
        var settings = new Dictionary<string, string?>
        {
            ["Paths:Inbox"] = dir["inbox"],
            ["Paths:Output"] = dir["output"],
            ["Paths:State"] = dir["state"],
            ["Templates:Due"] = "令和5年10月13日",
            ["Templates:Auditors:0:Name"] = "佐藤 健一（監査責任者）",
            ["Templates:Auditors:0:Items:0"] = "1-*", ["Templates:Auditors:0:Items:1"] = "2-*", ["Templates:Auditors:0:Items:2"] = "3-*", ["Templates:Auditors:0:Items:3"] = "4-*",
            ["Templates:Auditors:1:Name"] = "高橋 美咲（監査人）",
            ["Templates:Auditors:1:Items:0"] = "5-*", ["Templates:Auditors:1:Items:1"] = "6-*", ["Templates:Auditors:1:Items:2"] = "7-*",
            ["Templates:Auditors:2:Name"] = "山田 花子",
            ["Templates:Auditors:3:Name"] = "鈴木 一郎",
            ["Templates:Auditors:3:Target"] = "住民記録システム",
        };
        var stdout = new StringWriter();

        Assert.AreEqual(0, RunCommand.Execute(settings, null, stdout, CancellationToken.None), stdout.ToString());

        // Without 山田 the seed audit is 確定; an expected auditor who sent nothing keeps it 暫定. 鈴木 is for another audit.
        StringAssert.Contains(stdout.ToString(), "■ 庶務事務システム 令和5年度  暫定");
        StringAssert.Contains(stdout.ToString(), "  提出状況: 予定 3 — 完了 2、一部 0、未提出 1（うち期限超過 1）");
        StringAssert.Contains(stdout.ToString(), "    未提出 1: 山田 花子（監査人、期限 令和5年10月13日 超過）");
        var book = WorkbookReader.Read(File.OpenRead(dir["output/庶務事務システム_令和5年度_監査結果.xlsx"]), "result.xlsx");
        var sheet = book.Sheets.Single(s => s.Name == "提出状況");
        Assert.AreEqual("設定 Templates:Auditors:2", sheet[6, 12]);
        Assert.AreEqual("未提出", sheet[6, 4]);
    }

    [TestMethod]
    public void Settings_TemplatesDueAndFiscalYear_AreChecked()
    {
        var config = AppHost.Configuration(new Dictionary<string, string?>
        {
            ["Templates:Due"] = "来週",
            ["Templates:Auditors:0:Name"] = "高橋 美咲",
            ["Templates:Auditors:0:Due"] = "10月中旬",
            ["Templates:Vendors:0:Name"] = "株式会社みなと情報システム",
            ["Templates:Vendors:0:FiscalYear"] = "今年",
        }, settingsFile: null);

        var (_, _, errors) = AppHost.Settings(config);

        CollectionAssert.AreEquivalent(new[] { "Templates:Auditors:0:Due", "Templates:Vendors:0:FiscalYear", "Templates:Due" },
            errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]).ToArray(), string.Join("; ", errors));
    }

    [TestMethod]
    public void Run_OverAnInboxOfTwoFiscalYears_WritesBoth_TheLaterComparedWithTheEarlier()
    {
        using var dir = new TempDir();
        Scenarios.TwoYears().WriteTo(dir["inbox"]);
        var stdout = new StringWriter();

        Assert.AreEqual(0, RunCommand.Execute(new Dictionary<string, string?>
        {
            ["Paths:Inbox"] = dir["inbox"], ["Paths:Output"] = dir["output"], ["Paths:State"] = dir["state"],
        }, null, stdout, CancellationToken.None), stdout.ToString());

        StringAssert.Contains(stdout.ToString(), "  前年度比較（令和5年度）: 改善 1、悪化 1、継続 4、新規 1、削除 1 — 前回指摘 4 件: 改善 1、悪化 0、継続 2、削除 1");
        Assert.IsTrue(File.Exists(dir["output/介護保険システム_令和5年度_監査結果.xlsx"]));
        var later = WorkbookReader.Read(File.OpenRead(dir["output/介護保険システム_令和6年度_監査結果.xlsx"]), "r6.xlsx");
        Assert.AreEqual("変化", later.Sheets.Single(s => s.Name == "監査結果")[3, 8]);
        Assert.IsTrue(later.Sheets.Single(s => s.Name == "総括").Rows.Any(r => r.Length > 0 && r[0].StartsWith("前回指摘事項の状況", StringComparison.Ordinal)));
    }
}
