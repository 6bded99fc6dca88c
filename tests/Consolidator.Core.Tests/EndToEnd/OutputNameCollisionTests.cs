using Consolidator.Core.Model;
using Consolidator.Core.Reading;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.EndToEnd;

/// <summary>
/// Two audits whose targets make one file name — the seed audit's 38 items beside a forged
/// checklist of 20 for 「庶務事務システム.」 — each written under its own name, each saying so in
/// 総括 and 要確認, the overview naming each one's own file.
/// </summary>
[TestClass]
public sealed class OutputNameCollisionTests
{
    private static readonly DateTimeOffset At = new(2023, 10, 25, 2, 0, 0, TimeSpan.FromHours(9));

    private static InputFile Forged(string target, int items) => new("偽/チェックリスト.xlsx",
        Books.Xlsx(Scenarios.Checklist(target, SeedAudit.Year, "偽 太郎", SeedAudit.AuditDate,
            SeedAudit.Items.Take(items).Select(i => new object?[] { i.Category, i.Id, i.Text, i.Basis, "〇", null, null, null }))),
        Scenarios.At(2023, 10, 25));

    [TestMethod]
    public void ATrailingDot_MakesASecondAudit_WrittenBesideTheRealOne_BothSayingSo()
    {
        var seed = Scenarios.Seed();
        var result = new Consolidation().Run([.. seed.Sources, Forged("庶務事務システム.", 20).ToSource()]);
        var folder = Directory.CreateTempSubdirectory("collision-").FullName;
        try
        {
            foreach (var audit in result.Audits) ResultWorkbook.Write(audit, At, Path.Combine(folder, OutputNames.ResultWorkbook(audit)));
            OverviewWorkbook.Write(result, At, Path.Combine(folder, OutputNames.Overview));

            Assert.HasCount(2, result.Audits);
            var real = result.Audits.Single(a => a.Key.Target == "庶務事務システム");
            var forged = result.Audits.Single(a => a.Key.Target == "庶務事務システム.");
            Assert.AreEqual("庶務事務システム_令和5年度_監査結果.xlsx", OutputNames.ResultWorkbook(real));
            StringAssert.Matches(OutputNames.ResultWorkbook(forged), new System.Text.RegularExpressions.Regex("^庶務事務システム~[0-9a-f]{8}_令和5年度_監査結果\\.xlsx$"));
            Assert.AreEqual(OutputNames.ResultWorkbook(forged)[..^5] + ".csv", OutputNames.ResultCsv(forged));
            Assert.AreEqual(3, Directory.GetFiles(folder).Length, "one file per audit, and the overview: nothing written twice");
            Assert.AreEqual(38, real.Total);
            Assert.AreEqual(20, forged.Total);

            foreach (var (audit, other, source) in new[] { (real, forged, SeedAudit.LeadFile), (forged, real, "偽/チェックリスト.xlsx") })
            {
                var file = OutputNames.ResultWorkbook(audit);
                var note = audit.Notes[0];
                Assert.AreEqual(ReviewKind.OutputNameCollision, note.Kind);
                StringAssert.Contains(note.MessageJa, $"「{other.Key.Target}」");
                StringAssert.Contains(note.MessageJa, $"「{file}」");
                StringAssert.Contains(note.MessageJa, "「庶務事務システム_令和5年度_監査結果.xlsx」になります（出力名の衝突）");
                Assert.AreEqual(AuditStatus.Provisional, audit.Status, "a result another audit's name collides with is not final");

                var book = WorkbookReader.Read(File.OpenRead(Path.Combine(folder, file)), file);
                var summary = book.Sheets.Single(s => s.Name == "総括");
                var row = Enumerable.Range(1, summary.RowCount).Single(r => summary[r, 1] == "出力名の衝突");
                Assert.AreEqual(note.MessageJa, summary[row, 2]);
                var review = book.Sheets.Single(s => s.Name == "要確認");
                Assert.AreEqual("出力名の衝突", review[4, 2]);
                StringAssert.Contains(review[4, 4], source + "!", "the cell the target was read from");
                Assert.AreEqual(audit.Total + 3, book.Sheets.Single(s => s.Name == "監査結果").RowCount, "the file holds its own audit");
            }

            var overview = WorkbookReader.Read(File.OpenRead(Path.Combine(folder, OutputNames.Overview)), OutputNames.Overview).Sheets[0];
            var files = Enumerable.Range(4, overview.RowCount - 3).ToDictionary(r => overview[r, 1], r => overview.Row(3).Length is var n && n > 0 ? overview[r, Array.IndexOf(overview.Row(3), "結果ファイル") + 1] : "");
            Assert.AreEqual(OutputNames.ResultWorkbook(real), files["庶務事務システム"]);
            Assert.AreEqual(OutputNames.ResultWorkbook(forged), files["庶務事務システム."]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void KeysThatDoNotCollide_KeepTheirNames_AndNoNote()
    {
        var result = new Consolidation().Run([.. Scenarios.Seed().Sources, Forged("財務会計システム", 5).ToSource()]);

        Assert.HasCount(2, result.Audits);
        foreach (var audit in result.Audits)
        {
            Assert.AreEqual(OutputNames.ResultStem(audit.Key) + ".xlsx", OutputNames.ResultWorkbook(audit));
            Assert.IsFalse(audit.Notes.Any(n => n.Kind == ReviewKind.OutputNameCollision));
        }
    }
}
