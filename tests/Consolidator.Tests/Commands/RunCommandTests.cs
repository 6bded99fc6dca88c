using Consolidator.Commands;
using Consolidator.Ledger;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Commands;

[TestClass]
public sealed class RunCommandTests
{
    [TestMethod]
    public void Run_WithoutArchive_LeavesTheInboxUntouched_AndKeepsNoLedger()
    {
        using var dir = new TempDir();
        var files = Inputs.SeedVersion(0, "");
        foreach (var f in files) f.WriteTo(dir["inbox"]);
        var stdout = new StringWriter();

        var code = RunCommand.Execute(new Dictionary<string, string?>
        {
            ["Paths:Inbox"] = dir["inbox"],
            ["Paths:Output"] = dir["output"],
            ["Paths:State"] = dir["state"],
        }, null, stdout, CancellationToken.None);

        Assert.AreEqual(0, code, stdout.ToString());
        StringAssert.Contains(stdout.ToString(), "対象外 13  適合 24  参考意見 0  注意事項 0  不適合 0  重大な不適合 1  計 38");
        foreach (var f in files)
        {
            var path = dir["inbox/" + f.RelativePath];
            CollectionAssert.AreEqual(f.Bytes, File.ReadAllBytes(path));
            Assert.AreEqual(f.ModifiedAt.UtcDateTime, File.GetLastWriteTimeUtc(path));
        }
        Assert.IsFalse(File.Exists(dir["state/" + FileLedger.FileName]));
        Assert.IsFalse(Directory.Exists(dir["archive"]));
    }

    [TestMethod]
    public void Run_WithRoot_MovesFilesLikeWatch_AndCountsWhatEarlierRunsArchived()
    {
        using var s = new Scenario([.. Inputs.SeedVersion(0, ""), Inputs.Bad(0, "")]);
        s.Drop();
        var first = new StringWriter();
        Assert.AreEqual(0, RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, first, CancellationToken.None), first.ToString());
        s.AssertEachFileStoredOnce();
        StringAssert.Contains(first.ToString(), "→ rejected/破損ファイル_000.xlsx");

        // A week later the lead auditor sends the checklist again, under the same name.
        var v3 = Inputs.SeedVersion(3, "").Single(f => f.Name == "チェックリスト_監査責任者.xlsx");
        var again = v3 with { ModifiedAt = v3.ModifiedAt.AddDays(7) };
        again.WriteTo(s.Inbox);
        var second = new StringWriter();
        Assert.AreEqual(0, RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, second, CancellationToken.None), second.ToString());

        StringAssert.Contains(second.ToString(), "1 件のファイル / files");
        StringAssert.Contains(second.ToString(), "→ archive/チェックリスト_監査責任者 (2).xlsx");
        StringAssert.Contains(second.ToString(), "ファイル / files: 7（採用 5、旧版 1、重複 0、拒否 1）");
        StringAssert.Contains(second.ToString(), "旧版  チェックリスト_監査責任者.xlsx");
        Assert.AreEqual(0, Folders.Stored(s.Inbox).Count);
    }

    [TestMethod]
    public void Run_WhileAWorkerHoldsTheStateFolder_ExitsWithFive_AndTouchesNothing()
    {
        using var s = new Scenario(Inputs.SeedVersion(0, ""));
        s.Drop();
        using var held = StateLock.TryAcquire(s.State, TimeProvider.System);

        var code = RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, TextWriter.Null, CancellationToken.None);

        Assert.AreEqual(5, code);
        Assert.AreEqual(5, Folders.Stored(s.Inbox).Count);
        Assert.AreEqual(0, Folders.Count(s.Archive));
    }
}
