using System.Text.Json;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Tests.Support;
using Consolidator.Core.Writing.Templates;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// Templates written from input-samples' master list by <c>template --all</c>, filled by another
/// program and dropped in with the master list. The fixtures in Data/Templates/ were made once by
/// scripts/make-template-fixtures.sh: openpyxl/ filled from the seed audit's own workbooks,
/// planted/ with four mistakes, altered/ with a row added, libreoffice/ the filled ones and a
/// blank one opened and saved by LibreOffice Calc.
/// </summary>
[TestClass]
public sealed class TemplateRoundTripTests
{
    private static readonly string[] Clean = ["チェックリスト_佐藤.xlsx", "チェックリスト_高橋.xlsx", "事前回答_みなと.xlsx", "事前回答_北斗.xlsx"];

    private static ConsolidationResult Run(params string[] fixtures) =>
        new Consolidation().Run([TemplateData.MasterFile(), .. fixtures.Select(f => TemplateData.Fixture(f))]);

    private static AuditResult Seed() =>
        new Consolidation().Run(SeedAudit.Build().Select(f => SourceFile.FromBytes(f.Key, f.Value, TemplateData.At))).Audits.Single();

    [TestMethod]
    [DataRow("openpyxl")]
    [DataRow("libreoffice")]
    public void FilledTemplates_ConsolidateToTheSeedResult_WithNothingToReview(string writer)
    {
        var audit = Run(Clean.Select(f => $"{writer}/{f}").ToArray()).Audits.Single();

        Assert.AreEqual("13 24 0 0 0 1", string.Join(" ", audit.Counts.Select(c => c.Count)));
        Assert.AreEqual(38, audit.Total);
        Assert.AreEqual(0, audit.Notes.Count, string.Join("\n", audit.Notes));
        Assert.AreEqual(AuditStatus.Final, audit.Status);
        Assert.IsTrue(audit.UniverseFromMaster);
    }

    [TestMethod]
    [DataRow("openpyxl")]
    [DataRow("libreoffice")]
    public void FilledTemplates_CarryEveryJudgmentFindingAndAnswer_OfTheSeedAudit(string writer)
    {
        var seed = Seed();

        var audit = Run(Clean.Select(f => $"{writer}/{f}").ToArray()).Audits.Single();

        CollectionAssert.AreEqual(seed.Auditors.ToList(), audit.Auditors.ToList());
        CollectionAssert.AreEqual(seed.Vendors.ToList(), audit.Vendors.ToList());
        CollectionAssert.AreEqual(seed.AuditDates.ToList(), audit.AuditDates.ToList());
        CollectionAssert.AreEqual(seed.Items.Select(Describe).ToList(), audit.Items.Select(Describe).ToList());
        CollectionAssert.AreEqual(seed.Answers.Select(Describe).ToList(), audit.Answers.Select(Describe).ToList());
    }

    [TestMethod]
    [DataRow("openpyxl")]
    [DataRow("libreoffice")]
    public void FilledTemplates_AreReadExactly_AndNameTheirTemplate(string writer)
    {
        var pipeline = new Consolidation();
        foreach (var file in Clean)
        {
            var s = pipeline.Ingest(TemplateData.Fixture($"{writer}/{file}"));

            Assert.AreEqual("template", s.KeyOrigin, file);
            StringAssert.Matches(s.Template, new System.Text.RegularExpressions.Regex(@"^TPL-[0-9A-F]{12} v1$"), file);
            Assert.AreEqual(0, s.Notes.Count, file);
        }
    }

    [TestMethod]
    public void SavedByLibreOffice_ReadsBackCellForCell_AsFilled()
    {
        var pipeline = new Consolidation();
        foreach (var file in Clean)
        {
            var filled = pipeline.Ingest(TemplateData.Fixture($"openpyxl/{file}", file));
            var saved = pipeline.Ingest(TemplateData.Fixture($"libreoffice/{file}", file));

            Assert.AreEqual(filled.Template, saved.Template, file);
            Assert.AreEqual(filled.Role, saved.Role, file);
            Assert.AreEqual(filled.Auditor, saved.Auditor, file);
            Assert.AreEqual(filled.Vendor, saved.Vendor, file);
            Assert.AreEqual(filled.AuditDate, saved.AuditDate, file);
            Assert.AreEqual(filled.SubmittedOn, saved.SubmittedOn, file);
            CollectionAssert.AreEqual(filled.Rows.Select(Cells).ToList(), saved.Rows.Select(Cells).ToList(), file);
        }
    }

    [TestMethod]
    public void SavedAsXls_ReadsBackCellForCell_AsFilled()
    {
        var pipeline = new Consolidation();
        var filled = pipeline.Ingest(TemplateData.Fixture("openpyxl/チェックリスト_高橋.xlsx", "チェックリスト_高橋"));

        var saved = pipeline.Ingest(TemplateData.Fixture("libreoffice/チェックリスト_高橋.xls", "チェックリスト_高橋"));

        StringAssert.StartsWith(saved.Format, "xls");
        Assert.AreEqual("template", saved.KeyOrigin);
        Assert.AreEqual(filled.Template, saved.Template);
        Assert.AreEqual(filled.Auditor, saved.Auditor);
        CollectionAssert.AreEqual(filled.Rows.Select(Cells).ToList(), saved.Rows.Select(Cells).ToList());
    }

    /// <summary>CSV keeps only the visible sheet: no template record, so the file is read by content — to the same rows.</summary>
    [TestMethod]
    public void SavedAsCsv_IsReadByContent_ToTheSameJudgments()
    {
        var pipeline = new Consolidation();
        var filled = pipeline.Ingest(TemplateData.Fixture("openpyxl/チェックリスト_高橋.xlsx"));

        var csv = pipeline.Ingest(TemplateData.Fixture("libreoffice/チェックリスト_高橋.csv"));

        Assert.IsNull(csv.Template);
        Assert.AreEqual("metadata", csv.KeyOrigin);
        Assert.AreEqual(SubmissionRole.Auditor, csv.Role);
        Assert.AreEqual(filled.Auditor, csv.Auditor);
        Assert.AreEqual(filled.AuditDate, csv.AuditDate);
        CollectionAssert.AreEqual(
            filled.Rows.Select(r => $"{r.Id} {r.ParsedJudgment.Class?.Symbol} {r.Finding?.Text} {r.Remarks?.Text}").ToList(),
            csv.Rows.Select(r => $"{r.Id} {r.ParsedJudgment.Class?.Symbol} {r.Finding?.Text} {r.Remarks?.Text}").ToList());
        Assert.AreEqual(0, csv.Notes.Count, string.Join("\n", csv.Notes));
    }

    [TestMethod]
    public void BlankTemplateSavedByLibreOffice_ReadsBackExactly_AsTheTemplateWrittenToday()
    {
        var today = Written().Single(t => t.Role == SubmissionRole.Auditor && t.Name!.StartsWith("高橋", StringComparison.Ordinal));

        var s = new Consolidation().Ingest(TemplateData.Fixture("libreoffice/blank_チェックリスト_高橋.xlsx"));

        Assert.AreEqual($"{today.Id} v1", s.Template);
        Assert.AreEqual("template", s.KeyOrigin);
        CollectionAssert.AreEqual(today.Items.Select(i => i.Id).ToList(), s.Rows.Select(r => r.Id).ToList());
        CollectionAssert.AreEqual(today.Items.Select(i => i.Text).ToList(), s.Rows.Select(r => r.ItemText!.Text).ToList());
        Assert.IsTrue(s.Rows.All(r => r.Judgment!.IsEmpty && r.Finding!.IsEmpty && r.Remarks!.IsEmpty));
    }

    /// <summary>
    /// The fixtures were made from the templates this code writes: when the layout or the id
    /// changes, this fails — rerun scripts/make-template-fixtures.sh (and keep reading old layouts).
    /// </summary>
    [TestMethod]
    public void Fixtures_CameFromTheTemplatesWrittenToday()
    {
        var ids = Written().Select(t => $"{t.Id} v{TemplateDefinition.LayoutVersion}").Order().ToList();

        var read = Clean.Select(f => new Consolidation().Ingest(TemplateData.Fixture($"openpyxl/{f}")).Template).Order().ToList();

        CollectionAssert.AreEqual(ids, read);
    }

    [TestMethod]
    public void PlantedMistakes_AreListed_AndNothingElse()
    {
        var audit = Run("openpyxl/チェックリスト_佐藤.xlsx", "planted/チェックリスト_高橋.xlsx", "planted/事前回答_みなと.xlsx", "openpyxl/事前回答_北斗.xlsx").Audits.Single();

        var notes = audit.Notes.Select(n => $"{n.KindLabel} {n.ItemId} {n.Where.Replace("\n", " ", StringComparison.Ordinal)} [{n.Original}]").ToList();

        CollectionAssert.AreEquivalent(new[]
        {
            "指摘内容なし 5-3 planted/チェックリスト_高橋.xlsx!チェックリスト!E17 planted/チェックリスト_高橋.xlsx!チェックリスト!F17 [△ 不適合]",
            "不正な回答 5-4 planted/事前回答_みなと.xlsx!事前回答!E20 [対応中]",
            "未回答 6-5 planted/事前回答_みなと.xlsx!事前回答!E29 []",
            "未判定 6-3 planted/チェックリスト_高橋.xlsx!チェックリスト!E27 []",
        }, notes, string.Join("\n", notes));
        Assert.AreEqual("13 22 0 0 1 1", string.Join(" ", audit.Counts.Select(c => c.Count)));
        Assert.AreEqual(1, audit.Pending);
        Assert.AreEqual(AuditStatus.Provisional, audit.Status);
    }

    [TestMethod]
    public void AlteredTemplate_IsReadByContent_AndItsAddedRowListed()
    {
        var result = Run("openpyxl/チェックリスト_佐藤.xlsx", "altered/チェックリスト_高橋.xlsx", "openpyxl/事前回答_みなと.xlsx", "openpyxl/事前回答_北斗.xlsx");
        var audit = result.Audits.Single();

        var altered = new Consolidation().Ingest(TemplateData.Fixture("altered/チェックリスト_高橋.xlsx"));

        Assert.AreEqual("metadata", altered.KeyOrigin);
        Assert.IsNotNull(altered.Template);
        Assert.AreEqual(21, altered.Rows.Count);
        Assert.AreEqual("不明な項目番号 8-1", string.Join(",", audit.Notes.Select(n => $"{n.KindLabel} {n.ItemId}")));
        Assert.AreEqual("13 24 0 0 0 1", string.Join(" ", audit.Counts.Select(c => c.Count)));
    }

    /// <summary>The templates the fixture script writes, from its settings (Data/Templates/settings.json).</summary>
    private static List<TemplateDefinition> Written()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TemplateData.Folder, "settings.json")));
        var master = TemplateData.Master();
        var templates = json.RootElement.GetProperty("Templates");
        return
        [
            .. Recipients(templates, "Auditors", SubmissionRole.Auditor, master),
            .. Recipients(templates, "Vendors", SubmissionRole.Vendor, master),
        ];
    }

    private static IEnumerable<TemplateDefinition> Recipients(JsonElement templates, string section, SubmissionRole role, Submission master) =>
        templates.GetProperty(section).EnumerateArray().Select(r => TemplateDefinition.FromMaster(master, role,
            r.GetProperty("Name").GetString(), r.GetProperty("Items").EnumerateArray().Select(i => i.GetString()!).ToList(),
            JudgmentScale.Default, TemplateData.At));

    private static string Describe(ResultItem i) =>
        $"{i.Id}|{i.Category}|{i.Text}|{i.Basis}|{i.Judgment?.Symbol}|{i.Findings}|{i.Recommendations}|{string.Join(";", i.Judgments.Select(j => j.Auditor))}|"
        + string.Join(";", i.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.AnswerText}"));

    private static string Describe(VendorAnswerRecord a) => $"{a.Vendor}|{a.Person}|{a.ItemId}|{a.AnswerText}|{a.Detail}|{a.Evidence}|{a.Remarks}";

    private static string Cells(ItemRow r) => string.Join("|", new[]
    {
        r.Id, r.RawId.Cell.ToString(), r.Category?.Text, r.ItemText?.Text, r.Basis?.Text,
        r.Judgment?.Text, r.Judgment?.Cell.ToString(), r.Finding?.Text, r.Recommendation?.Text,
        r.Answer?.Text, r.Answer?.Cell.ToString(), r.AnswerDetail?.Text, r.Evidence?.Text, r.Remarks?.Text,
    });
}
