using Consolidator.Tests.Support;

namespace Consolidator.Tests.Commands;

/// <summary>
/// What <c>run</c> does when it cannot write: an output folder it cannot use, and a full disk under
/// each folder it writes (a small tmpfs, filled), run as the real program. Each is named as such
/// with the folder, exits 6, and loses nothing; the next run after space is freed completes.
/// </summary>
[TestClass]
public sealed class RunCommandDiskTests
{
    private static (int Exit, string Output) Run(string cwd, params string[] args)
    {
        using var p = WorkerProcess.Start(cwd, args);
        var exit = p.WaitForExit();
        return (exit, p.Output);
    }

    [TestMethod]
    public void Run_OutputFolderThatCannotBeWritten_ExitsSix_NamingThePath()
    {
        using var dir = new TempDir();
        foreach (var f in Inputs.SeedVersion(0, "")) f.WriteTo(dir["inbox"]);
        File.WriteAllText(dir["output"], "a file where the output folder should be");

        var (exit, output) = Run(dir.Path, "run", "--inbox", dir["inbox"], "--output", dir["output"], "--state", dir["state"]);

        Assert.AreEqual(6, exit, output);
        StringAssert.Contains(output, "出力を書けません: " + dir["output"] + " / Could not write the outputs: " + dir["output"]);
        Assert.DoesNotContain("AggregateException", output);
        Assert.DoesNotContain("予期しないエラー", output);
    }

    [TestMethod]
    [DataRow("output")]
    [DataRow("archive")]
    [DataRow("rejected")]
    [DataRow("state")]
    public void Run_DiskFull_IsNamedWithTheFolder_ExitsSix_AndLosesNothing(string full)
    {
        using var s = new Scenario([.. Inputs.SeedVersion(0, ""), Inputs.Bad(0, "")]);
        var folder = Path.Combine(s.Root, full);
        using var disk = SmallDisk.Mount(folder, 4096);
        s.Drop();
        var (first, firstOut) = Run(s.Root, "run", "--root", s.Root);
        Assert.AreEqual(0, first, firstOut);
        var xlsx = Path.Combine(s.Output, "庶務事務システム_令和5年度_監査結果.xlsx");
        var csv = Path.Combine(s.Output, "庶務事務システム_令和5年度_監査結果.csv");
        var (xlsxBefore, csvBefore) = (File.ReadAllBytes(xlsx), File.ReadAllBytes(csv));
        InputFile[] later = [.. Inputs.SeedVersion(1, "v1"), Inputs.Bad(1, "v1")];
        foreach (var f in later) f.WriteTo(s.Inbox);
        disk.Fill();

        var (second, secondOut) = Run(s.Root, "run", "--root", s.Root);

        Assert.AreEqual(6, second, secondOut);
        StringAssert.Contains(secondOut, $"ディスクの空き容量が不足しています: {folder}（");
        StringAssert.Contains(secondOut, $"The disk is full: {folder} (");
        Assert.DoesNotContain("予期しないエラー", secondOut);
        Assert.DoesNotContain("Stopped by an unexpected error", secondOut);
        Assert.DoesNotContain("AggregateException", secondOut);
        // Nothing lost: every file is in the inbox or stored, whole.
        var inbox = Folders.Stored(s.Inbox);
        var stored = Folders.Stored(s.Archive).Concat(Folders.Stored(s.Rejected)).ToDictionary();
        foreach (var f in later)
            Assert.IsTrue((inbox.TryGetValue(f.RelativePath, out var a) && a.AsSpan().SequenceEqual(f.Bytes))
                || (stored.TryGetValue(f.RelativePath, out var b) && b.AsSpan().SequenceEqual(f.Bytes)), f.RelativePath + " is lost");
        if (full == "output")
        {
            // Neither replaced: the workbook and its CSV are the previous run's, together.
            CollectionAssert.AreEqual(xlsxBefore, File.ReadAllBytes(xlsx));
            CollectionAssert.AreEqual(csvBefore, File.ReadAllBytes(csv));
            Assert.AreEqual(0, Directory.GetFiles(s.Output, ".*.tmp").Length, "no temporary file is left");
        }

        disk.Free();
        var (third, thirdOut) = Run(s.Root, "run", "--root", s.Root);
        Assert.AreEqual(0, third, thirdOut);
        Assert.AreEqual(0, Folders.Stored(s.Inbox).Count, thirdOut);
        s.AssertNothingLost();
        foreach (var f in later)
            Assert.IsTrue(Folders.Stored(s.Archive).Concat(Folders.Stored(s.Rejected)).Any(x => x.Key == f.RelativePath && x.Value.AsSpan().SequenceEqual(f.Bytes)), f.RelativePath);
    }
}
