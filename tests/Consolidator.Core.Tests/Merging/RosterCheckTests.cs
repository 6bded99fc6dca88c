using Consolidator.Core.Model;
using Consolidator.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Consolidator.Core.Tests.Merging;

/// <summary>
/// 提出状況: the roster (a master list's 提出予定 sheet, or the settings) against what was received,
/// matched by the submitter identity supersession uses; 未提出 / 一部 / 完了 / 名簿外, due dates
/// compared with the day in the office's time zone, and a missing auditor keeping the audit 暫定.
/// </summary>
[TestClass]
public sealed class RosterCheckTests
{
    private static AuditResult Run(IEnumerable<SourceFile> files, DateTimeOffset day, IReadOnlyList<ExpectedSubmitter>? roster = null) =>
        new Consolidation(new ConsolidationOptions { Calendar = new FakeTimeProvider(day), Roster = roster ?? [] }).Run(files).Audits.Single();

    private static string Describe(RosterReport r) => string.Join(" | ", r.Entries.Select(e =>
        $"{e.Name} {e.Role.Label()} {e.State.Label()} {e.Done}/{e.Assigned}{(e.Overdue ? " 期限超過" : "")}"));

    [TestMethod]
    public void Roster_ThreeAuditorsTwoVendors_OneAuditorMissing_OneVendorPartial_OneNotOnTheRoster()
    {
        var a = Run(Scenarios.Roster().Sources, Scenarios.RosterDay);

        var r = a.Roster!;
        Assert.AreEqual(
            "佐藤 健一（監査責任者） 監査人 完了 2/2 | 高橋 美咲 監査人 未提出 0/2 期限超過 | 田中 誠 監査人 完了 2/2 | "
            + "株式会社みなと情報システム 事業者 一部 3/4 期限超過 | 北斗データセンター株式会社 事業者 完了 2/2 | "
            + "株式会社さくらソリューションズ 事業者 名簿外 1/1", Describe(r));
        Assert.AreEqual(new RosterCounts(5, 3, 1, 1, 2, 1), r.Counts);
        Assert.AreEqual(new RosterCounts(3, 2, 0, 1, 1, 0), r.CountsFor(SubmissionRole.Auditor));
        Assert.AreEqual(new RosterCounts(2, 1, 1, 0, 1, 1), r.CountsFor(SubmissionRole.Vendor));
        Assert.AreEqual(new DateOnly(2023, 10, 16), r.Today);
        Assert.AreEqual(AuditStatus.Provisional, a.Status);
        CollectionAssert.AreEqual(new[] { "高橋 美咲" }, r.MissingAuditors.Select(m => m.Name).ToList());

        var sato = r.Entries[0];
        Assert.AreEqual("監査室/チェックリスト_佐藤.xlsx", sato.Files.Single().Path);
        Assert.AreEqual(Scenarios.At(2023, 10, 11, 17), sato.LastReceived);
        Assert.AreEqual(new DateOnly(2023, 10, 13), sato.Due);
        Assert.AreEqual("監査項目一覧_国民健康保険システム.xlsx!提出予定!A5", sato.Origin);
        CollectionAssert.AreEqual(new[] { "1-2", "2-*", "3-1" }, r.Entries[3].ItemPatterns.ToList());
    }

    [TestMethod]
    // Due dates are days in Tokyo: 00:30 on 10/7 in Tokyo is still 10/6 in UTC, and the vendor due on 10/6 is late.
    [DataRow("2023-10-05T10:00:00+09:00", "")]
    [DataRow("2023-10-06T23:59:00+09:00", "")]
    [DataRow("2023-10-07T00:30:00+09:00", "株式会社みなと情報システム")]
    [DataRow("2023-10-14T09:00:00+09:00", "高橋 美咲, 株式会社みなと情報システム")]
    public void DueDate_Passed_MarksOnlyThoseNotComplete(string now, string overdue)
    {
        var a = Run(Scenarios.Roster().Sources, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.AreEqual(overdue, string.Join(", ", a.Roster!.Entries.Where(e => e.Overdue).Select(e => e.Name)));
        // 北斗 (due 10/6) and 佐藤 (due 10/13) sent everything: never overdue.
        Assert.IsFalse(a.Roster.Entries.Where(e => e.State == SubmitterState.Complete).Any(e => e.Overdue));
    }

    [TestMethod]
    public void MissingExpectedAuditor_KeepsAnOtherwiseFinalAuditProvisional_WithTheReason()
    {
        // No master list: the items are the union of the auditors', so a missing auditor's items vanish without a trace.
        var files = new[] { Checklist("高橋 美咲（監査人）") };
        var alone = Run(files, Scenarios.RosterDay);
        Assert.AreEqual(AuditStatus.Final, alone.Status, string.Join("\n", alone.Notes));
        Assert.IsNull(alone.Roster);

        var expected = Run(files, Scenarios.RosterDay, [Auditor("高橋 美咲"), Auditor("佐藤 健一")]);
        Assert.AreEqual(AuditStatus.Provisional, expected.Status);
        Assert.AreEqual(0, expected.Pending);
        Assert.AreEqual(0, expected.ReviewCount);
        Assert.AreEqual("提出予定の監査人 1 名（佐藤 健一）が未提出です（an expected auditor has not submitted）。", Core.Writing.FollowUpTexts.ProvisionalReason(expected));
        // The counts survive the release that follows the writing (status, mail and summary use them).
        Assert.AreEqual(AuditStatus.Provisional, expected.Released().Status);
        Assert.AreEqual(1, expected.Released().Roster!.Counts.Missing);

        // A vendor missing does not make it 暫定.
        var vendorMissing = Run(files, Scenarios.RosterDay, [Auditor("高橋 美咲"), new ExpectedSubmitter { Name = "株式会社みなと情報システム", Role = SubmissionRole.Vendor }]);
        Assert.AreEqual(AuditStatus.Final, vendorMissing.Status);
        Assert.AreEqual(1, vendorMissing.Roster!.Counts.Missing);
    }

    [TestMethod]
    // The roster names a submitter the way the office writes it; the files the way each sender does.
    [DataRow("佐藤 健一（監査責任者）", "auditor", "監査責任者：佐藤 健一", true)]
    [DataRow("高橋美咲", "auditor", "高橋 美咲 様", true)]
    [DataRow("高橋 美咲", "auditor", "監査人 高橋　美咲", true)]
    [DataRow("高橋 美咲", "auditor", "高橋 美香", false)]
    [DataRow("株式会社みなと情報システム", "vendor", "みなと情報システム㈱", true)]
    [DataRow("(株)みなと情報システム", "vendor", "株式会社みなと情報システム 御中", true)]
    [DataRow("Minato Systems Co., Ltd.", "vendor", "minato systems", true)]
    [DataRow("株式会社みなと", "vendor", "株式会社みなと情報システム", false)]
    public void ExpectedSubmitter_IsMatchedByTheSubmitterIdentity(string rosterName, string role, string written, bool matched)
    {
        var isAuditor = role == "auditor";
        // 伊藤 judges the items (so there are items to answer), and is on the roster too.
        var files = new[] { Checklist("伊藤 直子", "チェックリスト_伊藤.xlsx"), isAuditor ? Checklist(written, "チェックリスト_2.xlsx") : PreAnswer(written) };
        var entry = new ExpectedSubmitter { Name = rosterName, Role = isAuditor ? SubmissionRole.Auditor : SubmissionRole.Vendor };

        var a = Run(files, Scenarios.RosterDay, [Auditor("伊藤 直子"), entry]);

        Assert.AreEqual(matched ? SubmitterState.Complete : SubmitterState.Missing, a.Roster!.Entries[1].State, Describe(a.Roster));
        Assert.AreEqual(matched ? 2 : 3, a.Roster.Entries.Count, "a submitter not matched is listed as 名簿外: " + Describe(a.Roster));
    }

    [TestMethod]
    public void ResentFile_IsOneSubmitter_ItsItemsCountedFromTheRowsThatCount()
    {
        // v1 judges 1-1 only; v2 (later) judges 1-2 only: both count item by item, so 2/2 from one submitter.
        var v1 = Checklist("高橋 美咲", "チェックリスト_高橋.xlsx", Scenarios.At(2023, 10, 10), ("1-1", "〇"), ("1-2", ""));
        var v2 = Checklist("高橋 美咲 様", "チェックリスト_高橋_v2.xlsx", Scenarios.At(2023, 10, 12), ("1-1", ""), ("1-2", "〇"));

        var a = Run([v1, v2], Scenarios.RosterDay, [Auditor("高橋 美咲")]);

        var e = a.Roster!.Entries.Single();
        Assert.AreEqual(SubmitterState.Complete, e.State, Describe(a.Roster));
        Assert.AreEqual(2, e.Done);
        CollectionAssert.AreEqual(new[] { "チェックリスト_高橋.xlsx", "チェックリスト_高橋_v2.xlsx" }, e.Files.Select(f => f.Path).ToList());
    }

    [TestMethod]
    public void RosterItemsMatchingNoItem_AreListedInReview_WithTheSetting()
    {
        var entry = Auditor("高橋 美咲") with { Items = ["9-*"], Origin = "設定 Templates:Auditors:0" };

        var a = Run([Checklist("高橋 美咲")], Scenarios.RosterDay, [entry]);

        var note = a.Notes.Single(n => n.Kind == ReviewKind.RosterEntry);
        StringAssert.Contains(note.MessageJa, "9-*");
        StringAssert.Contains(note.MessageJa, "設定 Templates:Auditors:0");
        Assert.AreEqual(0, a.Roster!.Entries[0].Assigned);
    }

    [TestMethod]
    public void SettingsEntry_ForAnotherAudit_DoesNotApply()
    {
        var other = Auditor("佐藤 健一") with { Target = "住民記録システム" };
        var otherYear = Auditor("佐藤 健一") with { FiscalYear = 2024 };
        var here = Auditor("佐藤 健一") with { Target = "国民健康保険 システム", FiscalYear = 2023 };

        Assert.IsNull(Run([Checklist("高橋 美咲")], Scenarios.RosterDay, [other, otherYear]).Roster);
        Assert.AreEqual(SubmitterState.Missing, Run([Checklist("高橋 美咲")], Scenarios.RosterDay, [here]).Roster!.Entries[0].State);
    }

    private static ExpectedSubmitter Auditor(string name) => new() { Name = name, Role = SubmissionRole.Auditor };

    private const string Target = "国民健康保険システム";

    private static SourceFile Checklist(string auditor, string path = "チェックリスト.xlsx") =>
        Checklist(auditor, path, Scenarios.At(2023, 10, 10), ("1-1", "〇"), ("1-2", "〇"));

    private static SourceFile Checklist(string auditor, string path, DateTimeOffset at, params (string Id, string Judgment)[] rows) =>
        SourceFile.FromBytes(path, Books.Xlsx(Scenarios.Checklist(Target, "令和5年度", auditor, "令和5年10月10日",
            rows.Select(r => new object?[] { "分類", r.Id, "監査項目 " + r.Id, "基準", r.Judgment, null, null, null }))), at);

    private static SourceFile PreAnswer(string vendor) => SourceFile.FromBytes("事前回答.xlsx", Books.Xlsx(
        Scenarios.PreAnswer(Target, "令和5年度", vendor, "山口 太郎", "令和5年10月5日", [["1-1", null, "監査項目", "実施", "対応済", "資料", null], ["1-2", null, "監査項目", "実施", "対応済", "資料", null]])),
        Scenarios.At(2023, 10, 5));
}
