using Consolidator.Core.Recognising;
using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Tests.Support;
using Consolidator.Core.Writing.Templates;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Consolidator.Core.Tests.Writing.Templates;

/// <summary>
/// The template as written, inspected part by part with the Open XML SDK (our own output, never
/// a submission): valid, locked but for the answer cells, dropdowns and hints where they belong,
/// printable, and carrying its hidden record. The auditor template of the seed's 38 items has
/// its header in row 14 and items in rows 15–52.
/// </summary>
[TestClass]
public sealed class TemplateWorkbookTests
{
    private const int HeaderRow = 14;
    private const int FirstItem = 15;
    private const int LastItem = 52;

    /// <summary>
    /// A scale whose dropdown does not fit Excel's 255 characters inline: the list is taken from the
    /// hidden sheet. Its labels have no brackets or spaces, so "symbol label" reads back as the class.
    /// </summary>
    internal static readonly JudgmentScale LongScale = new(
    [
        new JudgmentClass { Symbol = "N/A", Label = "対象外とするもの、すなわち当該年度において監査項目に該当する事象、業務又は運用が存在しないもの", IsOutOfScope = true },
        new JudgmentClass { Symbol = "A", Label = "適合とするもの、すなわち規程に定められた事項が文書化され、かつ運用状況も記録及び現地確認により十分に確認できたもの", Severity = 1 },
        new JudgmentClass { Symbol = "A+", Label = "推奨事項とするもの、すなわち規程には適合しているが、総務省のガイドライン等が示すより高い水準の対策の導入を推奨するもの", Severity = 2 },
        new JudgmentClass { Symbol = "B", Label = "観察事項とするもの、すなわち規程には適合しているが、その運用に改善の余地が認められるもの", Severity = 3, IsFinding = true },
        new JudgmentClass { Symbol = "C", Label = "軽微な不適合とするもの、すなわち規程に反する事項があるが情報資産への影響が限定的であるもの", Severity = 4, IsFinding = true, RequiresFinding = true },
        new JudgmentClass { Symbol = "D", Label = "重大な不適合とするもの、すなわち規程に反し情報資産に重大な影響を及ぼすもの", Severity = 5, IsFinding = true, RequiresFinding = true },
    ], "long");

    public static IEnumerable<object[]> Templates =>
    [
        ["auditor", TemplateData.Template(SubmissionRole.Auditor)],
        ["auditor without name", TemplateData.Template(SubmissionRole.Auditor, name: null)],
        ["vendor", TemplateData.Template(SubmissionRole.Vendor, "株式会社みなと情報システム", ["5-*", "6-1"])],
        ["auditor, long scale", TemplateData.Template(SubmissionRole.Auditor, scale: LongScale)],
    ];

    [TestMethod]
    [DynamicData(nameof(Templates))]
    public void Write_PassesTheOpenXmlValidator(string name, TemplateDefinition template)
    {
        using var doc = Open(template);

        var errors = new OpenXmlValidator().Validate(doc).ToList();

        Assert.AreEqual(0, errors.Count, name + ":\n" + string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [TestMethod]
    public void Write_LocksEverythingButTheAnswerCellsAndTheMetadataToFill_WithoutPassword()
    {
        using var doc = Open(TemplateData.Template(SubmissionRole.Auditor));
        var sheet = Worksheet(doc, "チェックリスト");

        var protection = sheet.Worksheet.GetFirstChild<SheetProtection>()!;
        var unlocked = Cells(sheet).Where(c => !Locked(doc, c)).Select(c => c.CellReference!.Value!).ToHashSet();

        Assert.IsTrue(protection.Sheet?.Value);
        Assert.IsNull(protection.Password);
        Assert.IsNull(protection.HashValue);
        var expected = new HashSet<string> { "E11", "F11", "G11", "H11", "C12" }; // 実施日 (merged E:H) and 所属; the name is prefilled
        for (var r = FirstItem; r <= LastItem; r++)
            foreach (var column in "EFGH") expected.Add($"{column}{r}");
        CollectionAssert.AreEquivalent(expected.Order().ToList(), unlocked.Order().ToList());
        Assert.IsTrue(Locked(doc, Cell(sheet, "A15")), "item id");
        Assert.IsTrue(Locked(doc, Cell(sheet, "C15")), "item text");
        Assert.IsTrue(Locked(doc, Cell(sheet, "C10")), "区分");
        Assert.IsTrue(Locked(doc, Cell(sheet, "E10")), "対象業務");
        Assert.IsTrue(Locked(doc, Cell(sheet, "E12")), "prefilled name");
    }

    [TestMethod]
    public void Write_LeavesTheNameToFill_WhenNoneIsGiven()
    {
        using var doc = Open(TemplateData.Template(SubmissionRole.Vendor, name: null));
        var sheet = Worksheet(doc, "事前回答");

        Assert.IsFalse(Locked(doc, Cell(sheet, "C12")), "事業者名");
        Assert.IsFalse(Locked(doc, Cell(sheet, "E12")), "提出者");
        Assert.IsFalse(Locked(doc, Cell(sheet, "E11")), "提出日");
    }

    [TestMethod]
    public void Write_LocksTheWorkbookStructure_AndHidesTheTemplateRecord()
    {
        using var doc = Open(TemplateData.Template(SubmissionRole.Auditor));
        var workbook = doc.WorkbookPart!.Workbook;

        var sheets = workbook.Sheets!.Elements<Sheet>().ToList();

        CollectionAssert.AreEqual(new[] { "チェックリスト", "テンプレート管理" }, sheets.Select(s => s.Name!.Value).ToList());
        Assert.IsNull(sheets[0].State);
        Assert.AreEqual(SheetStateValues.Hidden, sheets[1].State!.Value);
        Assert.IsTrue(workbook.WorkbookProtection!.LockStructure!.Value);
        Assert.IsNull(workbook.WorkbookProtection.WorkbookPassword);
    }

    [TestMethod]
    public void Write_PutsTheConfiguredScaleInTheJudgmentDropdown_AndRefusesOtherText()
    {
        using var doc = Open(TemplateData.Template(SubmissionRole.Auditor));

        var dv = Validations(Worksheet(doc, "チェックリスト")).Single(v => v.SequenceOfReferences!.InnerText == $"E{FirstItem}:E{LastItem}");

        Assert.AreEqual(DataValidationValues.List, dv.Type!.Value);
        Assert.AreEqual("\"〇 適合,⦿ 参考意見,□ 注意事項,△ 不適合,× 重大な不適合,― 対象外\"", dv.Formula1!.Text);
        Assert.AreEqual(DataValidationErrorStyleValues.Stop, dv.ErrorStyle?.Value ?? DataValidationErrorStyleValues.Stop);
        Assert.IsTrue(dv.ShowErrorMessage!.Value);
        Assert.IsTrue(dv.AllowBlank!.Value);
    }

    [TestMethod]
    public void Write_TakesTheDropdownFromTheHiddenSheet_WhenTheScaleIsTooLongToWriteInline()
    {
        using var doc = Open(TemplateData.Template(SubmissionRole.Auditor, scale: LongScale));

        var dv = Validations(Worksheet(doc, "チェックリスト")).Single(v => v.SequenceOfReferences!.InnerText == $"E{FirstItem}:E{LastItem}");

        var m = System.Text.RegularExpressions.Regex.Match(dv.Formula1!.Text, @"^'?テンプレート管理'?!\$B\$(\d+):\$B\$(\d+)$");

        Assert.IsTrue(m.Success, dv.Formula1.Text);
        Assert.AreEqual(LongScale.Classes.Count, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1);
    }

    [TestMethod]
    public void Write_PutsTheFourAnswersInTheVendorDropdown()
    {
        var template = TemplateData.Template(SubmissionRole.Vendor, "株式会社みなと情報システム", ["5-*"]);
        using var doc = Open(template);

        var dv = Validations(Worksheet(doc, "事前回答")).Single(v => v.SequenceOfReferences!.InnerText == $"E{FirstItem}:E{FirstItem + template.Items.Count - 1}");

        Assert.AreEqual(10, template.Items.Count);
        Assert.AreEqual("\"実施,一部実施,未実施,該当なし\"", dv.Formula1!.Text);
    }

    [TestMethod]
    // column, hint title
    [DataRow("auditor", "F", "指摘内容")]
    [DataRow("auditor", "G", "改善提案")]
    [DataRow("auditor", "H", "備考")]
    [DataRow("vendor", "F", "回答内容")]
    [DataRow("vendor", "G", "証跡")]
    [DataRow("vendor", "H", "備考")]
    public void Write_GivesAnInputHint_OnEveryFreeTextColumn(string role, string column, string title)
    {
        var template = role == "vendor" ? TemplateData.Template(SubmissionRole.Vendor, "株式会社みなと情報システム") : TemplateData.Template(SubmissionRole.Auditor);
        using var doc = Open(template);

        var dv = Validations(Worksheet(doc, template.Role == SubmissionRole.Vendor ? "事前回答" : "チェックリスト"))
            .Single(v => v.SequenceOfReferences!.InnerText == $"{column}{FirstItem}:{column}{LastItem}");

        Assert.IsTrue(dv.ShowInputMessage!.Value);
        Assert.AreEqual(title, dv.PromptTitle!.Value);
        Assert.IsTrue(dv.Prompt!.Value!.Length is > 10 and <= 255, dv.Prompt.Value);
    }

    [TestMethod]
    public void Write_PrintsOnA4Landscape_FittedToTheWidth_WithTheHeaderRepeated()
    {
        using var doc = Open(TemplateData.Template(SubmissionRole.Auditor));
        var sheet = Worksheet(doc, "チェックリスト").Worksheet;

        var setup = sheet.GetFirstChild<PageSetup>()!;
        var titles = doc.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles");

        Assert.AreEqual(9u, setup.PaperSize!.Value); // A4
        Assert.AreEqual(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.IsTrue(sheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value);
        Assert.AreEqual(1u, setup.FitToWidth?.Value ?? 1u);
        Assert.AreEqual(0u, setup.FitToHeight!.Value);
        Assert.AreEqual($"'チェックリスト'!${HeaderRow}:${HeaderRow}", titles.Text); // anchored, or LibreOffice prints the header once
        StringAssert.Contains(sheet.GetFirstChild<HeaderFooter>()!.OddFooter!.Text, "&P / &N");
    }

    [TestMethod]
    public void Write_SetsEveryColumnWidth_AndFreezesTheHeader()
    {
        using var doc = Open(TemplateData.Template(SubmissionRole.Auditor));
        var sheet = Worksheet(doc, "チェックリスト").Worksheet;

        var widths = sheet.Descendants<Column>().ToDictionary(c => c.Min!.Value, c => c.Width!.Value);
        var pane = sheet.Descendants<Pane>().Single();

        CollectionAssert.AreEqual(Enumerable.Range(1, 8).Select(i => (uint)i).ToList(), widths.Keys.Order().ToList());
        Assert.IsTrue(widths.Values.All(w => w >= 7));
        Assert.AreEqual(HeaderRow, (int)pane.VerticalSplit!.Value);
    }

    [TestMethod]
    public void Write_RecordsTheTemplateOnItsHiddenSheet()
    {
        var template = TemplateData.Template(SubmissionRole.Auditor);
        var book = TemplateData.Read(TemplateData.Bytes(template));

        var info = TemplateInfoReader.Parse(book.Sheets.Single(s => s.Name == TemplateInfo.SheetName))!;

        Assert.AreEqual(template.Id, info.Id);
        Assert.AreEqual(1, info.Version);
        Assert.AreEqual(SubmissionRole.Auditor, info.Role);
        Assert.AreEqual(new AuditKey("庶務事務システム", 2023), info.Key);
        Assert.AreEqual("高橋 美咲（監査人）", info.Name);
        Assert.AreEqual("2023-09-01T09:00:00+09:00", info.GeneratedAt);
        Assert.AreEqual("監査項目一覧_庶務事務システム.xlsx", info.MasterFile);
        Assert.AreEqual(HeaderRow, info.HeaderRow);
        CollectionAssert.AreEqual(template.Items.Select(i => i.Id).ToList(), info.Items.Select(i => i.Id).ToList());
        CollectionAssert.AreEqual(Enumerable.Range(FirstItem, 38).ToList(), info.Items.Select(i => i.Row).ToList());
        Assert.AreEqual("5-10", info.Items.Single(i => i.Row == FirstItem + 27).Id);
    }

    [TestMethod]
    public void Id_IsTheSame_ForTheSameMasterRoleNameAndScale_AndChangesWithAnyOfThem()
    {
        var id = TemplateData.Template(SubmissionRole.Auditor).Id;

        Assert.AreEqual(id, TemplateData.Template(SubmissionRole.Auditor).Id);
        StringAssert.Matches(id, new System.Text.RegularExpressions.Regex("^TPL-[0-9A-F]{12}$"));
        Assert.AreNotEqual(id, TemplateData.Template(SubmissionRole.Vendor).Id);
        Assert.AreNotEqual(id, TemplateData.Template(SubmissionRole.Auditor, "佐藤 健一（監査責任者）").Id);
        Assert.AreNotEqual(id, TemplateData.Template(SubmissionRole.Auditor, items: ["5-*"]).Id);
        Assert.AreNotEqual(id, TemplateData.Template(SubmissionRole.Auditor, scale: LongScale).Id);
    }

    [TestMethod]
    // items selected, ids expected
    [DataRow("5-*", "5-1 5-2 5-3 5-4 5-5 5-6 5-7 5-8 5-9 5-10")]
    [DataRow("1-2,7-*", "1-2 7-1 7-2 7-3 7-4")]
    [DataRow("１－２、３-３", "1-2 3-3")]
    public void FromMaster_TakesTheSelectedItems_InTheMasterListsOrder(string items, string expected)
    {
        var template = TemplateData.Template(SubmissionRole.Vendor, items: [items]);

        Assert.AreEqual(expected, string.Join(" ", template.Items.Select(i => i.Id)));
    }

    [TestMethod]
    public void FromMaster_Throws_WhenNoItemIsSelected() =>
        Assert.ThrowsExactly<ArgumentException>(() => TemplateData.Template(SubmissionRole.Vendor, items: ["9-*"]));

    [TestMethod]
    // role, name, file name
    [DataRow("auditor", "高橋 美咲（監査人）", "庶務事務システム_令和5年度_チェックリスト_高橋 美咲（監査人）.xlsx")]
    [DataRow("vendor", "株式会社みなと情報システム", "庶務事務システム_令和5年度_事前回答_株式会社みなと情報システム.xlsx")]
    [DataRow("vendor", "A/B 株式会社", "庶務事務システム_令和5年度_事前回答_A_B 株式会社.xlsx")]
    [DataRow("auditor", null, "庶務事務システム_令和5年度_チェックリスト.xlsx")]
    public void FileName_NamesTargetYearDocumentAndRecipient(string role, string? name, string expected) =>
        Assert.AreEqual(expected, TemplateWorkbook.FileName(TemplateData.Template(role == "vendor" ? SubmissionRole.Vendor : SubmissionRole.Auditor, name)));

    private static SpreadsheetDocument Open(TemplateDefinition template) =>
        SpreadsheetDocument.Open(new MemoryStream(TemplateData.Bytes(template), writable: false), false);

    private static WorksheetPart Worksheet(SpreadsheetDocument doc, string name)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!.Value!);
    }

    private static IEnumerable<Cell> Cells(WorksheetPart sheet) => sheet.Worksheet.Descendants<Cell>();

    private static Cell Cell(WorksheetPart sheet, string address) => Cells(sheet).Single(c => c.CellReference == address);

    private static IEnumerable<DataValidation> Validations(WorksheetPart sheet) => sheet.Worksheet.Descendants<DataValidation>();

    /// <summary>Excel's rule: a cell is locked unless its style says Locked = false.</summary>
    private static bool Locked(SpreadsheetDocument doc, Cell cell)
    {
        var formats = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var format = formats[(int)(cell.StyleIndex?.Value ?? 0)];
        return format.Protection?.Locked?.Value ?? true;
    }
}
