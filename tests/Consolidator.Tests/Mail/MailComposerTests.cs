using System.Text;
using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Fixtures;
using Consolidator.Mail;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Consolidator.Tests.Mail;

[TestClass]
public sealed class MailComposerTests
{
    private static readonly DateTimeOffset Night = new(2023, 11, 2, 6, 0, 0, TimeSpan.FromHours(9));

    private static MailComposer Composer(Action<Consolidator.Options.MailSettings>? change = null) =>
        new(MailTestRun.Settings(25, change), new FakeTimeProvider(Night), ConsolidationOptions.Tokyo);

    /// <summary>An audit with the given judgments, one item each, in the seed report's scale.</summary>
    private static AuditResult Audit(string target, params string[] symbols)
    {
        var scale = JudgmentScale.Default;
        return new AuditResult
        {
            Key = new AuditKey(target, 2023),
            Scale = scale,
            Items = symbols.Select((s, i) => new ResultItem { Id = $"{i + 1}", Judgment = s.Length == 0 ? null : scale.BySymbol(s) }).ToList(),
        };
    }

    private static JobOutcome Outcome(params AuditResult[] audits) => new(new ConsolidationResult(audits, []), [], []);

    [TestMethod]
    // The 指摘事項 classes with a count, most severe first; the status in brackets.
    [DataRow(new[] { "〇", "×" }, "【監査結果】庶務事務システム 令和5年度 重大な不適合1件 (確定)")]
    [DataRow(new[] { "×", "", "〇" }, "【監査結果】庶務事務システム 令和5年度 重大な不適合1件 (暫定)")]
    [DataRow(new[] { "△", "×", "△", "□" }, "【監査結果】庶務事務システム 令和5年度 重大な不適合1件、不適合2件、注意事項1件 (確定)")]
    // 参考意見 and 対象外 are not 指摘事項.
    [DataRow(new[] { "〇", "⦿", "―" }, "【監査結果】庶務事務システム 令和5年度 指摘事項なし (確定)")]
    // Nothing judged: no claim about findings.
    [DataRow(new[] { "", "" }, "【監査結果】庶務事務システム 令和5年度 判定なし (暫定)")]
    [DataRow(new string[0], "【監査結果】庶務事務システム 令和5年度 判定なし (暫定)")]
    public void Subject_NamesTargetYearFindingsAndStatus(string[] judgments, string expected) =>
        Assert.AreEqual(expected, Composer().Compose(Outcome(Audit("庶務事務システム", judgments))).Single().Message.Subject);

    [TestMethod]
    public void Body_OfAnAuditWithoutAuditorChecklist_SaysSo_AndClaimsNoFindings()
    {
        var mail = Composer().Compose(Outcome(Audit("庶務事務システム"))).Single();

        StringAssert.Contains(mail.Message.TextBody, "状態: 暫定（監査人のチェックリストがありません（no auditor checklist）。");
        StringAssert.Contains(mail.Message.TextBody, "監査人のチェックリストがないため、判定結果を集計していない。");
        Assert.IsFalse(mail.Message.TextBody.Contains("指摘事項はなかった", StringComparison.Ordinal), mail.Message.TextBody);
    }

    [TestMethod]
    public void Subject_OfATargetWithLineBreaks_StaysOneHeader()
    {
        var mail = Composer().Compose(Outcome(Audit("庶務事務\r\nBcc: someone@example.com <b>", "〇"))).Single();

        Assert.AreEqual("【監査結果】庶務事務 Bcc: someone@example.com <b> 令和5年度 指摘事項なし (確定)", mail.Message.Subject);
        Assert.AreEqual(0, mail.Message.Bcc.Count);
        StringAssert.Contains(mail.Message.HtmlBody, "Bcc: someone@example.com &lt;b&gt;");
        Assert.IsFalse(mail.Message.HtmlBody.Contains("<b>", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Subject_AndBodies_ShowBidirectionalAndInvisibleCharactersAsQuestionMarks_AndTheLogsNameTheFile()
    {
        var mail = Composer().Compose(Outcome(Audit("報告\u202Eslx.exe\u200Bシステム", "〇"))).Single();

        Assert.AreEqual("【監査結果】報告?slx.exe?システム 令和5年度 指摘事項なし (確定)", mail.Message.Subject);
        StringAssert.Contains(mail.Message.TextBody, "■ 報告?slx.exe?システム 令和5年度");
        foreach (var text in new[] { mail.Message.Subject ?? "", mail.Message.TextBody ?? "", mail.Message.HtmlBody ?? "" })
            Assert.IsFalse(text.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format), text);
        Assert.AreEqual("報告_slx.exe_システム_令和5年度_監査結果.xlsx", mail.Description, "the logs describe a mail by its file, never by the cell's text");
    }

    [TestMethod]
    public void Compose_AttachesTheWorkbook_NamedInRfc2047ForOutlook()
    {
        using var run = MailTestRun.Create();
        var audit = Audit("庶務事務システム", "〇");
        var workbook = Path.Combine(run.Output, "庶務事務システム_令和5年度_監査結果.xlsx");
        Directory.CreateDirectory(run.Output);
        File.WriteAllBytes(workbook, [0x50, 0x4B, 0x03, 0x04, 0xFF, 0x00, 0x0D, 0x0A]);

        var mail = Composer().Compose(new JobOutcome(new ConsolidationResult([audit], []), [], [workbook])).Single();

        using var raw = new MemoryStream();
        mail.Message.WriteTo(raw);
        var headers = Encoding.ASCII.GetString(raw.ToArray());
        StringAssert.Contains(headers, "name=\"=?utf-8?b?");
        StringAssert.Contains(headers, "filename=\"=?utf-8?b?");
        Assert.IsFalse(headers.Contains("filename*", StringComparison.Ordinal), "Outlook does not read RFC 2231 names");
        Assert.IsTrue(raw.ToArray().All(b => b < 0x80), "7-bit clean, as any server takes it");
        var parsed = MimeMessage.Load(new MemoryStream(raw.ToArray()));
        var part = parsed.Attachments.OfType<MimePart>().Single();
        Assert.AreEqual("庶務事務システム_令和5年度_監査結果.xlsx", part.FileName);
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", part.ContentType.MimeType);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        CollectionAssert.AreEqual(File.ReadAllBytes(workbook), content.ToArray());
    }

    [TestMethod]
    public void Compose_HeadersAndAddresses_ComeFromSettings()
    {
        var message = Composer(s => s.To = ["a@example.lg.jp", "b@example.lg.jp"]).Compose(Outcome(Audit("庶務事務システム", "〇"))).Single().Message;

        Assert.AreEqual("\"監査事務局\" <audit@example.lg.jp>", message.From.ToString());
        CollectionAssert.AreEqual(new[] { "a@example.lg.jp", "b@example.lg.jp" }, message.To.Mailboxes.Select(m => m.Address).ToArray());
        Assert.AreEqual(Night, message.Date);
        StringAssert.EndsWith(message.MessageId, "@example.lg.jp");
        Assert.AreEqual("auto-generated", message.Headers["Auto-Submitted"]);
    }

    [TestMethod]
    public void Compose_TextBody_HoldsStatusReviewCountTableAndSentence()
    {
        var audit = Audit("庶務事務システム", "〇", "×", "", "―") with
        {
            Notes = [new ReviewNote(ReviewKind.Pending, "3", [], "", "未判定", "not judged", "", "")],
        };

        var text = Composer().Compose(Outcome(audit)).Single().Message.TextBody!.ReplaceLineEndings("\n");

        StringAssert.Contains(text, "状態: 暫定（未判定 1 件、要確認 1 件があります。確認後に再集計してください。）");
        StringAssert.Contains(text, "要確認: 1件　未判定: 1件");
        StringAssert.Contains(text, "  対象外: 1件\n  適合: 1件\n  参考意見: 0件\n  指摘事項 … 注意事項: 0件、不適合: 0件、重大な不適合: 1件\n  計: 3件");
        StringAssert.Contains(text, "「重大な不適合」1件を検出した。「不適合」「注意事項」はなかった。");
    }

    [TestMethod]
    public void Compose_SameRun_GivesTheSameId_WhateverTheClock()
    {
        var outcome = Outcome(Audit("庶務事務システム", "〇"));

        var first = Composer().Compose(outcome).Single();
        var later = new MailComposer(MailTestRun.Settings(25), new FakeTimeProvider(Night.AddHours(1)), ConsolidationOptions.Tokyo).Compose(outcome).Single();

        Assert.AreEqual(first.Id, later.Id);
        Assert.AreNotEqual(first.Message.Date, later.Message.Date);
    }

    [TestMethod]
    public void Compose_OneMailPerAudit_OrOneDigest()
    {
        var outcome = Outcome(Audit("庶務事務システム", "〇", "△"), Audit("財務会計システム", "×"));

        var perAudit = Composer().Compose(outcome);
        var digest = Composer(s => s.Digest = true).Compose(outcome).Single();

        CollectionAssert.AreEqual(new[]
        {
            "【監査結果】庶務事務システム 令和5年度 不適合1件 (確定)",
            "【監査結果】財務会計システム 令和5年度 重大な不適合1件 (確定)",
        }, perAudit.Select(m => m.Message.Subject).ToArray());
        Assert.AreEqual("【監査結果】2件の監査 重大な不適合1件、不適合1件 (確定)", digest.Message.Subject);
        StringAssert.Contains(digest.Message.TextBody, "■ 庶務事務システム 令和5年度");
        StringAssert.Contains(digest.Message.TextBody, "■ 財務会計システム 令和5年度");
        Assert.AreEqual(2, digest.Message.HtmlBody!.Split("<table").Length - 1);
    }

    [TestMethod]
    public void Compose_NoAudit_NoMail() =>
        Assert.AreEqual(0, Composer().Compose(Outcome()).Count);
}
