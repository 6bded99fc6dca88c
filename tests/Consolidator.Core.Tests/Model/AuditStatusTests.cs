using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Tests.Model;

/// <summary>
/// The truth table of 確定 / 暫定: 確定 only when every item is judged, nothing is to be reviewed,
/// something was judged at all and no auditor the roster expects is missing; any one of these
/// failing keeps the audit 暫定, alone or together.
/// </summary>
[TestClass]
public sealed class AuditStatusTests
{
    private static readonly JudgmentScale Scale = JudgmentScale.Default;

    [TestMethod]
    // judged, pending (未判定), review (要確認), missing auditor → status
    [DataRow(3, 0, 0, false, "確定")]
    [DataRow(3, 0, 1, false, "暫定")] // 未判定 0, but an entry to review
    [DataRow(3, 1, 0, false, "暫定")] // an item 未判定
    [DataRow(3, 1, 1, false, "暫定")]
    [DataRow(0, 0, 0, false, "暫定")] // nothing at all (no item)
    [DataRow(0, 2, 0, false, "暫定")] // every item 未判定
    [DataRow(0, 2, 1, false, "暫定")]
    [DataRow(3, 0, 0, true, "暫定")]  // an expected auditor sent nothing
    [DataRow(3, 0, 1, true, "暫定")]
    [DataRow(3, 1, 0, true, "暫定")]
    [DataRow(1, 0, 0, false, "確定")]
    public void Status_FollowsTheTruthTable(int judged, int pending, int review, bool missingAuditor, string expected)
    {
        var audit = Audit(judged, pending, review, missingAuditor);

        Assert.AreEqual(expected, audit.Status.Label());
        Assert.AreEqual(judged, audit.Total);
        Assert.AreEqual(pending, audit.Pending);
        Assert.AreEqual(review, audit.ReviewCount);
    }

    [TestMethod]
    [DataRow(3, 0, 0, false, "確定")]
    [DataRow(3, 0, 1, false, "暫定")]
    [DataRow(3, 1, 0, false, "暫定")]
    [DataRow(3, 0, 0, true, "暫定")]
    public void Status_IsKept_WhenTheResultIsReleased(int judged, int pending, int review, bool missingAuditor, string expected)
    {
        var released = Audit(judged, pending, review, missingAuditor).Released();

        Assert.AreEqual(expected, released.Status.Label());
        Assert.AreEqual(0, released.Items.Count);
        Assert.AreEqual(review, released.ReviewCount);
    }

    [TestMethod]
    public void Status_OfACopy_CountsTheCopysOwnItems()
    {
        var final = Audit(2, 0, 0, false);
        var withPending = final with { Items = [.. final.Items, Item("9-9", null)] };

        Assert.AreEqual("確定", final.Status.Label());
        Assert.AreEqual("暫定", withPending.Status.Label());
        Assert.AreEqual(1, withPending.Pending);
    }

    private static AuditResult Audit(int judged, int pending, int review, bool missingAuditor)
    {
        var conform = Scale.Classes.Single(c => c.Symbol == "〇");
        var items = Enumerable.Range(1, judged).Select(i => Item($"1-{i}", conform))
            .Concat(Enumerable.Range(1, pending).Select(i => Item($"2-{i}", null)))
            .ToList();
        var notes = Enumerable.Range(1, review)
            .Select(i => new ReviewNote(ReviewKind.UnknownItemId, $"9-{i}", [new CellRef("a.xlsx", "監査項目", 3 + i, 1)], $"9-{i}",
                "監査項目にない番号です。", "Not an item of the audit.", "番号を確認してください。", "Check the id."))
            .ToList();
        RosterReport? roster = missingAuditor
            ? new RosterReport([new SubmitterStatus { Name = "高橋 美咲", Role = SubmissionRole.Auditor, State = SubmitterState.Missing, Assigned = 2 }], new DateOnly(2023, 10, 13))
            : null;
        return new AuditResult { Key = new AuditKey("住民記録システム", 2023), Scale = Scale, Items = items, Notes = notes, Roster = roster, AuditorChecklists = judged > 0 ? 1 : 0 };
    }

    private static ResultItem Item(string id, JudgmentClass? judgment) => new() { Id = id, Text = "項目 " + id, Judgment = judgment };
}
