using Consolidator.Mail;
using MimeKit;

namespace Consolidator.Tests.Mail;

/// <summary>
/// The states a power cut can leave in the outbox, built on disk, then the mail sent again against a
/// real SMTP server on loopback. The order is: .eml flushed → renamed → outbox flushed (only then
/// it counts as queued) → sent → sent.log flushed → .eml removed. A mail is never lost; the one
/// window that can send a mail twice is a cut between the server's acceptance and the flush of
/// sent.log (SMTP has no way to ask a server whether it has a mail already).
/// </summary>
[TestClass]
public sealed class OutboxPowerCutTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static MailTestRun s_seed = null!;
    private static JobOutcome s_outcome = null!;

    [ClassInitialize]
    public static void ConsolidateSeed(TestContext _)
    {
        s_seed = MailTestRun.Create();
        s_outcome = s_seed.Consolidate();
    }

    [ClassCleanup]
    public static void DeleteSeed() => s_seed.Dispose();

    [TestMethod]
    public async Task EmlWritten_ItsRenameLost_IsNotQueued_TheRunQueuesItAgain_AndItIsSentOnce_TheTemporaryFileSwept()
    {
        using var run = MailTestRun.Create();
        var port = LoopbackSmtpServer.FreePort();
        var settings = MailTestRun.Settings(port);
        await run.Dispatcher(settings).SendAsync(s_outcome, None);
        var eml = run.Queued().Single();
        var temp = Path.Combine(run.OutboxFolder, $".{Path.GetFileName(eml)[..40]}.{Guid.NewGuid():N}.tmp");
        File.Move(eml, temp);
        File.SetLastWriteTimeUtc(temp, DateTime.UnixEpoch);
        var json = eml + ".json";
        if (File.Exists(json)) File.Delete(json);

        await using var server = await LoopbackSmtpServer.StartAsync(port: port);
        var report = await run.Dispatcher(settings).SendAsync(s_outcome, None);

        Assert.AreEqual(1, report.Sent);
        Assert.AreEqual(1, server.Messages.Count);
        Assert.AreEqual(0, run.Queued().Length);
        Assert.IsFalse(File.Exists(temp), "the mail that never reached the outbox is swept");
    }

    [TestMethod]
    public async Task SentLogBehind_TheMailStillInTheOutbox_IsSentOnceMore_ThenNeverAgain()
    {
        using var run = MailTestRun.Create();
        var port = LoopbackSmtpServer.FreePort();
        var settings = MailTestRun.Settings(port);
        await run.Dispatcher(settings).SendAsync(s_outcome, None);
        var id = MimeMessage.Load(run.Queued().Single()).MessageId!;
        Assert.IsFalse(File.Exists(SentLog(run)) && File.ReadAllText(SentLog(run)).Contains(id.Split('.')[0], StringComparison.Ordinal));

        await using var server = await LoopbackSmtpServer.StartAsync(port: port);
        var first = await run.Dispatcher(settings).FlushAsync(None);
        var again = await run.Dispatcher(settings).FlushAsync(None);

        Assert.AreEqual((1, 0), (first.Sent, again.Sent));
        Assert.AreEqual(id, server.Messages.Single().Parse().MessageId);
        StringAssert.Contains(File.ReadAllText(SentLog(run)), id.Split('.')[0]);
        Assert.AreEqual(0, run.Queued().Length);
    }

    [TestMethod]
    public async Task SentLogAhead_TheEmlRemovalLost_TheMailIsDiscarded_NotSentAgain()
    {
        using var run = MailTestRun.Create();
        var port = LoopbackSmtpServer.FreePort();
        var settings = MailTestRun.Settings(port);
        await run.Dispatcher(settings).SendAsync(s_outcome, None);
        var eml = run.Queued().Single();
        var bytes = File.ReadAllBytes(eml);
        await using var server = await LoopbackSmtpServer.StartAsync(port: port);
        Assert.AreEqual(1, (await run.Dispatcher(settings).FlushAsync(None)).Sent);
        File.WriteAllBytes(eml, bytes); // the removal after sent.log was flushed did not reach the disk

        var report = await run.Dispatcher(settings).FlushAsync(None);

        Assert.AreEqual(0, report.Sent);
        Assert.AreEqual(1, server.Messages.Count);
        Assert.AreEqual(0, run.Queued().Length);
    }

    private static string SentLog(MailTestRun run) => Path.Combine(run.OutboxFolder, "sent.log");
}
