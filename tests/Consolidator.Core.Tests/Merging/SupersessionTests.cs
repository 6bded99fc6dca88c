using Consolidator.Core.Model;
using Consolidator.Core.Reading;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Merging;

/// <summary>
/// Who submitted what, and which of it counts: each case reads workbooks of more than one writer —
/// the project's fixture builders and the committed files of Data/Identity (written by openpyxl,
/// some saved again by LibreOffice; scripts/make-identity-fixtures.sh) — for one audit,
/// 介護保険システム 令和6年度, items 1-1 … 1-4 and 2-1 … 2-4.
/// </summary>
[TestClass]
public sealed class SupersessionTests
{
    private const string Target = "介護保険システム", Year = "令和6年度";
    private static readonly string[] Area1 = ["1-1", "1-2", "1-3", "1-4"];
    private static readonly string[] Area2 = ["2-1", "2-2", "2-3", "2-4"];
    private static readonly string[] AllItems = [.. Area1, .. Area2];

    private static DateTimeOffset On(int month, int day, int hour = 10) => new(2024, month, day, hour, 0, 0, TimeSpan.FromHours(9));

    private static SourceFile Fixture(string relative, DateTimeOffset modified) =>
        SourceFile.FromBytes(Path.GetFileName(relative), System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "Identity", relative)), modified);

    private static SourceFile Built(string name, SheetSpec sheet, DateTimeOffset modified) => SourceFile.FromBytes(name, Books.Xlsx(sheet), modified);

    private static SourceFile Master(params string[] ids) => Built("監査項目一覧.xlsx", Scenarios.Master(Target, Year, ids.Select(i => (i, "分類"))), On(9, 2));

    /// <summary>A checklist as the fixture builders lay one out (title, metadata block, table).</summary>
    private static SheetSpec Checklist(string person, string? organisation, string? submitted, params (string Id, string Judgment)[] rows)
    {
        var s = new SheetSpec { Title = $"{Year} チェックリスト（{Target}）" }
            .Meta("区分", "監査人").Meta("対象業務", Target).Meta("年度", Year).Meta("実施日", "令和6年10月1日");
        if (submitted is not null) s.Meta("提出日", submitted);
        if (organisation is not null) s.Meta("所属", organisation);
        s.Meta("監査人", person);
        s.Headers = ["No.", "分類", "監査項目", "判定", "指摘内容"];
        foreach (var (id, judgment) in rows)
            s.Row(id, "分類", $"監査項目 {id}", judgment, judgment is "△" or "×" or "□" ? "確認した事実" : null);
        return s;
    }

    private static (string, string)[] All(string judgment, params string[] ids) => ids.Select(i => (i, judgment)).ToArray();

    private static (ConsolidationResult Result, AuditResult Audit) Run(params SourceFile[] files)
    {
        var result = new Consolidation().Run(files);
        Assert.AreEqual(1, result.Audits.Count, string.Join(", ", result.Audits.Select(a => a.Key)));
        return (result, result.Audits[0]);
    }

    private static InputRecord Input(AuditResult a, string name) => a.Inputs.Single(i => i.Source.Name == name);

    private static string Judgment(AuditResult a, string id) => a.Items.Single(i => i.Id == id).Judgment?.Symbol ?? "未判定";

    /// <summary>The 取込履歴 row of a file, read back from the written workbook with the product's own reader.</summary>
    private static string HistoryRow(AuditResult a, string name)
    {
        using var ms = new MemoryStream();
        ResultWorkbook.Write(a, new DateTimeOffset(2024, 11, 1, 9, 0, 0, TimeSpan.FromHours(9)), ms);
        ms.Position = 0;
        var sheet = WorkbookReader.Read(ms, "result.xlsx").Sheets.Single(s => s.Name == "取込履歴");
        return string.Join(" | ", sheet.Rows.Single(r => r.Contains(name)));
    }

    // ------------------------------------------------------------------ identity

    [TestMethod]
    [DataRow("openpyxl/高橋_情報政策課_再提出.xlsx", "高橋美咲")]
    [DataRow("openpyxl/高橋_所属なし.xlsx", "高橋 美咲")]
    [DataRow("libreoffice/高橋_所属なし.xlsx", "高橋 美咲")]
    public void SameAuditor_UnderAnotherOrNoOrganisation_IsOneSubmitter_AndTheNewestCounts(string fixture, string shown)
    {
        var first = Built("チェックリスト_高橋.xlsx", Checklist("高橋 美咲（監査人）", "情報政策課", null, All("〇", Area1)), On(10, 2));
        var later = Fixture(fixture, On(10, 9, 18));

        var (_, a) = Run(Master(Area1), first, later);

        CollectionAssert.AreEqual(new[] { shown }, a.Auditors.ToArray(), "one person, named as in her latest file");
        Assert.AreEqual(0, a.Notes.Count(n => n.Kind is ReviewKind.JudgmentDisagreement or ReviewKind.SameName), string.Join("\n", a.Notes));
        Assert.AreEqual("△", Judgment(a, "1-3"), "the later file's judgment");
        Assert.AreEqual(4, a.Total);
        Assert.AreEqual(AuditStatus.Final, a.Status, string.Join("\n", a.Notes));
        var old = Input(a, first.Name);
        Assert.AreEqual(FileStatus.Superseded, old.Status);
        Assert.AreEqual("監査人 高橋美咲", old.SubmitterKey);
        Assert.AreEqual(old.SubmitterKey, Input(a, later.Name).SubmitterKey);
        StringAssert.Contains(old.ReasonJa, "項目 1-1、1-2、1-3、1-4（4 件）は同じ提出者");
        StringAssert.Contains(old.ReasonJa, $"「{Path.GetFileNameWithoutExtension(later.Name)}」");
        StringAssert.EndsWith(old.ReasonJa, "旧版");
        Assert.AreEqual(FileStatus.Adopted, Input(a, later.Name).Status);
        StringAssert.Contains(HistoryRow(a, first.Name), "高橋 美咲（監査人）\n（所属 情報政策課）");
    }

    [TestMethod]
    public void SameNameInTwoOrganisations_IsListedInReview_AndCountedAsOnePerson()
    {
        var ours = Built("チェックリスト_高橋.xlsx", Checklist("高橋 美咲", "情報政策課", null, All("〇", Area1)), On(10, 2));
        var firm = Fixture("openpyxl/高橋_監査法人.xlsx", On(10, 10, 18));

        var (_, a) = Run(Master(AllItems), ours, firm);

        var note = a.Notes.Single(n => n.Kind == ReviewKind.SameName);
        Assert.AreEqual("同名の提出者", note.KindLabel);
        CollectionAssert.AreEquivalent(new[] { "チェックリスト_高橋.xlsx!チェックリスト!B5", "高橋_監査法人.xlsx!チェックリスト!B8" }, note.Cells.Select(c => c.ToString()).ToArray());
        StringAssert.Contains(note.MessageJa, "ひまわり監査法人");
        StringAssert.Contains(note.MessageJa, "情報政策課");
        Assert.AreEqual(AuditStatus.Provisional, a.Status);
        Assert.AreEqual(1, a.Auditors.Count);
        Assert.AreEqual(8, a.Total, "disjoint items: both files count");
        Assert.AreEqual(FileStatus.Adopted, Input(a, ours.Name).Status);
        Assert.AreEqual(FileStatus.Adopted, Input(a, firm.Name).Status);
    }

    // ------------------------------------------------------------------ item by item

    [TestMethod]
    [DataRow("openpyxl/高橋_分野2.xlsx")]
    [DataRow("libreoffice/高橋_分野2.xls")]
    public void OneAuditor_TwoWorkbooksOfDisjointItems_BothCount(string fixture)
    {
        var area1 = Built("チェックリスト_分野1.xlsx", Checklist("高橋 美咲", "情報政策課", null, All("〇", Area1)), On(10, 2));
        var area2 = Fixture(fixture, On(10, 3));

        var (_, a) = Run(Master(AllItems), area1, area2);

        Assert.AreEqual(8, a.Total, "計 counts both workbooks");
        Assert.AreEqual(0, a.Pending);
        Assert.AreEqual("□", Judgment(a, "2-2"));
        Assert.AreEqual("〇", Judgment(a, "1-1"));
        Assert.AreEqual(1, a.Auditors.Count);
        Assert.AreEqual(AuditStatus.Final, a.Status, string.Join("\n", a.Notes));
        foreach (var f in new[] { area1, area2 })
        {
            var r = Input(a, f.Name);
            Assert.AreEqual(FileStatus.Adopted, r.Status);
            Assert.AreEqual(4, r.RowsMerged);
            Assert.IsFalse(r.ReasonJa.Contains("旧版", StringComparison.Ordinal), r.ReasonJa);
        }
    }

    [TestMethod]
    public void OneAuditor_ResubmittingHalfTheItems_TheRestStillCountsFromTheFirst()
    {
        var first = Built("チェックリスト_高橋.xlsx", Checklist("高橋 美咲", "情報政策課", null, All("〇", AllItems)), On(10, 2));
        var half = Fixture("openpyxl/高橋_後半再提出.xlsx", On(10, 15, 18));

        var (_, a) = Run(Master(AllItems), first, half);

        Assert.AreEqual("△", Judgment(a, "2-2"), "from the resubmission");
        Assert.AreEqual("―", Judgment(a, "2-4"), "from the resubmission");
        Assert.AreEqual("〇", Judgment(a, "1-3"), "still from the first file");
        Assert.AreEqual(8, a.Total);
        Assert.AreEqual(0, a.Notes.Count(n => n.Kind == ReviewKind.JudgmentDisagreement));
        var r = Input(a, first.Name);
        Assert.AreEqual(FileStatus.Adopted, r.Status);
        Assert.AreEqual(4, r.RowsMerged);
        StringAssert.StartsWith(r.ReasonJa, "監査人の提出として採用（8 行）。一部旧版: 項目 2-1、2-2、2-3、2-4（4 件）は同じ提出者（高橋 美咲）の新しい提出「高橋_後半再提出」（提出日 令和6年10月15日、SHA-256 ");
        StringAssert.Contains(r.ReasonEn, "Partly superseded: items 2-1, 2-2, 2-3, 2-4 (4) replaced by a later submission");
        Assert.AreEqual(FileStatus.Adopted, Input(a, half.Name).Status);
        Assert.AreEqual(4, Input(a, half.Name).RowsMerged);
        var row = HistoryRow(a, first.Name);
        StringAssert.Contains(row, "| 採用 |");
        StringAssert.Contains(row, "一部旧版");
        Assert.IsFalse(HistoryRow(a, half.Name).Contains("一部旧版", StringComparison.Ordinal));
    }

    [TestMethod]
    [DataRow("openpyxl/兼用_あさひ電算.xlsx")]
    [DataRow("libreoffice/兼用_あさひ電算.xlsx")]
    public void OneAuditor_CombinedWorkbooksOfTwoVendors_NeitherSupersedesTheOther(string fixture)
    {
        var kamome = new SheetSpec { Title = $"チェックリスト兼事前回答書（{Target}）" }
            .Meta("対象業務", Target).Meta("年度", Year).Meta("事業者名", "㈱かもめ情報サービス").Meta("回答者", "西村 恵子").Meta("監査人", "吉田 修平");
        kamome.Headers = ["No.", "分類", "監査項目", "事前回答", "回答内容", "判定", "指摘内容"];
        foreach (var id in new[] { "1-1", "1-2", "1-3", "1-4", "2-1", "2-2" })
            kamome.Row(id, "分類", $"監査項目 {id}", "実施", "規程に基づき対応", id == "1-3" ? "△" : "〇", id == "1-3" ? "台帳に漏れがあった。" : null);
        var first = Built("チェックリスト兼事前回答_かもめ.xlsx", kamome, On(10, 10));
        var second = Fixture(fixture, On(10, 17));

        var (_, a) = Run(Master(AllItems), first, second);

        Assert.AreEqual(FileStatus.Adopted, Input(a, first.Name).Status);
        Assert.AreEqual(FileStatus.Adopted, Input(a, second.Name).Status);
        Assert.IsFalse(Input(a, first.Name).ReasonJa.Contains("旧版", StringComparison.Ordinal), Input(a, first.Name).ReasonJa);
        Assert.AreEqual("監査人 吉田修平 × 事業者 かもめ情報サービス / 事業者 かもめ情報サービス", Input(a, first.Name).SubmitterKey);
        Assert.AreEqual("監査人 吉田修平 × 事業者 あさひ電算 / 事業者 あさひ電算", Input(a, second.Name).SubmitterKey);
        Assert.AreEqual("△", Judgment(a, "1-3"), "the earlier workbook's judgment still counts");
        Assert.AreEqual(8, a.Total);
        CollectionAssert.AreEqual(new[] { "吉田 修平" }, a.Auditors.ToArray());
        CollectionAssert.AreEquivalent(new[] { "㈱かもめ情報サービス", "株式会社あさひ電算" }, a.Vendors.ToArray());
        Assert.AreEqual("実施", a.Items.Single(i => i.Id == "2-1").Answers["㈱かもめ情報サービス"].AnswerText);
        Assert.AreEqual("該当なし", a.Items.Single(i => i.Id == "2-4").Answers["株式会社あさひ電算"].AnswerText);
    }

    [TestMethod]
    public void LaterSubmittedDate_WinsOverALaterFileTime()
    {
        var submittedLater = Built("チェックリスト_A.xlsx", Checklist("高橋 美咲", null, "令和6年10月20日", All("△", Area1)), On(10, 20));
        var touchedLater = Built("チェックリスト_B.xlsx", Checklist("高橋 美咲", null, "令和6年10月10日", All("〇", Area1)), On(10, 25));

        var (_, a) = Run(Master(Area1), submittedLater, touchedLater);

        Assert.AreEqual("△", Judgment(a, "1-1"));
        Assert.AreEqual(FileStatus.Superseded, Input(a, touchedLater.Name).Status);
        StringAssert.Contains(Input(a, touchedLater.Name).ReasonJa, "提出日 令和6年10月20日");
    }

    [TestMethod]
    public void BlankRowInALaterFile_DoesNotEraseWhatTheEarlierSaid()
    {
        var first = Built("チェックリスト.xlsx", Checklist("高橋 美咲", null, null, All("〇", Area1)), On(10, 2));
        var later = Built("チェックリスト_v2.xlsx", Checklist("高橋 美咲", null, null, ("1-1", "△"), ("1-2", ""), ("1-3", "〇"), ("1-4", "〇")), On(10, 5));

        var (_, a) = Run(Master(Area1), first, later);

        Assert.AreEqual("〇", Judgment(a, "1-2"), "the earlier judgment of the item left blank");
        Assert.AreEqual("△", Judgment(a, "1-1"));
        Assert.AreEqual(0, a.Pending);
        Assert.AreEqual(FileStatus.Adopted, Input(a, first.Name).Status);
        StringAssert.Contains(Input(a, first.Name).ReasonJa, "一部旧版: 項目 1-1、1-3、1-4（3 件）");
        StringAssert.Contains(Input(a, later.Name).ReasonJa, "項目 1-2（1 件）は空欄のため、同じ提出者の先の提出「チェックリスト」");
    }

    [TestMethod]
    public void FileNamedNobody_ResentUnderAnotherVersionMark_IsTheSameSubmitter()
    {
        static SheetSpec Unnamed(string judgment)
        {
            var s = new SheetSpec().Meta("対象業務", Target).Meta("年度", Year);
            s.Headers = ["No.", "監査項目", "判定"];
            foreach (var id in Area1) s.Row(id, $"監査項目 {id}", judgment);
            return s;
        }
        var first = Built("チェックリスト.xlsx", Unnamed("〇"), On(10, 2));
        var again = Built("チェックリスト (2).xlsx", Unnamed("△"), On(10, 5));

        var (_, a) = Run(Master(Area1), first, again);

        Assert.AreEqual(FileStatus.Superseded, Input(a, first.Name).Status);
        Assert.AreEqual("監査人 ファイル:チェックリスト", Input(a, first.Name).SubmitterKey);
        Assert.AreEqual(0, a.Notes.Count(n => n.Kind == ReviewKind.JudgmentDisagreement), string.Join("\n", a.Notes));
        Assert.AreEqual("△", Judgment(a, "1-1"));
    }

    [TestMethod]
    public void LaterMasterList_ReplacesTheEarlierWhole()
    {
        var old = Built("監査項目一覧_旧.xlsx", Scenarios.Master(Target, Year, AllItems.Select(i => (i, "分類"))), On(9, 1));
        var revised = Built("監査項目一覧.xlsx", Scenarios.Master(Target, Year, Area1.Select(i => (i, "分類"))), On(9, 15));
        var checklist = Fixture("openpyxl/高橋_所属なし.xlsx", On(10, 9));

        var (_, a) = Run(old, revised, checklist);

        CollectionAssert.AreEqual(Area1, a.Items.Select(i => i.Id).ToArray());
        Assert.AreEqual(FileStatus.Superseded, Input(a, old.Name).Status);
        StringAssert.Contains(Input(a, old.Name).ReasonJa, "新しい監査項目一覧「監査項目一覧」");
    }

    // ------------------------------------------------------------------ nothing judged

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void VendorOnlyAudit_IsProvisional_AndItsSentenceClaimsNothingAboutFindings(bool withMaster)
    {
        var earlier = Built("事前回答_あさひ.xlsx", Scenarios.PreAnswer(Target, Year, "㈱あさひ電算", "森 進", "令和6年10月2日",
            Area1.Select(i => new object?[] { i, null, $"監査項目 {i}", "実施", "対応済み", "資料", null })), On(10, 2));
        var later = Fixture("openpyxl/事前回答_あさひ電算.xlsx", On(10, 12, 18));
        // A checklist refused (no fiscal year): it is no auditor's judgment of this audit.
        var refused = new SheetSpec().Meta("区分", "監査人").Meta("対象業務", Target).Meta("監査人", "高橋 美咲");
        refused.Headers = ["No.", "監査項目", "判定"];
        refused.Row("1-1", "監査項目", "〇");
        var files = new List<SourceFile> { earlier, later, Built("チェックリスト_年度なし.xlsx", refused, On(10, 20)) };
        if (withMaster) files.Add(Master(AllItems));

        var (result, a) = Run([.. files]);

        Assert.AreEqual(0, a.AuditorChecklists);
        Assert.AreEqual(0, a.Total);
        Assert.AreEqual(AuditStatus.Provisional, a.Status);
        Assert.AreEqual("監査人のチェックリストがないため、判定結果を集計していない。", SummarySentence.For(a));
        Assert.AreEqual("監査人のチェックリストがありません", SummarySentence.Unjudged(a)!.Value.Ja);
        Assert.AreEqual("no auditor checklist", SummarySentence.Unjudged(a)!.Value.En);
        CollectionAssert.AreEqual(new[] { "あさひ電算株式会社" }, a.Vendors.ToArray(), "one company, named as in its latest file");
        Assert.AreEqual(FileStatus.Superseded, Input(a, earlier.Name).Status);
        Assert.AreEqual(FileStatus.Rejected, result.Files.Single(f => f.Source.Name == "チェックリスト_年度なし.xlsx").Status);
        var summary = Summary(a);
        StringAssert.Contains(summary, "監査人のチェックリストがありません（no auditor checklist）。判定結果は集計していません。");
        Assert.IsFalse(summary.Contains("指摘事項はなかった", StringComparison.Ordinal), summary);
    }

    [TestMethod]
    public void EveryItemPending_IsProvisional_AndItsSentenceClaimsNothingAboutFindings()
    {
        var blank = Built("チェックリスト_高橋.xlsx", Checklist("高橋 美咲", null, null, All("", Area1)), On(10, 2));
        var vendor = Fixture("openpyxl/事前回答_あさひ電算.xlsx", On(10, 12));

        var (_, a) = Run(Master(Area1), blank, vendor);

        Assert.AreEqual(1, a.AuditorChecklists);
        Assert.AreEqual(4, a.Pending);
        Assert.AreEqual(AuditStatus.Provisional, a.Status);
        Assert.AreEqual("判定済みの監査項目がないため、判定結果を集計していない。", SummarySentence.For(a));
        StringAssert.Contains(Summary(a), "判定済みの監査項目がありません（no item is judged）");
    }

    /// <summary>Every text of the written 総括 sheet, read back with the product's own reader.</summary>
    private static string Summary(AuditResult a)
    {
        using var ms = new MemoryStream();
        ResultWorkbook.Write(a, new DateTimeOffset(2024, 11, 1, 9, 0, 0, TimeSpan.FromHours(9)), ms);
        ms.Position = 0;
        var sheet = WorkbookReader.Read(ms, "result.xlsx").Sheets.Single(s => s.Name == "総括");
        return string.Join("\n", sheet.Rows.Select(r => string.Join(" ", r.Where(c => c.Length > 0))));
    }
}
