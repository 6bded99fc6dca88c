using Consolidator.Core.Model;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// A master list's 提出予定 sheet: found by its name and its header (name and role columns), read row
/// by row; a row whose role or date cannot be read is listed in 要確認 with its cell, not guessed.
/// </summary>
[TestClass]
public sealed class RosterSheetReaderTests
{
    private static Submission Master(SheetSpec roster) =>
        new Consolidation().Ingest(SourceFile.FromBytes("監査項目一覧.xlsx", Books.Xlsx(
            Scenarios.Master("庶務事務システム", "令和5年度", [("1-1", "組織"), ("1-2", "組織")]), roster), Scenarios.At(2023, 9, 1)));

    private static SheetSpec Sheet(string name, string[] headers, params object?[][] rows)
    {
        var s = new SheetSpec { Name = name, Headers = headers };
        foreach (var r in rows) s.Rows.Add(r);
        return s;
    }

    [TestMethod]
    // Sheet names and header spellings an office uses.
    [DataRow("提出予定", "氏名", "区分", "担当項目", "提出期限")]
    [DataRow("提出予定者一覧", "名前", "役割", "対象項目", "期限")]
    [DataRow("提出者名簿", "提出者", "種別", "項目", "締切日")]
    [DataRow("配布先", "氏名・事業者名", "立場", "担当範囲", "提出期日")]
    public void RosterSheet_IsReadFromItsHeader(string sheet, string name, string role, string items, string due)
    {
        var m = Master(Sheet(sheet, [name, role, items, due],
            ["高橋 美咲（監査人）", "監査人", "1-*", "令和5年10月13日"],
            ["株式会社みなと情報システム", "事業者", "1-2", "2023/10/6"]));

        Assert.AreEqual(SubmissionRole.Master, m.Role);
        Assert.AreEqual(2, m.Rows.Count, "the roster's rows are no items");
        Assert.AreEqual("高橋 美咲（監査人） 監査人 1-* 2023-10-13 | 株式会社みなと情報システム 事業者 1-2 2023-10-06",
            string.Join(" | ", m.Roster.Select(e => $"{e.Name} {e.Role.Label()} {string.Join(",", e.Items)} {e.Due:yyyy-MM-dd}")));
        Assert.AreEqual(0, m.Notes.Count, string.Join("\n", m.Notes));
        Assert.IsTrue(m.Sheets.Any(s => s.Name == sheet && s.Note!.Contains("提出予定", StringComparison.Ordinal)));
    }

    [TestMethod]
    // Roles in the words people use; anything else is listed.
    [DataRow("監査人", "監査人")]
    [DataRow("監査責任者", "監査人")]
    [DataRow("auditor", "監査人")]
    [DataRow("委託事業者", "事業者")]
    [DataRow("保守事業者", "事業者")]
    [DataRow("ベンダー", "事業者")]
    [DataRow("vendor", "事業者")]
    [DataRow("所管課", "")]
    [DataRow("", "")]
    public void Role_IsReadOrListed(string written, string role)
    {
        var m = Master(Sheet("提出予定", ["氏名", "区分"], ["高橋 美咲", written]));

        Assert.AreEqual(role, string.Join(",", m.Roster.Select(e => e.Role.Label())));
        Assert.AreEqual(role.Length == 0 ? 1 : 0, m.Notes.Count(n => n.Kind == ReviewKind.RosterEntry && n.Cells[0].ToString() == "監査項目一覧.xlsx!提出予定!B2"));
    }

    [TestMethod]
    // Items: ids and prefixes in any separator; blank or 全項目 is every item.
    [DataRow("5-*, 6-1", "5-*|6-1")]
    [DataRow("5-*、6-1 7-2", "5-*|6-1|7-2")]
    [DataRow("５－１；５－２", "5-1|5-2")]
    [DataRow("全項目", "")]
    [DataRow("", "")]
    public void Items_AreSplit(string written, string items)
    {
        var m = Master(Sheet("提出予定", ["氏名", "区分", "担当項目"], ["高橋 美咲", "監査人", written]));

        Assert.AreEqual(items, string.Join("|", m.Roster.Single().Items));
    }

    [TestMethod]
    // Due dates as offices write them; a text that is no date is listed and the row kept without one.
    [DataRow("令和5年10月13日", "2023-10-13", 0)]
    [DataRow("R5.10.13", "2023-10-13", 0)]
    [DataRow("2023-10-13", "2023-10-13", 0)]
    [DataRow("２０２３年１０月１３日", "2023-10-13", 0)]
    [DataRow("10月中旬", "", 1)]
    public void DueDate_IsReadOrListed(string written, string due, int notes)
    {
        var m = Master(Sheet("提出予定", ["氏名", "区分", "提出期限"], ["高橋 美咲", "監査人", written]));

        Assert.AreEqual(due, m.Roster.Single().Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Assert.AreEqual(notes, m.Notes.Count(n => n.Kind == ReviewKind.RosterEntry));
    }

    [TestMethod]
    public void SameSubmitterTwice_IsListedOnce_AndTheRepeatNoted()
    {
        var m = Master(Sheet("提出予定", ["氏名", "区分"], ["高橋 美咲", "監査人"], ["高橋美咲 様", "監査人"], ["㈱みなと", "事業者"], ["株式会社みなと", "事業者"]));

        Assert.AreEqual(2, m.Roster.Count);
        Assert.AreEqual(2, m.Notes.Count(n => n.Kind == ReviewKind.RosterEntry));
    }

    [TestMethod]
    public void SheetNamedLikeARoster_WithoutNameAndRoleColumns_IsNoRoster()
    {
        var m = Master(Sheet("提出予定", ["メモ", "日付"], ["資料を送付", "10/1"]));

        Assert.AreEqual(0, m.Roster.Count);
        Assert.AreEqual(0, m.Notes.Count(n => n.Kind == ReviewKind.RosterEntry));
    }

    [TestMethod]
    public void RosterSheet_InAChecklist_IsNotRead()
    {
        var checklist = Scenarios.Checklist("庶務事務システム", "令和5年度", "高橋 美咲", "令和5年10月10日", [["分類", "1-1", "項目", "基準", "〇", null, null, null]]);
        var s = new Consolidation().Ingest(SourceFile.FromBytes("c.xlsx", Books.Xlsx(checklist, Sheet("提出予定", ["氏名", "区分"], ["佐藤 健一", "監査人"])), Scenarios.At(2023, 10, 1)));

        Assert.AreEqual(SubmissionRole.Auditor, s.Role);
        Assert.AreEqual(0, s.Roster.Count);
    }
}
