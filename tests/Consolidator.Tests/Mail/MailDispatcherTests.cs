using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Consolidator.Fixtures;
using Consolidator.Mail;
using MimeKit;

namespace Consolidator.Tests.Mail;

/// <summary>
/// The dispatcher against a real SMTP server on 127.0.0.1 (<see cref="LoopbackSmtpServer"/>):
/// what arrives, what stays in the outbox when the server is down or refuses, and that nothing
/// arrives twice.
/// </summary>
[TestClass]
public sealed class MailDispatcherTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // The seed audit is consolidated once for the class; each test has its own state folder.
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
    public async Task SendAsync_DeliversTheWorkbookByteForByte_WithJapaneseSubjectAndTheTableInHtml()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        await using var server = await LoopbackSmtpServer.StartAsync();

        var report = await run.Dispatcher(MailTestRun.Settings(server.Port)).SendAsync(outcome, None);

        Assert.AreEqual(1, report.Sent, string.Join("\n", report.Lines()));
        Assert.AreEqual(0, report.Pending);
        var received = server.Messages.Single();
        CollectionAssert.AreEqual(new[] { MailTestRun.To }, received.To.ToArray());
        var message = received.Parse();
        Assert.AreEqual("【監査結果】庶務事務システム 令和5年度 重大な不適合1件 (確定)", message.Subject);
        var attachment = message.Attachments.OfType<MimePart>().Single();
        Assert.AreEqual("庶務事務システム_令和5年度_監査結果.xlsx", attachment.FileName);
        Assert.AreEqual("庶務事務システム_令和5年度_監査結果.xlsx", attachment.ContentType.Name);
        using var bytes = new MemoryStream();
        attachment.Content!.DecodeTo(bytes);
        CollectionAssert.AreEqual(File.ReadAllBytes(s_seed.Workbook), bytes.ToArray());
        var html = message.HtmlBody;
        StringAssert.Contains(html, "<th colspan=\"3\" style=\"");
        StringAssert.Contains(html, ">指摘事項</th>");
        StringAssert.Contains(html, ">重大な不適合</th>");
        StringAssert.Contains(html, ">13</td>");
        StringAssert.Contains(html, ">24</td>");
        StringAssert.Contains(html, ">38</td>");
        StringAssert.Contains(html, "「重大な不適合」1件を検出した。「不適合」「注意事項」はなかった。");
        StringAssert.Contains(message.TextBody, "要確認: 0件");
        Assert.AreEqual(0, run.Queued().Length, "a delivered mail leaves the outbox");
    }

    [TestMethod]
    public async Task SendAsync_ServerDown_KeepsTheEml_AndTheNextFlushDeliversItExactlyOnce()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        var port = LoopbackSmtpServer.FreePort();
        var settings = MailTestRun.Settings(port);

        var down = await run.Dispatcher(settings).SendAsync(outcome, None);

        Assert.AreEqual(0, down.Sent);
        Assert.AreEqual(1, down.Pending);
        Assert.AreEqual(MailFailureKind.Unreachable, down.Failures.Single().Kind);
        var eml = run.Queued().Single();
        var queuedId = MimeMessage.Load(eml).MessageId;
        StringAssert.Contains(run.Log.Text, "not sent (Unreachable)");
        StringAssert.Contains(run.Log.Text, "retrying in", "temporary failures are retried within the run");

        await using var server = await LoopbackSmtpServer.StartAsync(port: port);
        var up = await run.Dispatcher(settings).FlushAsync(None);
        var again = await run.Dispatcher(settings).FlushAsync(None);

        Assert.AreEqual(1, up.Sent);
        Assert.AreEqual(0, again.Sent);
        Assert.AreEqual(queuedId, server.Messages.Single().Parse().MessageId);
        Assert.AreEqual(0, run.Queued().Length);
    }

    [TestMethod]
    public async Task SendAsync_RecipientRefused_IsReportedWithTheAddress_AndTheMailKept()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        await using var server = await LoopbackSmtpServer.StartAsync(new() { Refuse = ["gone@example.lg.jp"] });
        var settings = MailTestRun.Settings(server.Port, s => s.To = [MailTestRun.To, "gone@example.lg.jp"]);

        var report = await run.Dispatcher(settings).SendAsync(outcome, None);

        var failure = report.Failures.Single();
        Assert.AreEqual(MailFailureKind.RecipientRefused, failure.Kind);
        Assert.AreEqual(550, failure.StatusCode);
        StringAssert.Contains(failure.MessageJa, "宛先 gone@example.lg.jp がメールサーバーに拒否されました");
        Assert.AreEqual(0, server.Messages.Count, "no recipient gets a mail another was refused: it is sent to all once fixed");
        Assert.AreEqual(1, run.Queued().Length);
        StringAssert.Contains(run.Log.Text, "not sent (RecipientRefused)");
        var status = OutboxStatus.Read(run.State);
        Assert.AreEqual(1, status.PendingCount);
        Assert.AreEqual(MailFailureKind.RecipientRefused, status.LastFailure!.Kind);

        // Mail:To corrected: the waiting mail goes to the recipients set now.
        var fixedReport = await run.Dispatcher(MailTestRun.Settings(server.Port)).FlushAsync(None);

        Assert.AreEqual(1, fixedReport.Sent);
        CollectionAssert.AreEqual(new[] { MailTestRun.To }, server.Messages.Single().To.ToArray());
    }

    [TestMethod]
    public async Task SendAsync_WrongPassword_IsReportedAsAuthentication_AndTheMailKept()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        await using var server = await LoopbackSmtpServer.StartAsync(new() { Credentials = ("consolidator", "right") });
        var settings = MailTestRun.Settings(server.Port, s => s.User = "consolidator");

        var wrong = await run.Dispatcher(settings, password: "wrong").SendAsync(outcome, None);

        Assert.AreEqual(MailFailureKind.Authentication, wrong.Failures.Single().Kind);
        Assert.AreEqual(1, run.Queued().Length);
        Assert.AreEqual(0, server.Messages.Count);
        Assert.IsFalse(run.Log.Text.Contains("wrong", StringComparison.Ordinal), "the password is never logged");

        var right = await run.Dispatcher(settings, password: "right").FlushAsync(None);

        Assert.AreEqual(1, right.Sent);
        Assert.AreEqual(1, server.Messages.Count);
    }

    [TestMethod]
    public async Task SendAsync_StartTlsNotOffered_IsReportedAsTls_NeverSentUnencrypted()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        await using var server = await LoopbackSmtpServer.StartAsync();

        var report = await run.Dispatcher(MailTestRun.Settings(server.Port, s => s.Security = Consolidator.Options.MailSecurity.StartTls)).SendAsync(outcome, None);

        Assert.AreEqual(MailFailureKind.Tls, report.Failures.Single().Kind);
        StringAssert.Contains(report.Failures[0].MessageJa, "STARTTLS に対応していません");
        Assert.AreEqual(0, server.Messages.Count);
        Assert.AreEqual(1, run.Queued().Length);
    }

    [TestMethod]
    public async Task SendAsync_UntrustedCertificate_IsReportedAsTls()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
        await using var server = await LoopbackSmtpServer.StartAsync(new() { Certificate = certificate });

        var report = await run.Dispatcher(MailTestRun.Settings(server.Port, s => s.Security = Consolidator.Options.MailSecurity.StartTls)).SendAsync(outcome, None);

        Assert.AreEqual(MailFailureKind.Tls, report.Failures.Single().Kind, report.Failures.Single().ToString());
        Assert.AreEqual(0, server.Messages.Count);
        Assert.AreEqual(1, run.Queued().Length);
    }

    [TestMethod]
    public async Task SendAsync_TemporaryRefusal_IsRetriedWithinTheRun()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        await using var server = await LoopbackSmtpServer.StartAsync(new() { TransientFailures = 2 });

        var report = await run.Dispatcher(MailTestRun.Settings(server.Port)).SendAsync(outcome, None);

        Assert.AreEqual(1, report.Sent);
        Assert.AreEqual(0, report.Failures.Count);
        Assert.AreEqual(3, server.DataCommands, "two 451 replies, then accepted");
        Assert.AreEqual(1, server.Messages.Count);
    }

    [TestMethod]
    public async Task SendAsync_TheSameRunTwice_SendsOnce()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        await using var server = await LoopbackSmtpServer.StartAsync();
        var dispatcher = run.Dispatcher(MailTestRun.Settings(server.Port));

        await dispatcher.SendAsync(outcome, None);
        var second = await dispatcher.SendAsync(outcome, None);

        Assert.AreEqual(1, second.Duplicates);
        Assert.AreEqual(0, second.Sent);
        Assert.AreEqual(1, server.Messages.Count);
    }

    [TestMethod]
    public async Task SendAsync_ANewerRunOfTheSameAudit_ReplacesTheWaitingMail()
    {
        using var run = MailTestRun.Create();
        var port = LoopbackSmtpServer.FreePort();
        var settings = MailTestRun.Settings(port, s => s.RetryCount = 0);
        await run.Dispatcher(settings).SendAsync(s_outcome, None);
        var older = run.Queued().Single();

        // The next night an auditor has cleared a judgment: the audit is now 暫定.
        var changed = Fixtures.SeedAudit.Items.Select(i => i.Id == "5-1" ? i with { Judgment = "" } : i).ToList();
        await using var server = await LoopbackSmtpServer.StartAsync(port: port);
        var newer = await run.Dispatcher(settings).SendAsync(run.Consolidate(changed), None);

        Assert.AreEqual(1, newer.Superseded);
        Assert.AreEqual(1, newer.Sent);
        Assert.AreEqual(1, server.Messages.Count, "one current mail, not a stale one and a current one");
        Assert.AreEqual("【監査結果】庶務事務システム 令和5年度 重大な不適合1件 (暫定)", server.Messages.Single().Parse().Subject);
        Assert.IsFalse(File.Exists(older));
        StringAssert.Contains(run.Log.Text, "superseded");
    }

    [TestMethod]
    public async Task FlushAsync_TwoProcessesAtOnce_SendEachMailOnce()
    {
        using var run = MailTestRun.Create();
        var port = LoopbackSmtpServer.FreePort();
        var settings = MailTestRun.Settings(port, s => s.RetryCount = 0);
        await run.Dispatcher(settings).SendAsync(s_outcome, None);

        await using var server = await LoopbackSmtpServer.StartAsync(port: port);
        var reports = await Task.WhenAll(run.Dispatcher(settings).FlushAsync(None), run.Dispatcher(settings).FlushAsync(None));

        Assert.AreEqual(1, reports.Sum(r => r.Sent));
        Assert.AreEqual(1, server.Messages.Count);
    }

    [TestMethod]
    public async Task SendAsync_Digest_SendsOneMailWithEveryWorkbook()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        await using var server = await LoopbackSmtpServer.StartAsync();

        var report = await run.Dispatcher(MailTestRun.Settings(server.Port, s => s.Digest = true)).SendAsync(outcome, None);

        Assert.AreEqual(1, report.Sent);
        var message = server.Messages.Single().Parse();
        Assert.AreEqual("【監査結果】庶務事務システム 令和5年度 重大な不適合1件 (確定)", message.Subject);
        Assert.AreEqual(1, message.Attachments.Count());
    }

    [TestMethod]
    public async Task SendAsync_DigestOfTwoAudits_SendsOneMailWithBothWorkbooksAndTheOverview()
    {
        using var run = MailTestRun.Create();
        var outcome = run.Consolidate(Scenarios.MultiAudit());
        Assert.AreEqual(2, outcome.Result.Audits.Count);
        await using var server = await LoopbackSmtpServer.StartAsync();

        var report = await run.Dispatcher(MailTestRun.Settings(server.Port, s => s.Digest = true)).SendAsync(outcome, None);

        Assert.AreEqual(1, report.Sent, string.Join("\n", report.Lines()));
        Assert.AreEqual(1, server.Messages.Count, "one digest, not a mail per audit");
        var message = server.Messages.Single().Parse();
        Assert.AreEqual("【監査結果】2件の監査 不適合1件、注意事項1件 (暫定あり)", message.Subject);
        CollectionAssert.AreEquivalent(
            new[] { "人事給与システム_令和5年度_監査結果.xlsx", "図書館システム_令和5年度_監査結果.xlsx", "監査結果一覧.xlsx" },
            message.Attachments.OfType<MimePart>().Select(a => a.FileName).ToArray());
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var bytes = new MemoryStream();
            part.Content!.DecodeTo(bytes);
            CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(run.Output, part.FileName!)), bytes.ToArray(), part.FileName);
        }
        StringAssert.Contains(message.HtmlBody, "人事給与システム");
        StringAssert.Contains(message.HtmlBody, "図書館システム");
    }

    [TestMethod]
    public async Task SendAsync_OutboxCannotBeWritten_IsReported_NotThrown()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        Directory.CreateDirectory(run.State);
        File.WriteAllText(run.OutboxFolder, "a file where the outbox folder should be");
        await using var server = await LoopbackSmtpServer.StartAsync();

        var report = await run.Dispatcher(MailTestRun.Settings(server.Port)).SendAsync(outcome, None);

        Assert.AreEqual(MailFailureKind.Outbox, report.Failures.Single().Kind);
        StringAssert.Contains(report.Lines()[^1], "送信できませんでした / Not sent: 送信箱");
        Assert.AreEqual(0, server.Messages.Count, "nothing is sent that was not first written to the outbox");
        StringAssert.Contains(run.Log.Text, "Error: Mail: the outbox");
    }

    [TestMethod]
    public async Task SendAsync_LogsNamesAndReasons_NeverCellText()
    {
        using var run = MailTestRun.Create();
        var outcome = s_outcome;
        await using var server = await LoopbackSmtpServer.StartAsync(new() { Refuse = [MailTestRun.To] });

        await run.Dispatcher(MailTestRun.Settings(server.Port)).SendAsync(outcome, None);

        var log = run.Log.Text;
        StringAssert.Contains(log, "RecipientRefused");
        foreach (var item in Fixtures.SeedAudit.Items)
        {
            Assert.IsFalse(log.Contains(item.Text, StringComparison.Ordinal), item.Id);
            if (item.Finding is { } finding) Assert.IsFalse(log.Contains(finding, StringComparison.Ordinal), item.Id);
        }
    }
}
