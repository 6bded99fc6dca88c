using Consolidator.Ledger;
using Consolidator.Mail;
using Consolidator.Tests.Mail;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Worker;

/// <summary>
/// The worker as `watch` builds it with a section Mail: the overnight (scheduled) consolidation
/// is mailed to a real SMTP server on loopback; consolidations after changes are not; mail left
/// waiting while the server was down goes out at the next scheduled run, once.
/// </summary>
[TestClass]
public sealed class MailAfterScheduleTests
{
    private static Dictionary<string, string?> Settings(int port) => new()
    {
        ["Schedule:Cron"] = "0 2 * * *",
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = MailTestRun.From,
        ["Mail:To:0"] = MailTestRun.To,
        ["Mail:RetryCount"] = "1",
        ["Mail:RetryDelay"] = "00:00:00.010",
    };

    private static async Task TakeAndConsolidate(TestWorker w, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        await w.PassAsync();
    }

    /// <summary>A pass whose mail retries wait on the fake clock: the clock is moved on until the pass ends.</summary>
    private static async Task PassWhileTimePasses(TestWorker w, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        var pass = w.PassAsync();
        for (var i = 0; i < 600 && !pass.IsCompleted; i++)
        {
            await Task.Delay(20);
            clock.Advance(TimeSpan.FromSeconds(5));
        }
        Assert.IsTrue(pass.IsCompleted, "the pass did not end");
        await pass;
    }

    [TestMethod]
    public async Task ScheduledRun_MailsTheWorkbook_ChangesDoNot()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        using var w = TestWorker.Create(root.Path, clock, Settings(smtp.Port));
        w.Cycle.Start();
        foreach (var f in Inputs.SeedVersion(0)) f.WriteTo(w.Folders.Inbox);

        await TakeAndConsolidate(w, clock);
        Assert.AreEqual(RunTrigger.Change, w.Ledger.LastRun()!.Trigger);
        Assert.AreEqual(0, smtp.Messages.Count, "a consolidation after changes is not mailed");

        clock.SetUtcNow(new DateTimeOffset(2024, 1, 10, 2, 0, 0, TimeSpan.FromHours(9)));
        var report = await w.PassAsync();

        Assert.AreEqual(RunTrigger.Schedule, report.Trigger);
        var message = smtp.Messages.Single().Parse();
        StringAssert.StartsWith(message.Subject, "【監査結果】庶務事務システム 令和5年度");
        var workbook = Path.Combine(w.Folders.Output, "庶務事務システム_令和5年度_監査結果.xlsx");
        var attachment = message.Attachments.OfType<MimeKit.MimePart>().Single();
        using var ms = new MemoryStream();
        attachment.Content!.DecodeTo(ms);
        CollectionAssert.AreEqual(File.ReadAllBytes(workbook), ms.ToArray(), "the attachment is the workbook in output/, byte for byte");
        Assert.AreEqual(0, OutboxStatus.Read(w.Folders.State).PendingCount);
    }

    [TestMethod]
    public async Task ServerDownAtTheScheduledRun_MailWaits_AndTheNextScheduledRunDeliversItOnce()
    {
        var port = LoopbackSmtpServer.FreePort();
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        using var w = TestWorker.Create(root.Path, clock, Settings(port));
        w.Cycle.Start();
        foreach (var f in Inputs.SeedVersion(0)) f.WriteTo(w.Folders.Inbox);
        await TakeAndConsolidate(w, clock);

        clock.SetUtcNow(new DateTimeOffset(2024, 1, 10, 2, 0, 0, TimeSpan.FromHours(9)));
        await PassWhileTimePasses(w, clock);
        Assert.AreEqual(1, OutboxStatus.Read(w.Folders.State).PendingCount, "the mail waits in state/outbox");

        await using var smtp = await LoopbackSmtpServer.StartAsync(port: port);
        clock.SetUtcNow(new DateTimeOffset(2024, 1, 11, 2, 0, 0, TimeSpan.FromHours(9)));
        await PassWhileTimePasses(w, clock);

        Assert.AreEqual(1, smtp.Messages.Count, "one mail: this night's replaced the one waiting");
        Assert.AreEqual(0, OutboxStatus.Read(w.Folders.State).PendingCount);
    }
}
