using Consolidator.Commands;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Commands;

/// <summary>
/// The built program as a user runs it: command-line errors (exit code 2, Japanese then English),
/// the exit-code table at the end of each command's help, and that the codes are one table.
/// </summary>
[TestClass]
public sealed class CommandLineTests
{
    private static (int Exit, string Output) Consolidator(params string[] args)
    {
        using var dir = new TempDir();
        using var p = WorkerProcess.Start(dir.Path, args);
        var exit = p.WaitForExit();
        return (exit, p.Output);
    }

    [TestMethod]
    public void AnUnknownOption_ExitsTwo_InJapaneseThenEnglish()
    {
        var (exit, output) = Consolidator("run", "--bogus");

        Assert.AreEqual(2, exit, output);
        var lines = output.Split('\n');
        CollectionAssert.Contains(lines, "コマンドラインに誤りがあります / Invalid command line:");
        var ja = Array.FindIndex(lines, l => l.Contains("'--bogus'", StringComparison.Ordinal));
        Assert.IsTrue(ja >= 0, output);
        Assert.IsTrue(lines[ja].Any(c => c > 0x3000), "Japanese first: " + lines[ja]);
        StringAssert.Contains(lines[ja + 1], "Unrecognized command or argument '--bogus'");
        StringAssert.Contains(output, "`consolidator run --help`");
    }

    [TestMethod]
    public void AMissingArgument_ExitsTwo()
    {
        var (exit, output) = Consolidator("validate");

        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "Required argument missing for command: 'validate'");
    }

    [TestMethod]
    public void ASettingsFileThatIsNotJson_ExitsTwo_NotACrash()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["settings.json"], "{ not json");
        using var p = WorkerProcess.Start(dir.Path, "status", "--root", dir.Path, "--settings", dir["settings.json"]);

        Assert.AreEqual(2, p.WaitForExit(), p.Output);
        StringAssert.Contains(p.Output, "設定ファイルを読めません");
    }

    [TestMethod]
    // command, a code it returns, one it never returns
    [DataRow("run", 4, 1)]
    [DataRow("validate", 1, 4)]
    [DataRow("template", 3, 5)]
    [DataRow("watch", 5, 3)]
    [DataRow("status", 2, 6)]
    public void EveryCommandsHelp_EndsWithItsExitCodes(string command, int listed, int absent)
    {
        var (exit, output) = Consolidator(command, "--help");

        Assert.AreEqual(0, exit, output);
        var table = output[output.IndexOf("終了コード / Exit codes:", StringComparison.Ordinal)..];
        var meaning = ExitCodes.All.Single(c => c.Code == listed);
        StringAssert.Contains(table, $"  {listed,-3} {meaning.Ja}");
        StringAssert.Contains(table, meaning.En);
        Assert.IsFalse(table.Contains(ExitCodes.All.Single(c => c.Code == absent).En, StringComparison.Ordinal), table);
    }

    [TestMethod]
    public void TheCodes_AreTheDocumentedNumbers()
    {
        // Literals, not the constants: a constant changed by mistake changes what scripts and systemd see.
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3, 4, 5, 6, 70 }, ExitCodes.All.Select(c => c.Code).ToArray());
        Assert.AreEqual(0, ExitCodes.Success);
        Assert.AreEqual(1, ExitCodes.Problems);
        Assert.AreEqual(2, ExitCodes.Usage);
        Assert.AreEqual(3, ExitCodes.Unreadable);
        Assert.AreEqual(4, ExitCodes.MailWaiting);
        Assert.AreEqual(5, ExitCodes.StateInUse);
        Assert.AreEqual(6, ExitCodes.Failed);
        Assert.AreEqual(70, ExitCodes.Crashed);
        CollectionAssert.AreEqual(new[] { 0, 2, 3, 4, 5, 6, 70 }, ExitCodes.For("run").ToArray());
    }

    [TestMethod]
    public void TheCodes_AreDistinct_AndTheReadmeTableListsEachOnce()
    {
        Assert.AreEqual(ExitCodes.All.Count, ExitCodes.All.Select(c => c.Code).Distinct().Count());
        var readme = File.ReadAllLines(Path.Combine(Repository(), "README.md"));
        foreach (var (code, ja, _) in ExitCodes.All)
            Assert.AreEqual(1, readme.Count(l => l.StartsWith($"| `{code}` |", StringComparison.Ordinal)), $"README's exit-code table row for {code} ({ja})");
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Consolidator.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Consolidator.sln");
    }
}
