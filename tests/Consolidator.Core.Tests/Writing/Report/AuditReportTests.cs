using Consolidator.Core.Model;
using Consolidator.Core.Tests.EndToEnd;
using Consolidator.Core.Writing.Report;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace Consolidator.Core.Tests.Writing.Report;

/// <summary>
/// The audit report draft of the seed audit, read back with the Open XML SDK as Word would: the
/// numbered headings in the report's shape, the judgment-method table from the scale, the count
/// table with 指摘事項 merged over its three classes, the sentence exactly as on 総括, the
/// findings; the SDK's validator finds nothing to repair.
/// </summary>
[TestClass]
public sealed class AuditReportTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 28, 6, 0, 0, TimeSpan.FromHours(9));

    private static AuditResult Seed()
    {
        var files = Directory.GetFiles(Repository.InputSamples).Select(p => SourceFile.FromDisk(p, Path.GetFileName(p))).ToList();
        return new Consolidation().Run(files).Audits.Single();
    }

    private static byte[] Draft(AuditResult audit, ReportTexts? texts = null)
    {
        using var ms = new MemoryStream();
        AuditReport.Write(audit, texts ?? ReportTexts.Empty, GeneratedAt, ms);
        return ms.ToArray();
    }

    private static List<(string Style, string Text)> Paragraphs(Body body) => body.Elements<Paragraph>()
        .Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "", p.InnerText)).ToList();

    /// <summary>A table as text: each row its cells' texts, with the span of each cell over the grid.</summary>
    private static List<List<(string Text, int Span, string? Merge)>> Cells(Table table) => table.Elements<TableRow>()
        .Select(r => r.Elements<TableCell>().Select(c => (
            string.Join("\n", c.Elements<Paragraph>().Select(p => string.Concat(p.Descendants().Select(d => d switch { Text t => t.Text, Break => "\n", _ => "" })))),
            c.TableCellProperties?.GridSpan?.Val?.Value ?? 1,
            c.TableCellProperties?.VerticalMerge is { } vm ? (vm.Val?.Value == MergedCellValues.Restart ? "restart" : "continue") : null)).ToList())
        .ToList();

    [TestMethod]
    public void Seed_Draft_HasTheReportsHeadings()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Draft(Seed())), false);
        var headings = Paragraphs(doc.MainDocumentPart!.Document.Body!).Where(p => p.Style.StartsWith("Heading", StringComparison.Ordinal)).Select(p => p.Text).ToArray();
        CollectionAssert.AreEqual(new[]
        {
            "1　監査概要", "1.1　監査目的", "1.2　監査対象", "(1)　対象業務", "(2)　対象部署・対象者", "1.3　監査基準", "(1)　適用基準",
            "(2)　監査結果判定方法", "1.4　監査方法", "1.5　監査体制", "1.6　監査スケジュール", "2　運用監査結果", "2.1　総括", "2.2　指摘事項",
        }, headings);
    }

    [TestMethod]
    public void Seed_Draft_CountTableAndSentence_AreThoseOfTheSeedReport()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Draft(Seed())), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var count = body.Elements<Table>().Select(Cells).Single(t => t[0].Any(c => c.Text == "計"));
        Assert.AreEqual(3, count.Count, "two header rows and the numbers");
        CollectionAssert.AreEqual(new[] { "対象外", "適合", "参考意見", "指摘事項", "計" }, count[0].Select(c => c.Text).ToArray());
        var merged = count[0].Single(c => c.Text == "指摘事項");
        Assert.AreEqual(3, merged.Span, "指摘事項 spans its three classes");
        Assert.IsTrue(count[0].Where(c => c.Text != "指摘事項").All(c => c.Merge == "restart"), "the other headers are merged over both header rows");
        CollectionAssert.AreEqual(new[] { "", "", "", "注意事項", "不適合", "重大な不適合", "" }, count[1].Select(c => c.Text).ToArray());
        CollectionAssert.AreEqual(new[] { "13", "24", "0", "0", "0", "1", "38" }, count[2].Select(c => c.Text).ToArray());

        var texts = Paragraphs(body).Select(p => p.Text).ToList();
        Assert.IsTrue(texts.Contains("「重大な不適合」1件を検出した。「不適合」「注意事項」はなかった。"));
        Assert.IsTrue(texts.Contains("状態：確定（全項目が判定済みで、要確認の事項はない。）"));
        Assert.IsFalse(texts.Any(t => t.Contains("【暫定】", StringComparison.Ordinal)), "a final audit's draft carries no provisional warning");
        Assert.IsTrue(texts.Contains("監査項目一覧の 38 項目について、監査人 2 名がチェックリストにより判定した。判定に先立ち、委託事業者 2 者から事前回答を受けた。"));
    }

    [TestMethod]
    public void Seed_Draft_JudgmentMethodTable_ComesFromTheScale()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Draft(Seed())), false);
        var method = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Select(Cells).Single(t => t[0].Any(c => c.Text == "判定基準"));
        CollectionAssert.AreEqual(new[] { "判定", "区分", "判定基準", "指摘事項" }, method[0].Select(c => c.Text).ToArray());
        CollectionAssert.AreEqual(new[] { "〇", "⦿", "□", "△", "×", "―" }, method.Skip(1).Select(r => r[0].Text).ToArray());
        CollectionAssert.AreEqual(new[] { "適合", "参考意見", "注意事項", "不適合", "重大な不適合", "対象外" }, method.Skip(1).Select(r => r[1].Text).ToArray());
        CollectionAssert.AreEqual(new[] { "", "", "〇", "〇", "〇", "" }, method.Skip(1).Select(r => r[3].Text).ToArray());
        Assert.IsTrue(method.Skip(1).All(r => r[2].Text.Length > 5 && r[2].Text != WordWriter.PlaceholderText));
    }

    [TestMethod]
    public void Seed_Draft_FindingsAndTeam_ComeFromTheData()
    {
        var audit = Seed();
        using var doc = WordprocessingDocument.Open(new MemoryStream(Draft(audit)), false);
        var tables = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Select(Cells).ToList();
        var findings = tables.Single(t => t[0].Select(c => c.Text).SequenceEqual(["No.", "監査項目", "判定", "指摘内容", "改善提案"]));
        var major = audit.Items.Single(i => i.Judgment?.Symbol == "×");
        Assert.AreEqual(2, findings.Count, "one finding: the × item");
        Assert.AreEqual(major.Id, findings[1][0].Text);
        Assert.AreEqual("×\n重大な不適合", findings[1][2].Text);
        Assert.AreEqual(major.Findings, findings[1][3].Text);
        Assert.IsTrue(findings[1][1].Text.EndsWith(major.Text, StringComparison.Ordinal));

        var team = tables.Single(t => t[0].Select(c => c.Text).SequenceEqual(["役割", "氏名・名称"]));
        Assert.AreEqual("監査実施者", team[1][0].Text);
        Assert.AreEqual(WordWriter.PlaceholderText, team[1][1].Text, "the audit firm is a person's to write");
        Assert.AreEqual("監査責任者", team[2][0].Text, "the auditor titled 監査責任者 comes first");
        Assert.IsTrue(team.Skip(2).All(r => r[1].Text.Length > 0 && !r[1].Text.Contains('（', StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Texts_FromSettings_ReplaceThePlaceholders()
    {
        var texts = new ReportTexts
        {
            Purpose = "情報資産の安全性を確認する。",
            Standards = ["情報セキュリティ対策基準"],
            Departments = ["総務課"],
            Firm = "監査法人かもめ",
            Summary = "総括の文。",
        };
        using var doc = WordprocessingDocument.Open(new MemoryStream(Draft(Seed(), texts)), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var all = body.InnerText;
        foreach (var t in new[] { "情報資産の安全性を確認する。", "・情報セキュリティ対策基準", "総務課", "監査法人かもめ", "総括の文。" })
            Assert.IsTrue(all.Contains(t, StringComparison.Ordinal), t);
        // The method's own free text stays a person's to write.
        Assert.AreEqual(1, Paragraphs(body).Count(p => p.Text.Contains(WordWriter.PlaceholderText, StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ProvisionalAudit_Draft_SaysSoAtTheTopAndListsWhatIsMissing()
    {
        var audit = Seed();
        var first = audit.Items[0];
        audit = audit with { Items = [first with { Judgment = null }, .. audit.Items.Skip(1)] };
        using var doc = WordprocessingDocument.Open(new MemoryStream(Draft(audit)), false);
        var paragraphs = Paragraphs(doc.MainDocumentPart!.Document.Body!);
        var warning = paragraphs.FindIndex(p => p.Style == "Warning");
        Assert.IsTrue(warning is >= 0 and < 5, "the provisional line stands at the top");
        StringAssert.Contains(paragraphs[warning].Text, "未判定 1 件");
        Assert.IsTrue(paragraphs.Any(p => p.Text.StartsWith("・未判定の項目（1 件）: " + first.Id, StringComparison.Ordinal)));
        Assert.IsTrue(paragraphs.Any(p => p.Text.StartsWith("状態：暫定", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void NothingJudged_Draft_ClaimsNoFindings()
    {
        var audit = Seed();
        audit = audit with { Items = audit.Items.Select(i => i with { Judgment = null }).ToList() };
        using var doc = WordprocessingDocument.Open(new MemoryStream(Draft(audit)), false);
        var texts = Paragraphs(doc.MainDocumentPart!.Document.Body!).Select(p => p.Text).ToList();
        Assert.IsTrue(texts.Contains("判定された監査項目がないため、記載する事項はない。"));
        Assert.IsFalse(texts.Contains("記載する指摘事項及び参考意見はない。"));
    }

    [TestMethod]
    public void Draft_IsValidForTheSdk_AndA4Portrait()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Draft(Seed())), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        var section = doc.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>() ?? doc.MainDocumentPart.Document.Body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.AreEqual(11906u, size.Width!.Value);
        Assert.AreEqual(16838u, size.Height!.Value);
        var fonts = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.AreEqual("游明朝", fonts.EastAsia!.Value);
    }

    [TestMethod]
    public void HostileText_InTheData_StaysText()
    {
        var audit = Seed();
        var first = audit.Items[0];
        audit = audit with { Key = new AuditKey("庶務\u0001事務\u001bシステム", 2023), Items = [first with { Text = "a\u0000b<c>&\"d" }, .. audit.Items.Skip(1)] };
        using var doc = WordprocessingDocument.Open(new MemoryStream(Draft(audit)), false);
        Assert.AreEqual(0, new OpenXmlValidator(FileFormatVersions.Office2016).Validate(doc).Count());
    }

    [TestMethod]
    public void LaterYear_Draft_SaysWhatBecameOfThePreviousFindings()
    {
        var later = new Consolidation().Run(Consolidator.Fixtures.Scenarios.TwoYears().Sources).Audits.Single(a => a.Comparison is not null);
        var comparison = later.Comparison!;
        var previous = comparison.Items.Where(i => i.WasFinding).ToList();
        Assert.IsNotEmpty(previous);

        using var doc = WordprocessingDocument.Open(new MemoryStream(Draft(later)), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paragraphs = Paragraphs(body);
        Assert.IsTrue(paragraphs.Any(p => p.Style == "Heading2" && p.Text == "2.3　前回指摘事項の状況"));
        var table = body.Elements<Table>().Select(Cells).Single(t => t[0].Select(c => c.Text).SequenceEqual(["前回No.", "前回の判定", "監査項目", "今回の判定", "変化"]));
        Assert.AreEqual(previous.Count, table.Count - 1);
        CollectionAssert.AreEquivalent(previous.Select(p => p.Change.Label() + (p.ByText ? "（番号変更）" : "")).ToArray(), table.Skip(1).Select(r => r[4].Text).ToArray());
        var line = paragraphs.Single(p => p.Text.StartsWith("前回（", StringComparison.Ordinal)).Text;
        StringAssert.Contains(line, Consolidator.Core.Writing.FollowUpTexts.Changes(comparison.Findings, findings: true));
    }
}
