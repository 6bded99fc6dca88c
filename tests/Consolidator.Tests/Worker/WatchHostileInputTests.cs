using Consolidator.Core.Writing;
using Consolidator.Fixtures;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Worker;

/// <summary>
/// The worker keeps working through hostile and broken input: every file built to break a
/// reader (zip bombs, DTDs, cells beyond Excel's grid, encrypted and renamed files, the inputs
/// that once broke something) is refused with its reason or read as it should be, and a good
/// submission dropped after them is consolidated.
/// </summary>
[TestClass]
public sealed class WatchHostileInputTests
{
    private static string CoreData(string folder) => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Consolidator.Core.Tests", "Data", folder);

    [TestMethod]
    public async Task Watch_RefusesEveryHostileFile_AndStillConsolidatesAGoodOneDroppedAfter()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        using var w = TestWorker.Create(root.Path, clock);
        w.Cycle.Start();
        var audit = Path.Combine(w.Folders.Inbox, "庶務事務システム_令和5年度");
        Directory.CreateDirectory(audit);
        var hostile = HostileInputs.All();
        foreach (var h in hostile) File.WriteAllBytes(Path.Combine(audit, h.Name), h.Bytes);
        var officeMade = Directory.GetFiles(CoreData("Hostile")).Concat(Directory.GetFiles(CoreData("Regressions")))
            .Where(f => !f.EndsWith(".py", StringComparison.Ordinal)).ToList();
        foreach (var f in officeMade) File.Copy(f, Path.Combine(audit, "office_" + Path.GetFileName(f)));
        Assert.IsTrue(officeMade.Count >= 10, "the office-made hostile files and the regression corpus are there");

        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        await w.PassAsync();

        foreach (var h in hostile)
        {
            var stored = h.Code is null ? w.Folders.Archive : w.Folders.Rejected;
            var path = Path.Combine(stored, "庶務事務システム_令和5年度", OutputNames.SafeFileName(h.Name));
            Assert.IsTrue(File.Exists(path), $"{h.Name} ({h.What}) is not in {Path.GetFileName(stored)}/");
            if (h.Code is null) continue;
            var note = File.ReadAllText(path + ".error.txt");
            StringAssert.Contains(note, "理由: ", h.Name);
            StringAssert.Contains(note, "Reason: ", h.Name);
        }
        Assert.AreEqual(0, Directory.GetFiles(w.Folders.Inbox, "*", SearchOption.AllDirectories).Length, "every file was taken");

        // A good submission dropped after all of it is consolidated.
        var good = Path.Combine(w.Folders.Inbox, "庶務事務システム_令和5年度", "seed");
        SeedAudit.WriteTo(good);
        clock.Advance(TimeSpan.FromMinutes(1));
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        await w.PassAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        var report = await w.PassAsync();

        var summary = ResultText.OfWorkbook(Path.Combine(w.Folders.Output, "庶務事務システム_令和5年度_監査結果.xlsx"));
        StringAssert.Contains(summary, "「重大な不適合」1件を検出した。「不適合」「注意事項」はなかった。", report.ToString());
        // The count row of 総括 below its two header rows: 13 24 0 0 0 1 38.
        var counts = summary.Split('\n').Where(l => l.StartsWith("総括!", StringComparison.Ordinal) && l.Contains("!A14 ", StringComparison.Ordinal) || l.StartsWith("総括!G14 ", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(new[] { "総括!A14 13", "総括!G14 38" }, counts);
        Assert.AreEqual(5, Directory.GetFiles(Path.Combine(w.Folders.Archive, "庶務事務システム_令和5年度", "seed")).Length);
    }
}
