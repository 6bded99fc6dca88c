using Consolidator.Mail;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Consolidator.Tests.Mail;

/// <summary>The outbox on a real folder: what is written, kept, replaced, remembered and shown.</summary>
[TestClass]
public sealed class OutboxTests
{
    private static readonly DateTimeOffset Night = new(2023, 11, 1, 21, 0, 0, TimeSpan.Zero);
    private DirectoryInfo _state = null!;
    private FakeTimeProvider _time = null!;

    [TestInitialize]
    public void Create()
    {
        _state = Directory.CreateTempSubdirectory("outbox-");
        _time = new FakeTimeProvider(Night);
    }

    [TestCleanup]
    public void Delete() => _state.Delete(recursive: true);

    private static OutgoingMail Mail(string topic, string id, string subject = "【監査結果】庶務事務システム 令和5年度 指摘事項なし (確定)")
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "本文" } };
        message.From.Add(MailboxAddress.Parse("audit@example.lg.jp"));
        message.To.Add(MailboxAddress.Parse("kansa@example.lg.jp"));
        return new OutgoingMail(topic, id, topic, message);
    }

    [TestMethod]
    public void Enqueue_WritesTheMailAsEml_InStateOutbox()
    {
        var outbox = new Outbox(_state.FullName, _time);

        var result = outbox.Enqueue(Mail("audit:A:2023", "0123456789abcdef01234567"), supersede: true);

        Assert.AreEqual(EnqueueState.Queued, result.State);
        Assert.AreEqual(Path.Combine(_state.FullName, "outbox"), Path.GetDirectoryName(result.Entry!.Path));
        StringAssert.EndsWith(result.Entry.Path, $"20231101T210000000Z_{Outbox.TopicHash("audit:A:2023")}_0123456789abcdef01234567.eml");
        Assert.AreEqual("【監査結果】庶務事務システム 令和5年度 指摘事項なし (確定)", MimeMessage.Load(result.Entry.Path).Subject);
        CollectionAssert.AreEqual(new[] { result.Entry.Path }, Directory.GetFiles(outbox.Folder).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).ToArray());
    }

    [TestMethod]
    public void Enqueue_TheSameMailTwice_QueuesIt_Once()
    {
        var outbox = new Outbox(_state.FullName, _time);
        outbox.Enqueue(Mail("audit:A:2023", "aaaaaaaaaaaaaaaaaaaaaaaa"), supersede: true);
        _time.Advance(TimeSpan.FromMinutes(1));

        var again = outbox.Enqueue(Mail("audit:A:2023", "aaaaaaaaaaaaaaaaaaaaaaaa"), supersede: true);

        Assert.AreEqual(EnqueueState.AlreadyQueued, again.State);
        Assert.AreEqual(1, outbox.Pending().Count);
    }

    [TestMethod]
    public void Enqueue_ANewerMailOnTheSameTopic_ReplacesTheWaitingOne_OnlyUnderTheLock()
    {
        var outbox = new Outbox(_state.FullName, _time);
        outbox.Enqueue(Mail("audit:A:2023", "aaaaaaaaaaaaaaaaaaaaaaaa"), supersede: true);
        outbox.Enqueue(Mail("audit:B:2023", "bbbbbbbbbbbbbbbbbbbbbbbb"), supersede: true);
        _time.Advance(TimeSpan.FromDays(1));

        var unlocked = outbox.Enqueue(Mail("audit:A:2023", "cccccccccccccccccccccccc"), supersede: false);
        var locked = outbox.Enqueue(Mail("audit:A:2023", "dddddddddddddddddddddddd"), supersede: true);

        Assert.AreEqual(0, unlocked.Superseded.Count);
        CollectionAssert.AreEqual(new[] { "aaaaaaaaaaaaaaaaaaaaaaaa", "cccccccccccccccccccccccc" }, locked.Superseded.Select(e => e.Id).ToArray());
        CollectionAssert.AreEqual(new[] { "bbbbbbbbbbbbbbbbbbbbbbbb", "dddddddddddddddddddddddd" }, outbox.Pending().Select(e => e.Id).ToArray());
    }

    [TestMethod]
    public void Delivered_RemovesTheEml_AndRemembersIt_SoItIsNeverQueuedAgain()
    {
        var outbox = new Outbox(_state.FullName, _time);
        var entry = outbox.Enqueue(Mail("audit:A:2023", "aaaaaaaaaaaaaaaaaaaaaaaa"), supersede: true).Entry!;

        outbox.Delivered(entry);
        var again = outbox.Enqueue(Mail("audit:A:2023", "aaaaaaaaaaaaaaaaaaaaaaaa"), supersede: true);

        Assert.IsFalse(File.Exists(entry.Path));
        Assert.IsTrue(outbox.WasSent("aaaaaaaaaaaaaaaaaaaaaaaa"));
        Assert.AreEqual(EnqueueState.AlreadySent, again.State);
        Assert.AreEqual(0, outbox.Pending().Count);
    }

    [TestMethod]
    public void Failed_KeepsTheMail_WithItsAttemptsAndReason_ForStatus()
    {
        var outbox = new Outbox(_state.FullName, _time);
        var entry = outbox.Enqueue(Mail("audit:A:2023", "aaaaaaaaaaaaaaaaaaaaaaaa"), supersede: true).Entry!;
        var failure = new MailFailure(MailFailureKind.Unreachable, "メールサーバー smtp:587 に接続できません", "The mail server smtp:587 cannot be reached", "Connection refused", null, Night.AddMinutes(1));

        Outbox.Failed(Outbox.Failed(entry, failure), failure with { At = Night.AddMinutes(2) });
        var status = OutboxStatus.Read(_state.FullName);

        Assert.AreEqual(1, status.PendingCount);
        Assert.AreEqual(2, status.Pending[0].Attempts);
        Assert.AreEqual(MailFailureKind.Unreachable, status.LastFailure!.Kind);
        CollectionAssert.AreEqual(new[]
        {
            $"メール送信待ち / Mail outbox: 1 通 / 1 waiting ({outbox.Folder})",
            "  2023-11-02 06:00  【監査結果】庶務事務システム 令和5年度 指摘事項なし (確定)  試行 2 回 / 2 attempts",
            "最後の失敗 / Last failure: 2023-11-02 06:02  メールサーバー smtp:587 に接続できません / The mail server smtp:587 cannot be reached (Connection refused)",
            "最後の送信 / Last sent: なし / never",
        }, status.Lines(Core.ConsolidationOptions.Tokyo).ToArray());
    }

    [TestMethod]
    public void Status_OfAnOutboxNeverUsed_SaysSo()
    {
        var status = OutboxStatus.Read(_state.FullName);

        Assert.AreEqual(0, status.PendingCount);
        Assert.IsNull(status.LastFailure);
        Assert.IsNull(status.LastSentAt);
        Assert.IsFalse(Directory.Exists(Path.Combine(_state.FullName, "outbox")), "status only reads");
    }

    [TestMethod]
    public async Task LockAsync_IsHeldByOneAtATime()
    {
        var outbox = new Outbox(_state.FullName, _time);

        using (var first = await outbox.LockAsync(TimeSpan.Zero, CancellationToken.None))
        {
            Assert.IsNotNull(first);
            Assert.IsNull(await new Outbox(_state.FullName, _time).LockAsync(TimeSpan.Zero, CancellationToken.None));
        }
        using var afterwards = await outbox.LockAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.IsNotNull(afterwards);
    }
}
