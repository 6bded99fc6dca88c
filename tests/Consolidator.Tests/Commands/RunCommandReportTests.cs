using Consolidator.Commands;
using Consolidator.Tests.Mail;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Consolidator.Tests.Commands;

/// <summary>
/// The audit report draft as the commands write it: beside each result workbook, with the office's
/// texts from the Report section, attached to the mail when Mail:AttachReport is set.
/// </summary>
[TestClass]
public sealed class RunCommandReportTests
{
    private static (int Code, string Out, string Err) Run(Dictionary<string, string?> overrides, bool mail = false)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var saved = Console.Error;
        Console.SetError(stderr);
        try
        {
            return (RunCommand.Execute(overrides, null, stdout, CancellationToken.None, mail), stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetError(saved);
        }
    }

    [TestMethod]
    public void Run_WritesTheReportDraftBesideTheWorkbook_WithTheOfficesTexts()
    {
        using var office = MailTestRun.Create();
        var overrides = office.RunOverrides(25);
        overrides["Report:Purpose"] = "本市の情報資産の安全性を確認する。";
        overrides["Report:Audits:0:Target"] = "庶務事務 システム";
        overrides["Report:Audits:0:Firm"] = "監査法人かもめ";
        overrides["Report:Audits:1:Target"] = "別のシステム";
        overrides["Report:Audits:1:Firm"] = "別の監査法人";

        var (code, stdout, _) = Run(overrides);

        Assert.AreEqual(0, code, stdout);
        var draft = Path.Combine(office.Output, "庶務事務システム_令和5年度_監査報告書案.docx");
        StringAssert.Contains(stdout, "→ " + draft);
        using var doc = WordprocessingDocument.Open(draft, false);
        Assert.AreEqual(0, new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc).Count());
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        StringAssert.Contains(text, "本市の情報資産の安全性を確認する。");
        StringAssert.Contains(text, "監査法人かもめ", "the override of the target (compared without white space) applies");
        Assert.IsFalse(text.Contains("別の監査法人", StringComparison.Ordinal));
        StringAssert.Contains(text, "「重大な不適合」1件を検出した。「不適合」「注意事項」はなかった。");
    }

    [TestMethod]
    public void Run_WithAnUnreadableReportYear_StopsBeforeReading_NamingTheSetting()
    {
        using var office = MailTestRun.Create();
        var overrides = office.RunOverrides(25);
        overrides["Report:Audits:0:Target"] = "庶務事務システム";
        overrides["Report:Audits:0:FiscalYear"] = "来年";

        var (code, _, stderr) = Run(overrides);

        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "Report:Audits:0:FiscalYear: 「来年」は年度として読めません");
        Assert.IsFalse(Directory.Exists(office.Output));
    }

    [TestMethod]
    public async Task RunWithMail_AttachReport_AttachesTheDraftBesideTheWorkbook()
    {
        using var office = MailTestRun.Create();
        await using var server = await LoopbackSmtpServer.StartAsync();
        var overrides = office.RunOverrides(server.Port);
        overrides["Mail:AttachReport"] = "true";

        var (code, stdout, _) = Run(overrides, mail: true);

        Assert.AreEqual(0, code, stdout);
        var attachments = server.Messages.Single().Parse().Attachments.OfType<MimeKit.MimePart>().ToList();
        CollectionAssert.AreEqual(new[] { "庶務事務システム_令和5年度_監査結果.xlsx", "庶務事務システム_令和5年度_監査報告書案.docx" }, attachments.Select(a => a.FileName).ToArray());
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.wordprocessingml.document", attachments[1].ContentType.MimeType);
        using var bytes = new MemoryStream();
        attachments[1].Content!.DecodeTo(bytes);
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(office.Output, "庶務事務システム_令和5年度_監査報告書案.docx")), bytes.ToArray());
    }

    [TestMethod]
    public async Task RunWithMail_WithoutAttachReport_AttachesTheWorkbookAlone()
    {
        using var office = MailTestRun.Create();
        await using var server = await LoopbackSmtpServer.StartAsync();

        var (code, stdout, _) = Run(office.RunOverrides(server.Port), mail: true);

        Assert.AreEqual(0, code, stdout);
        var names = server.Messages.Single().Parse().Attachments.OfType<MimeKit.MimePart>().Select(a => a.FileName).ToArray();
        CollectionAssert.AreEqual(new[] { "庶務事務システム_令和5年度_監査結果.xlsx" }, names);
    }
}
