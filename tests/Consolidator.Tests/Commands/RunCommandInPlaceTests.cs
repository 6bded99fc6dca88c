using Consolidator.Commands;
using Consolidator.Fixtures;

namespace Consolidator.Tests.Commands;

[TestClass]
public sealed class RunCommandInPlaceTests
{
    private DirectoryInfo _dir = null!;

    [TestInitialize]
    public void Create() => _dir = Directory.CreateTempSubdirectory("run-");

    [TestCleanup]
    public void Remove() => _dir.Delete(recursive: true);

    private int Run(out string output, params (string Key, string Value)[] settings)
    {
        var overrides = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        overrides.TryAdd("Paths:State", Path.Combine(_dir.FullName, "state"));
        var stdout = new StringWriter();
        var exit = RunCommand.Execute(overrides, null, stdout, CancellationToken.None);
        output = stdout.ToString();
        return exit;
    }

    [TestMethod]
    public void Run_WritesTheResult_LeavesTheInboxUntouched_ExitsZero()
    {
        var inbox = Path.Combine(_dir.FullName, "in");
        Scenarios.Seed().WriteTo(inbox);
        var before = Directory.GetFiles(inbox).Select(f => (f, File.GetLastWriteTimeUtc(f), new FileInfo(f).Length)).ToList();
        var output = Path.Combine(_dir.FullName, "out");

        var exit = Run(out var text, ("Paths:Inbox", inbox), ("Paths:Output", output));

        Assert.AreEqual(0, exit, text);
        Assert.IsTrue(File.Exists(Path.Combine(output, "庶務事務システム_令和5年度_監査結果.xlsx")));
        Assert.IsTrue(File.Exists(Path.Combine(output, "庶務事務システム_令和5年度_監査結果.csv")));
        StringAssert.Contains(text, "対象外 13  適合 24  参考意見 0  注意事項 0  不適合 0  重大な不適合 1  計 38");
        StringAssert.Contains(text, "[5/5]");
        CollectionAssert.AreEqual(before, Directory.GetFiles(inbox).Select(f => (f, File.GetLastWriteTimeUtc(f), new FileInfo(f).Length)).ToList());
    }

    [TestMethod]
    public void Run_WithoutInbox_ExitsOne()
    {
        var exit = Run(out _, ("Paths:Inbox", Path.Combine(_dir.FullName, "missing")));

        Assert.AreEqual(1, exit);
    }

    [TestMethod]
    public void Run_WithBadSettings_ExitsOne() =>
        Assert.AreEqual(1, Run(out _, ("Paths:Inbox", _dir.FullName), ("Consolidation:TimeZone", "Mars/Olympus"), ("Consolidation:MaxHeaderRow", "0")));
}
