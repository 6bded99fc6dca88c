using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Recognising;
using Consolidator.Core.Tests.Support;
using Consolidator.Core.Writing.Templates;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// A template written by <see cref="TemplateWorkbook"/>, read by the real reader, then typed
/// into cell by cell (on the read workbook) or rearranged, as people do. The auditor template
/// of the seed's 38 items: metadata in rows 10–12 (values in C and E), header in row 14, items
/// from row 15 (1-1) in columns A–D, 判定 in E, 指摘内容 in F, 改善提案 in G, 備考 in H.
/// </summary>
[TestClass]
public sealed class TemplateRecogniserTests
{
    private const string Sheet = "チェックリスト";
    private static readonly SubmissionRecogniser Recogniser = new();

    private static (TemplateDefinition Template, RawWorkbook Book) Auditor(string? name = "高橋 美咲（監査人）")
    {
        var template = TemplateData.Template(SubmissionRole.Auditor, name);
        return (template, TemplateData.Read(TemplateData.Bytes(template)));
    }

    private static Submission Recognise(RawWorkbook book, string file = "チェックリスト_高橋.xlsx") =>
        Recogniser.Recognise(SourceFile.FromBytes(file, [], TemplateData.At), book);

    [TestMethod]
    public void Recognise_ReadsABlankTemplateExactly_AsTheTemplateItCameFrom()
    {
        var (template, book) = Auditor();

        var s = Recognise(book);

        Assert.AreEqual($"{template.Id} v1", s.Template);
        Assert.AreEqual("template", s.KeyOrigin);
        Assert.AreEqual(SubmissionRole.Auditor, s.Role);
        Assert.AreEqual(new AuditKey("庶務事務システム", 2023), s.Key);
        Assert.AreEqual(new Party(null, "高橋 美咲", "監査人"), s.Auditor);
        Assert.IsNull(s.Rejection);
        CollectionAssert.AreEqual(SeedAudit.Items.Select(i => i.Id).ToList(), s.Rows.Select(r => r.Id).ToList());
        CollectionAssert.AreEqual(SeedAudit.Items.Select(i => i.Text).ToList(), s.Rows.Select(r => r.ItemText!.Text).ToList());
        Assert.IsTrue(s.Rows.All(r => r.ParsedJudgment.State == JudgmentState.Empty && r.Answer is null));
        Assert.AreEqual(0, s.Notes.Count);
        StringAssert.Contains(s.Sheets[0].Note, "テンプレート");
    }

    [TestMethod]
    // typed into 判定 (E15, item 1-1), expected class symbol
    [DataRow("× 重大な不適合", "×")]
    [DataRow("×（重大な不適合）", "×")]
    [DataRow("○", "〇")]
    [DataRow("適合", "〇")]
    [DataRow("― 対象外", "―")]
    public void Recognise_ReadsTheJudgment_AsTheScaleSpellsIt(string typed, string symbol)
    {
        var (_, book) = Auditor();
        book = TemplateData.WithCell(book, Sheet, 15, 5, typed);
        book = TemplateData.WithCell(book, Sheet, 15, 6, "確認した事実");

        var row = Recognise(book).Rows[0];

        Assert.AreEqual(symbol, row.ParsedJudgment.Class!.Symbol);
        Assert.AreEqual("チェックリスト_高橋.xlsx!チェックリスト!E15", row.Judgment!.Cell.ToString());
        Assert.AreEqual("確認した事実", row.Finding!.Text);
    }

    [TestMethod]
    [DataRow("default")]
    [DataRow("long")]
    public void Recognise_ReadsEveryDropdownEntry_AsItsClass(string scaleName)
    {
        var scale = scaleName == "long" ? Writing.Templates.TemplateWorkbookTests.LongScale : JudgmentScale.Default;
        var template = TemplateData.Template(SubmissionRole.Auditor, scale: scale);
        var book = TemplateData.Read(TemplateData.Bytes(template));
        var choices = TemplateInfoReader.Parse(book.Sheets.Single(s => s.Name == TemplateInfo.SheetName))!.Choices;
        for (var i = 0; i < choices.Count; i++)
        {
            book = TemplateData.WithCell(book, Sheet, 15 + i, 5, choices[i]);
            book = TemplateData.WithCell(book, Sheet, 15 + i, 6, "確認した事実");
        }

        var s = new SubmissionRecogniser(new RecognitionOptions { Scale = scale }).Recognise(SourceFile.FromBytes("t.xlsx", [], TemplateData.At), book);

        Assert.AreEqual(scale.Classes.Count, choices.Count);
        CollectionAssert.AreEquivalent(scale.Classes.ToList(), s.Rows.Take(choices.Count).Select(r => r.ParsedJudgment.Class).ToList());
        Assert.AreEqual(0, s.Rows.Sum(r => r.AuditorNotes.Count));
    }

    [TestMethod]
    public void Recognise_NotesTheRowsProblems_AsTheGeneralReadingDoes()
    {
        var (_, book) = Auditor();
        book = TemplateData.WithCell(book, Sheet, 15, 5, "△");          // 1-1: 不適合 without 指摘内容
        book = TemplateData.WithCell(book, Sheet, 16, 5, "たぶん適合");   // 1-2: not on the scale
        book = TemplateData.WithCell(book, Sheet, 17, 5, "〇 不適合");    // 2-1: symbol and label disagree

        var notes = Recognise(book).Rows.Take(3).SelectMany(r => r.AuditorNotes).Select(n => $"{n.Kind} {n.ItemId} {n.Cells[0].Address}").ToList();

        CollectionAssert.AreEqual(new[] { "MissingFinding 1-1 E15", "InvalidJudgment 1-2 E16", "ContradictoryJudgment 2-1 E17" }, notes);
    }

    [TestMethod]
    public void Recognise_ReadsTheMetadataCells()
    {
        var (_, book) = Auditor(name: null);
        book = TemplateData.WithCell(book, Sheet, 11, 5, "令和5年10月24日");
        book = TemplateData.WithCell(book, Sheet, 12, 3, "行政経営部 監査室");
        book = TemplateData.WithCell(book, Sheet, 12, 5, "佐藤 健一（監査責任者）");

        var s = Recognise(book);

        Assert.AreEqual(new DateOnly(2023, 10, 24), s.AuditDate);
        Assert.AreEqual(new Party("行政経営部 監査室", "佐藤 健一", "監査責任者"), s.Auditor);
        Assert.AreEqual("チェックリスト_高橋.xlsx!チェックリスト!E12", s.Metadata.Auditor!.Cell.ToString());
    }

    [TestMethod]
    public void Recognise_ReadsAVendorTemplate_AnswersAndSubmitter()
    {
        var template = TemplateData.Template(SubmissionRole.Vendor, "株式会社みなと情報システム", ["5-1", "5-2"]);
        var book = TemplateData.Read(TemplateData.Bytes(template));
        book = TemplateData.WithCell(book, "事前回答", 11, 5, "2023/10/6");
        book = TemplateData.WithCell(book, "事前回答", 12, 5, "公共システム部 山口 太郎");
        book = TemplateData.WithCell(book, "事前回答", 15, 5, "実施");
        book = TemplateData.WithCell(book, "事前回答", 15, 6, "申請書に基づき登録している。");
        book = TemplateData.WithCell(book, "事前回答", 15, 7, "利用者ID申請書");
        book = TemplateData.WithCell(book, "事前回答", 16, 5, "検討中");

        var s = Recognise(book, "事前回答.xlsx");

        Assert.AreEqual(SubmissionRole.Vendor, s.Role);
        Assert.AreEqual(new Party("株式会社みなと情報システム", "公共システム部 山口 太郎"), s.Vendor);
        Assert.AreEqual(new DateOnly(2023, 10, 6), s.SubmittedOn);
        Assert.AreEqual(VendorAnswer.Implemented, s.Rows[0].ParsedAnswer);
        Assert.AreEqual("利用者ID申請書", s.Rows[0].Evidence!.Text);
        Assert.IsNull(s.Rows[0].Judgment);
        Assert.AreEqual(VendorAnswer.Invalid, s.Rows[1].ParsedAnswer);
        Assert.AreEqual("InvalidAnswer 5-2 E16", string.Join(",", s.Rows[1].VendorNotes.Select(n => $"{n.Kind} {n.ItemId} {n.Cells[0].Address}")));
    }

    [TestMethod]
    public void Recognise_NotesTheMissingVendorName_AndAttributesTheAnswersToTheFile()
    {
        var template = TemplateData.Template(SubmissionRole.Vendor, name: null, ["5-1"]);
        var book = TemplateData.WithCell(TemplateData.Read(TemplateData.Bytes(template)), "事前回答", 15, 5, "実施");

        var s = Recognise(book, "回答/事前回答.xlsx");

        Assert.AreEqual("回答", s.Vendor!.Organisation);
        Assert.AreEqual("VendorNotNamed 回答/事前回答.xlsx!事前回答!C12", string.Join(",", s.Notes.Select(n => $"{n.Kind} {n.Cells[0]}")));
    }

    public static IEnumerable<object[]> Alterations =>
    [
        ["rows sorted", (Func<RawWorkbook, RawWorkbook>)(b => TemplateData.WithRowsSwapped(b, Sheet, 15, 16))],
        ["row added below", (Func<RawWorkbook, RawWorkbook>)(b => TemplateData.WithCell(TemplateData.WithCell(b, Sheet, 53, 1, "8-1"), Sheet, 53, 5, "〇"))],
        ["id changed", (Func<RawWorkbook, RawWorkbook>)(b => TemplateData.WithCell(b, Sheet, 15, 1, "1-9"))],
        ["header renamed", (Func<RawWorkbook, RawWorkbook>)(b => TemplateData.WithCell(b, Sheet, 14, 6, "確認結果"))],
        ["target changed", (Func<RawWorkbook, RawWorkbook>)(b => TemplateData.WithCell(b, Sheet, 10, 5, "庶務事務システム（本番）"))],
        ["sheet renamed", (Func<RawWorkbook, RawWorkbook>)(b => b with { Sheets = b.Sheets.Select(s => s.Name == Sheet ? new RawSheet("監査", s.Hidden, s.Rows, s.Merges) : s).ToList() })],
        ["layout version 2", (Func<RawWorkbook, RawWorkbook>)(b => TemplateData.WithCell(b, TemplateInfo.SheetName, 2, 2, "2"))],
        ["table added on a new sheet", (Func<RawWorkbook, RawWorkbook>)(b => b with { Sheets = [.. b.Sheets, new RawSheet("追加", false, [["No.", "判定"], ["8-1", "〇"]])] })],
    ];

    [TestMethod]
    [DynamicData(nameof(Alterations))]
    public void Recognise_FallsBackToReadingByContent_WhenTheLayoutWasChanged_AndStillNamesTheTemplate(string what, Func<RawWorkbook, RawWorkbook> alter)
    {
        var (template, book) = Auditor();
        book = TemplateData.WithCell(book, Sheet, 15, 5, "〇");

        var s = Recognise(alter(book));

        Assert.AreNotEqual("template", s.KeyOrigin, what);
        StringAssert.StartsWith(s.Template, template.Id, what);
        StringAssert.Contains(s.Sheets.Single(r => r.Name == TemplateInfo.SheetName).Note, "内容から読み取り", what);
        Assert.IsTrue(s.Rows.Count >= 38 || s.Rejection is not null, what);
        Assert.IsFalse(s.Sheets.Any(r => r.Name == TemplateInfo.SheetName && r.Items > 0), what);
    }

    [TestMethod]
    public void Recognise_ReadsEveryRowOfASortedTemplate_ByContent()
    {
        var (_, book) = Auditor();
        book = TemplateData.WithCell(book, Sheet, 15, 5, "〇");   // 1-1
        book = TemplateData.WithCell(book, Sheet, 16, 5, "×");    // 1-2
        book = TemplateData.WithCell(book, Sheet, 16, 6, "連絡体制が周知されていない。");

        var s = Recognise(TemplateData.WithRowsSwapped(book, Sheet, 15, 16));

        Assert.AreEqual(SubmissionRole.Auditor, s.Role);
        Assert.AreEqual(38, s.Rows.Count);
        Assert.AreEqual("〇", s.Rows.Single(r => r.Id == "1-1").ParsedJudgment.Class!.Symbol);
        Assert.AreEqual("×", s.Rows.Single(r => r.Id == "1-2").ParsedJudgment.Class!.Symbol);
        Assert.AreEqual(15, s.Rows.Single(r => r.Id == "1-2").Row);
    }

    [TestMethod]
    public void Recognise_LeavesTemplateEmpty_ForAWorkbookThatIsNoTemplate()
    {
        var s = new Consolidation().Ingest(SourceFile.FromBytes(SeedAudit.MemberFile, SeedAudit.Build()[SeedAudit.MemberFile], TemplateData.At));

        Assert.IsNull(s.Template);
        Assert.AreEqual(SubmissionRole.Auditor, s.Role);
    }
}
