using Consolidator.Commands;
using Consolidator.Tests.Mail;

namespace Consolidator.Tests.Commands;

/// <summary><c>run --mail</c> end to end: settings as the command line gives them, a real SMTP server on loopback.</summary>
[TestClass]
public sealed class RunCommandMailTests
{
    private static (int Code, string Out, string Err) Run(Dictionary<string, string?> overrides, bool mail)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var saved = Console.Error;
        Console.SetError(stderr);
        try
        {
            var code = RunCommand.Execute(overrides, null, stdout, CancellationToken.None, mail);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetError(saved);
        }
    }

    [TestMethod]
    public async Task Run_WithMail_MailsTheWorkbookAfterTheRun()
    {
        using var office = MailTestRun.Create();
        await using var server = await LoopbackSmtpServer.StartAsync();

        var (code, stdout, _) = Run(office.RunOverrides(server.Port), mail: true);

        Assert.AreEqual(0, code, stdout);
        StringAssert.Contains(stdout, "メール / Mail: 送信 1 通 / 1 sent");
        var message = server.Messages.Single().Parse();
        Assert.AreEqual("【監査結果】庶務事務システム 令和5年度 重大な不適合1件 (確定)", message.Subject);
        Assert.AreEqual(0, office.Queued().Length);
    }

    [TestMethod]
    public async Task Run_WithMail_ServerDown_ExitsThree_KeepsTheMail_AndTheNextRunDeliversExactlyOnce()
    {
        using var office = MailTestRun.Create();
        var port = LoopbackSmtpServer.FreePort();

        var (down, downOut, _) = Run(office.RunOverrides(port), mail: true);

        Assert.AreEqual(4, down, downOut);
        StringAssert.Contains(downOut, "送信できませんでした / Not sent: メールサーバー 127.0.0.1:");
        StringAssert.Contains(downOut, "送信待ち 1 通は");
        Assert.IsTrue(File.Exists(office.Workbook), "the results are written whatever becomes of the mail");
        Assert.AreEqual(1, office.Queued().Length);

        await using var server = await LoopbackSmtpServer.StartAsync(port: port);
        var (up, upOut, _) = Run(office.RunOverrides(port), mail: true);

        Assert.AreEqual(0, up, upOut);
        Assert.AreEqual(1, server.Messages.Count, upOut);
        Assert.AreEqual(0, office.Queued().Length);
    }

    [TestMethod]
    public void Run_WithMail_AndIncompleteSettings_StopsBeforeReading_NamingEachSetting()
    {
        using var office = MailTestRun.Create();
        var overrides = office.RunOverrides(25);
        overrides.Remove("Mail:From");
        overrides["Mail:To:0"] = "総務課";

        var (code, stdout, stderr) = Run(overrides, mail: true);

        Assert.AreEqual(2, code);
        Assert.AreEqual("", stdout);
        StringAssert.Contains(stderr, "設定に誤りがあります / Invalid settings:");
        StringAssert.Contains(stderr, "  - Mail:From: 差出人がありません");
        StringAssert.Contains(stderr, "  - Mail:To:0: '総務課' はメールアドレスではありません / is not a mail address.");
        Assert.IsFalse(Directory.Exists(office.Output));
    }

    [TestMethod]
    public void Run_WithoutMail_IgnoresTheMailSection_AndHasNoOutbox()
    {
        using var office = MailTestRun.Create();
        var overrides = office.RunOverrides(LoopbackSmtpServer.FreePort());
        overrides["Mail:To:0"] = "not an address";

        var (code, stdout, _) = Run(overrides, mail: false);

        Assert.AreEqual(0, code, stdout);
        Assert.IsFalse(stdout.Contains("メール", StringComparison.Ordinal));
        Assert.IsTrue(File.Exists(office.Workbook));
        Assert.IsFalse(Directory.Exists(office.OutboxFolder));
    }
}
