using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.EndToEnd;

/// <summary>
/// Each scenario of <see cref="Scenarios"/> through the whole pipeline: the counts, the
/// sentence, the status, every 要確認 entry with its cell, every file's status, and no row lost.
/// </summary>
[TestClass]
public sealed class ScenarioTests
{
    private static ConsolidationResult Run(Scenario scenario) => new Consolidation().Run(scenario.Sources);

    private static AuditResult Single(ConsolidationResult result)
    {
        Assert.AreEqual(1, result.Audits.Count, string.Join(", ", result.Audits.Select(a => a.Key)));
        return result.Audits[0];
    }

    private static string Counts(AuditResult a) =>
        string.Join(" ", a.Counts.Select(c => $"{c.Class.Label}{c.Count}")) + $" 計{a.Total} 未判定{a.Pending}";

    private static string Judgment(AuditResult a, string id) =>
        a.Items.Single(i => i.Id == id).Judgment?.Symbol ?? "未判定";

    private static void AssertNote(AuditResult a, ReviewKind kind, string item, params string[] cells)
    {
        var notes = a.Notes.Where(n => n.Kind == kind && n.ItemId == item).ToList();
        Assert.AreEqual(1, notes.Count, $"{kind} {item}: {string.Join(" | ", a.Notes)}");
        foreach (var cell in cells)
            Assert.IsTrue(notes[0].Cells.Any(c => c.ToString() == cell), $"{kind} {item} does not name {cell}: {notes[0].Where}");
    }

    [TestMethod]
    public void Seed_ReproducesTheSeedReport()
    {
        var a = Single(Run(Scenarios.Seed()));

        Assert.AreEqual("対象外13 適合24 参考意見0 注意事項0 不適合0 重大な不適合1 計38 未判定0", Counts(a));
        Assert.AreEqual("「重大な不適合」1件を検出した。「不適合」「注意事項」はなかった。", SummarySentence.For(a));
        Assert.AreEqual(AuditStatus.Final, a.Status);
        Assert.AreEqual(0, a.Notes.Count, string.Join("\n", a.Notes));
        Assert.AreEqual("×", Judgment(a, "5-2"));
        CollectionAssert.AreEqual(new[] { "佐藤 健一（監査責任者）", "高橋 美咲（監査人）" }, a.Auditors.ToArray());
        CollectionAssert.AreEqual(new[] { "令和5年10月24日" }, a.AuditDates.ToArray());
        Assert.AreEqual("一部実施", a.Items.Single(i => i.Id == "5-2").Answers["株式会社みなと情報システム"].AnswerText);
    }

    [TestMethod]
    public void Spellings_EverySpellingOfJudgmentsIdsAndAnswersNormalises()
    {
        var a = Single(Run(Scenarios.Spellings()));

        Assert.AreEqual("対象外3 適合4 参考意見1 注意事項1 不適合1 重大な不適合2 計12 未判定0", Counts(a));
        Assert.AreEqual("「重大な不適合」2件、「不適合」1件、「注意事項」1件を検出した。", SummarySentence.For(a));
        Assert.AreEqual(AuditStatus.Final, a.Status, string.Join("\n", a.Notes));
        Assert.AreEqual("〇", Judgment(a, "5.1"));
        Assert.AreEqual("〇", Judgment(a, "5.10"));
        Assert.AreEqual("×", Judgment(a, "5.2"));
        var answers = a.Answers.ToDictionary(x => x.ItemId, x => x.AnswerText);
        Assert.AreEqual("実施", answers["1.1"]);
        Assert.AreEqual("実施", answers["1.3"]);
        Assert.AreEqual("未実施", answers["2.2"]);
        Assert.AreEqual("未実施", answers["5.2"]);
        Assert.AreEqual("該当なし", answers["6.2"]);
        Assert.AreEqual("実施", answers["5.10"]);
        Assert.AreEqual("一部実施", answers["6.1"]);
    }

    [TestMethod]
    public void Conflicts_EveryCrossCheckIsListedWithItsCell()
    {
        var a = Single(Run(Scenarios.Conflicts()));

        Assert.AreEqual("対象外0 適合8 参考意見1 注意事項0 不適合2 重大な不適合1 計12 未判定2", Counts(a));
        Assert.AreEqual("「重大な不適合」1件、「不適合」2件を検出した。「注意事項」はなかった。", SummarySentence.For(a));
        Assert.AreEqual(AuditStatus.Provisional, a.Status);
        Assert.AreEqual("△", Judgment(a, "2-1"));
        Assert.AreEqual("〇", Judgment(a, "2-3"));
        Assert.AreEqual("⦿", Judgment(a, "3-2"));
        Assert.AreEqual("〇", Judgment(a, "1-2"));

        AssertNote(a, ReviewKind.JudgmentDisagreement, "2-1", "チェックリスト_田中.xlsx!チェックリスト!E10", "チェックリスト_渡辺.xlsx!チェックリスト!E9");
        AssertNote(a, ReviewKind.JudgmentDisagreement, "2-3");
        AssertNote(a, ReviewKind.JudgmentDisagreement, "3-2");
        AssertNote(a, ReviewKind.Pending, "4-1", "チェックリスト_田中.xlsx!チェックリスト!E15");
        AssertNote(a, ReviewKind.InvalidJudgment, "5-3", "チェックリスト_田中.xlsx!チェックリスト!E20");
        AssertNote(a, ReviewKind.MissingFinding, "4-3", "チェックリスト_田中.xlsx!チェックリスト!E17", "チェックリスト_田中.xlsx!チェックリスト!F17");
        AssertNote(a, ReviewKind.VendorNotImplemented, "5-1", "事前回答_みなと情報システム.xlsx!事前回答!D10", "チェックリスト_田中.xlsx!チェックリスト!E18");
        AssertNote(a, ReviewKind.VendorNotApplicable, "5-4", "事前回答_みなと情報システム.xlsx!事前回答!D11", "チェックリスト_渡辺.xlsx!チェックリスト!E13");
        AssertNote(a, ReviewKind.VendorNoAnswer, "4-2", "事前回答_みなと情報システム.xlsx!事前回答!D12");
        AssertNote(a, ReviewKind.UnknownItemId, "9-9", "事前回答_みなと情報システム.xlsx!事前回答!A13");
        AssertNote(a, ReviewKind.DuplicateItemId, "4-2", "事前回答_北斗データセンター.xlsx!事前回答!A11", "事前回答_北斗データセンター.xlsx!事前回答!A10");
        Assert.AreEqual(11, a.Notes.Count, string.Join("\n", a.Notes));
    }

    [TestMethod]
    public void Formats_CsvInShiftJisAndUtf8_FormulaIds_RenamedXlsm_AllRead()
    {
        var result = Run(Scenarios.Formats());
        var a = Single(result);

        Assert.IsTrue(result.Files.All(f => f.Status == FileStatus.Adopted), string.Join("\n", result.Files.Select(f => $"{f.Source.RelativePath} {f.Status} {f.ReasonEn}")));
        Assert.IsFalse(a.UniverseFromMaster);
        Assert.AreEqual("対象外1 適合8 参考意見1 注意事項1 不適合1 重大な不適合0 計12 未判定0", Counts(a));
        CollectionAssert.AreEqual(Enumerable.Range(1, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), a.Items.Select(i => i.Id).ToArray());
        // Cross-checks located in the CSVs: record n is row n, a quoted line break does not start a row.
        AssertNote(a, ReviewKind.VendorNotImplemented, "9", "事前回答_中央電算.csv!事前回答_中央電算!C7");
        AssertNote(a, ReviewKind.VendorNotApplicable, "6", "事前回答_東和ビジネスサービス.csv!事前回答_東和ビジネスサービス!C7");
        AssertNote(a, ReviewKind.VendorNoAnswer, "12", "事前回答_東和ビジネスサービス.csv!事前回答_東和ビジネスサービス!C8");
        Assert.AreEqual(3, a.Notes.Count, string.Join("\n", a.Notes));
        Assert.AreEqual("㈱中央電算", a.Vendors.Single(v => v.Contains("中央電算")));
        StringAssert.Contains(a.Answers.Single(x => x.ItemId == "3").Detail, "\n");
    }

    [TestMethod]
    public void BadFiles_AreRefusedWithReasons_AndTheGoodOnesStillGiveAResult()
    {
        var result = Run(Scenarios.BadFiles());
        var a = Single(result);
        var status = result.Files.ToDictionary(f => f.Source.RelativePath);

        Assert.AreEqual("対象外1 適合4 参考意見1 注意事項0 不適合0 重大な不適合0 計6 未判定0", Counts(a));
        Assert.AreEqual("指摘事項はなかった。", SummarySentence.For(a));
        Assert.AreEqual(AuditStatus.Final, a.Status, string.Join("\n", a.Notes));
        Assert.AreEqual(FileStatus.Adopted, status["監査項目一覧.xlsx"].Status);
        Assert.AreEqual(FileStatus.Adopted, status["checklist.xlsx"].Status);
        Assert.AreEqual("not-a-workbook", status["破損ファイル.xlsx"].Rejection!.Code);
        Assert.AreEqual("no-table", status["議事メモ.xlsx"].Rejection!.Code);
        StringAssert.Contains(status["参考資料一式.xlsx"].Rejection!.MessageEn, "zip archive that is not a workbook");
        Assert.AreEqual("empty-workbook", status["空のブック.xlsx"].Rejection!.Code);
        Assert.AreEqual("no-table", status["送付状.xlsx"].Rejection!.Code);
        // Every refused file is listed in the audit's history, with its reason.
        Assert.AreEqual(7, a.Inputs.Count);
        Assert.IsTrue(a.Inputs.Where(i => i.Status == FileStatus.Rejected).All(i => i.ReasonJa.Length > 0 && i.ReasonEn.Length > 0));
    }

    [TestMethod]
    public void MultiAudit_GivesOneResultPerAudit_AndKeepsSameNamedFilesApart()
    {
        var result = Run(Scenarios.MultiAudit());

        Assert.AreEqual(2, result.Audits.Count);
        var hr = result.Audits.Single(x => x.Key.Target == "人事給与システム");
        var library = result.Audits.Single(x => x.Key.Target == "図書館システム");
        Assert.AreEqual("対象外1 適合3 参考意見0 注意事項1 不適合0 重大な不適合0 計5 未判定0", Counts(hr));
        Assert.AreEqual(AuditStatus.Final, hr.Status, string.Join("\n", hr.Notes));
        Assert.AreEqual("対象外1 適合1 参考意見0 注意事項0 不適合1 重大な不適合0 計3 未判定1", Counts(library));
        AssertNote(library, ReviewKind.Pending, "L-03", "監査室/チェックリスト_図書館システム.xlsx!チェックリスト!E10");
        Assert.IsFalse(library.UniverseFromMaster);
        Assert.IsTrue(result.Files.All(f => f.Status == FileStatus.Adopted));
        Assert.AreEqual(2, result.Files.Count(f => f.Source.Name == "事前回答書.xlsx"));
    }

    [TestMethod]
    public void Resubmission_LatestPerSubmitterCounts_CopiesAreDuplicates()
    {
        var result = Run(Scenarios.Resubmission());
        var a = Single(result);
        var status = result.Files.ToDictionary(f => f.Source.RelativePath, f => f.Status);

        Assert.AreEqual(FileStatus.Superseded, status["事前回答_保守事業者_v1.xlsx"]);
        Assert.AreEqual(FileStatus.Adopted, status["事前回答_保守事業者_v2.xlsx"]);
        Assert.AreEqual(FileStatus.Duplicate, status["事前回答_保守事業者_v2 - コピー.xlsx"]);
        Assert.AreEqual(AuditStatus.Final, a.Status, string.Join("\n", a.Notes));
        Assert.AreEqual("「不適合」1件を検出した。「重大な不適合」「注意事項」はなかった。", SummarySentence.For(a));
        // A history reason names only its own file in full: the newer submission by its name without
        // extension, date and hash, so a row found by a file's name is that file's row alone.
        var v1 = result.Files.Single(f => f.Source.RelativePath == "事前回答_保守事業者_v1.xlsx");
        StringAssert.Contains(v1.ReasonJa, "新しい提出「事前回答_保守事業者_v2」（提出日 令和5年10月2日、SHA-256 ");
        StringAssert.Contains(v1.ReasonJa, "項目 1-1、2-1、4-1（3 件）");
        Assert.IsFalse(v1.ReasonJa.Contains("事前回答_保守事業者_v2.xlsx", StringComparison.Ordinal));
        Assert.AreEqual("事業者 中央電算", v1.SubmitterKey);
    }

    [TestMethod]
    public void SharedChecklist_AnswersGoToTheVendor_JudgmentsToTheAuditor_LegendIsNotAnItem()
    {
        var result = Run(Scenarios.SharedChecklist());
        var a = Single(result);

        CollectionAssert.AreEqual(new[] { "1-1", "3-2", "4-2", "5-2", "5-6" }, a.Items.Select(i => i.Id).ToArray());
        CollectionAssert.AreEqual(new[] { "吉田 修平" }, a.Auditors.ToArray());
        CollectionAssert.AreEquivalent(new[] { "ひかりデータセンター株式会社", "株式会社かもめ情報サービス" }, a.Vendors.ToArray());
        var item32 = a.Items.Single(i => i.Id == "3-2");
        Assert.AreEqual("一部実施", item32.Answers["株式会社かもめ情報サービス"].AnswerText);
        Assert.AreEqual("実施", item32.Answers["ひかりデータセンター株式会社"].AnswerText);
        var combined = "チェックリスト兼事前回答_統合宛名システム.xlsx!チェックリスト!";
        // title, gap, 3 metadata rows, a note, 5 legend rows, a gap, the header on row 13; 4-2 is the third item
        AssertNote(a, ReviewKind.VendorNotImplemented, "4-2", combined + "E16", combined + "H16");
        Assert.AreEqual(1, a.Notes.Count, string.Join("\n", a.Notes));
        Assert.AreEqual("対象外1 適合2 参考意見0 注意事項1 不適合0 重大な不適合1 計5 未判定0", Counts(a));
    }

    [TestMethod]
    public void EveryScenario_NoRowDisappears_RowsReadEqualMergedPlusListed()
    {
        foreach (var scenario in Scenarios.All())
        {
            var result = Run(scenario);
            foreach (var f in result.Files)
            {
                if (f.Status == FileStatus.Adopted)
                    Assert.AreEqual(f.RowsRead, f.RowsMerged + f.RowsListed, $"{scenario.Name}: {f.Source.RelativePath}");
                else
                    Assert.AreEqual(0, f.RowsMerged, $"{scenario.Name}: {f.Source.RelativePath} is {f.Status} but had rows merged");
            }
            Assert.IsTrue(result.Files.Where(f => f.Status == FileStatus.Adopted).Sum(f => f.RowsRead) > 0, scenario.Name);
        }
    }
}
