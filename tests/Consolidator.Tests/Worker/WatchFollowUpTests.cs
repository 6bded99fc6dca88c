using Consolidator.Core.Model;
using Consolidator.Ledger;
using Consolidator.Tests.Mail;
using Consolidator.Tests.Support;

using Scenarios = Consolidator.Fixtures.Scenarios;

namespace Consolidator.Tests.Worker;

/// <summary>
/// 提出状況 and 前年度比較 in <c>watch</c>: the earlier year taken and archived first, the later one
/// weeks afterwards, compared from the archive; the earlier year's result workbook dropped in,
/// archived as 参照; the nightly mail with the short "still missing" list, on the injected clock.
/// </summary>
[TestClass]
public sealed class WatchFollowUpTests
{
    private static async Task TakeAndConsolidate(TestWorker w, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        w.Cycle.RequestRescan();
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        await w.PassAsync();
    }

    [TestMethod]
    public async Task LaterYear_ArrivingAfterTheEarlierWasArchived_IsComparedWithItFromTheArchive()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        var seen = new CollectingObserver();
        using var w = TestWorker.Create(root.Path, clock, null, seen);
        w.Cycle.Start();
        new Fixtures.Scenario("r5", Scenarios.CareEarlierYear("令和5年度/")).WriteTo(w.Folders.Inbox);
        await TakeAndConsolidate(w, clock);
        Assert.AreEqual(1, seen.Seen.Count);
        Assert.IsNull(seen.Seen[0].Outcome.Result.Audits.Single().Comparison);
        Assert.AreEqual(0, Folders.Stored(w.Folders.Inbox).Count, "令和5年度's files are in the archive now");

        clock.Advance(TimeSpan.FromDays(30));
        new Fixtures.Scenario("r6", Scenarios.TwoYears().Files.Where(f => !f.Path.StartsWith("令和5年度/", StringComparison.Ordinal)).ToList()).WriteTo(w.Folders.Inbox);
        await TakeAndConsolidate(w, clock);

        Assert.AreEqual(2, seen.Seen.Count);
        var audits = seen.Seen[1].Outcome.Result.Audits;
        Assert.AreEqual(2, audits.Count);
        var later = audits.Single(a => a.Key.FiscalYear == 2024);
        Assert.AreEqual(2023, later.Comparison!.Previous.Key.FiscalYear);
        Assert.IsNull(later.Comparison.Previous.File, "compared with what the archive holds of 令和5年度");
        Assert.AreEqual((1, 1, 4, 1, 1), (later.Comparison.All[YearChange.Improved], later.Comparison.All[YearChange.Worsened],
            later.Comparison.All[YearChange.Unchanged], later.Comparison.All[YearChange.New], later.Comparison.All[YearChange.Removed]));
        var book = Core.Reading.WorkbookReader.Read(File.OpenRead(Path.Combine(w.Folders.Output, "介護保険システム_令和6年度_監査結果.xlsx")), "r6.xlsx");
        Assert.IsTrue(book.Sheets.Single(s => s.Name == "総括").Rows.Any(r => r.Length > 0 && r[0].StartsWith("前回指摘事項の状況（令和5年度の指摘事項 4 件", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task EarlierYearsResultWorkbook_IsArchivedAsReference_AndCompared()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        var seen = new CollectingObserver();
        using var w = TestWorker.Create(root.Path, clock, null, seen);
        w.Cycle.Start();
        Scenarios.TwoYearsFromResult().WriteTo(w.Folders.Inbox);

        await TakeAndConsolidate(w, clock);

        var result = seen.Seen.Single().Outcome.Result;
        var later = result.Audits.Single();
        Assert.AreEqual("前年度/介護保険システム_令和5年度_監査結果.xlsx", later.Comparison!.Previous.File);
        var stored = w.Ledger.Files().Single(f => f.InboxPath.StartsWith("前年度/", StringComparison.Ordinal));
        Assert.AreEqual((FileOutcome.Archived, "参照"), (stored.Outcome, stored.Status));
        Assert.AreEqual(1, later.AuditorChecklists, "the result workbook is no checklist");
    }

    [TestMethod]
    public async Task NightlyMail_HoldsTheStillMissingList()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        using var w = TestWorker.Create(root.Path, clock, new Dictionary<string, string?>
        {
            ["Schedule:Cron"] = "0 2 * * *",
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:From"] = MailTestRun.From,
            ["Mail:To:0"] = MailTestRun.To,
        });
        w.Cycle.Start();
        Scenarios.Roster().WriteTo(w.Folders.Inbox);
        await TakeAndConsolidate(w, clock);

        clock.SetUtcNow(new DateTimeOffset(2024, 1, 10, 2, 0, 0, TimeSpan.FromHours(9)));
        await w.PassAsync();

        var message = smtp.Messages.Single().Parse();
        StringAssert.EndsWith(message.Subject, "(暫定)");
        var text = message.TextBody!.ReplaceLineEndings("\n");
        StringAssert.Contains(text, "状態: 暫定（提出予定の監査人 1 名（高橋 美咲）が未提出です（an expected auditor has not submitted）。");
        StringAssert.Contains(text, "提出状況: 予定 5 — 完了 3、一部 1、未提出 1（うち期限超過 2）、名簿外 1\n");
        StringAssert.Contains(text, "  未提出 1: 高橋 美咲（監査人、期限 令和5年10月13日 超過）\n");
        StringAssert.Contains(text, "  一部のみ 1: 株式会社みなと情報システム（事業者、3/4 項目、期限 令和5年10月6日 超過）\n");
        StringAssert.Contains(message.HtmlBody, "未提出 1: 高橋 美咲（監査人、期限 令和5年10月13日 超過）");
        Assert.IsFalse(text.Contains("さくらソリューションズ", StringComparison.Ordinal), "a submitter not on the roster is counted, not named");
    }
}
