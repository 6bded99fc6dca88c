using System.Diagnostics;
using System.Text;
using Consolidator.Commands;
using Consolidator.Core.Reading;
using Consolidator.Inbox;
using Consolidator.Tests.Support;
using InputFile = Consolidator.Tests.Support.InputFile;

namespace Consolidator.Tests.Inbox;

/// <summary>
/// No single entry stops the intake: a folder nested beyond the system's path limit, a folder that
/// cannot be read, a name that is not UTF-8 are each refused on their own, listed in 取込履歴, and
/// every other file of the inbox is taken — by <c>run --root</c> and by the worker alike. A folder and
/// a file of the same name never block each other in archive/ or rejected/.
/// </summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InboxScanResilienceTests
{
    private static IReadOnlyList<InputFile> Seed => Inputs.SeedVersion(0, "");

    [TestMethod]
    public void List_RefusesWhatItCannotRead_OneEntryAtATime_AndListsEveryOtherFile()
    {
        using var dir = new TempDir("scan-");
        File.WriteAllText(dir["a.csv"], "x");
        Directory.CreateDirectory(dir["監査室"]);
        File.WriteAllText(dir["監査室/b.csv"], "x");
        var deep = Links.DeepFolder(dir.Path);
        Links.UndecodableName(dir.Path);
        try
        {
            var listing = InboxScanner.List(dir.Path);

            CollectionAssert.AreEqual(new[] { "a.csv", "監査室/b.csv" }, listing.Files.Select(f => f.RelativePath).ToArray());
            Assert.HasCount(2, listing.Refused, string.Join(", ", listing.Refused.Select(r => r.Rejection.Code)));
            var tooLong = listing.Refused.Single(r => r.Rejection.Code == "path-too-long");
            StringAssert.StartsWith(tooLong.RelativePath, deep + "/");
            StringAssert.Contains(tooLong.Rejection.MessageJa, "パスが長すぎる");
            Assert.AreEqual("name-unreadable", listing.Refused.Single(r => r != tooLong).Rejection.Code);
        }
        finally
        {
            Links.RemoveDeep(dir.Path, deep);
        }
    }

    [TestMethod]
    public void Run_WithRoot_ADeepFolderAndAnUndecodableName_DoNotStopTheIntake()
    {
        using var s = new Scenario(Seed);
        s.Drop();
        var deep = Links.DeepFolder(s.Inbox);
        Links.UndecodableName(s.Inbox);
        try
        {
            var stdout = new StringWriter();
            var code = RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, stdout, CancellationToken.None);

            Assert.AreEqual(0, code, stdout.ToString());
            CollectionAssert.AreEquivalent(Seed.Select(f => f.RelativePath).ToList(), Folders.Stored(s.Archive).Keys.ToList());
            var history = ResultText.SeedHistory(s.Output);
            Assert.AreEqual(2, history.Count(h => h.Key.StartsWith("受付:", StringComparison.Ordinal) && h.Value.Status == "拒否"), string.Join(", ", history.Keys));
            Assert.IsTrue(history.Any(h => h.Key.StartsWith("受付:" + deep + "/", StringComparison.Ordinal) && h.Value.Reason.Contains("パスが長すぎる", StringComparison.Ordinal)));
            Assert.IsTrue(history.Any(h => h.Value.Reason.Contains("UTF-8 ではない名前", StringComparison.Ordinal)));
            Assert.IsTrue(Directory.EnumerateFileSystemEntries(s.Inbox).Any(e => Path.GetFileName(e).StartsWith("bad", StringComparison.Ordinal)), "left in place");
        }
        finally
        {
            Links.RemoveDeep(s.Inbox, deep);
        }
    }

    [TestMethod]
    public async Task Watch_ADeepFolder_DoesNotStopTheWorker_FromTakingEveryOtherFile()
    {
        using var root = new TempDir();
        var clock = FakeClock.Afternoon();
        using var w = TestWorker.Create(root.Path, clock);
        w.Cycle.Start();
        foreach (var f in Seed) f.WriteTo(w.Folders.Inbox);
        var deep = Links.DeepFolder(w.Folders.Inbox);
        try
        {
            await w.PassAsync();
            clock.Advance(TimeSpan.FromSeconds(2));
            var report = await w.PassAsync();

            Assert.AreEqual(Seed.Count, report.Taken);
            Assert.AreEqual(Seed.Count, w.Ledger.Files().Count);
        }
        finally
        {
            Links.RemoveDeep(w.Folders.Inbox, deep);
        }
    }

    [TestMethod]
    public void Run_AFolderThatCannotBeRead_IsRefusedOnItsOwn_AndEveryOtherFileIsTaken()
    {
        using var s = new Scenario(Seed);
        s.Drop();
        var locked = Path.Combine(s.Inbox, "非公開");
        Seed[0].WriteTo(locked);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var (code, output) = RunWithoutOverridingPermissions(s.Root);

            Assert.AreEqual(0, code, output);
            CollectionAssert.AreEquivalent(Seed.Select(f => f.RelativePath).ToList(), Folders.Stored(s.Archive).Keys.ToList());
            var history = ResultText.SeedHistory(s.Output);
            Assert.AreEqual("拒否", history["受付:非公開"].Status);
            StringAssert.Contains(history["受付:非公開"].Reason, "フォルダの中を読み取れません");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Assert.IsTrue(File.Exists(Path.Combine(locked, Seed[0].Name)), "what the folder holds stays in it");
    }

    [TestMethod]
    //       earlier inbox path          later inbox path          later stored as                 outcome
    [DataRow("監査室/チェックリスト.xlsx",   "監査室",                   "監査室 (2)",                    "archive")]
    [DataRow("事前回答",                   "事前回答/回答書.xlsx",       "事前回答 (2)/回答書.xlsx",        "archive")]
    [DataRow("bad/破損ファイル.xlsx",       "bad",                      "bad (2)",                       "rejected")]
    [DataRow("破損ファイル",                "破損ファイル/破損ファイル.xlsx", "破損ファイル (2)/破損ファイル.xlsx", "rejected")]
    public void Run_AFolderAndAFileOfTheSameName_NeverBlockEachOther(string earlier, string later, string storedAs, string outcome)
    {
        var bytes = outcome == "archive" ? Seed[0].Bytes : Inputs.Bad(0).Bytes;
        var other = outcome == "archive" ? Seed[1].Bytes : Inputs.Bad(5).Bytes;
        using var s = new Scenario([new InputFile(earlier, bytes, Seed[0].ModifiedAt)]);
        s.Drop();
        // Refused files alone make no audit: run says so with its exit code.
        var expected = outcome == "archive" ? 0 : 3;
        var first = new StringWriter();
        Assert.AreEqual(expected, RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, first, CancellationToken.None), first.ToString());
        // The sender empties the folder the first file came in (or removes the file) and drops the second.
        var leftover = Path.Combine(s.Inbox, later.Split('/')[0]);
        if (Directory.Exists(leftover) && !Directory.EnumerateFileSystemEntries(leftover).Any()) Directory.Delete(leftover);
        new InputFile(later, other, Seed[1].ModifiedAt).WriteTo(s.Inbox);

        var second = new StringWriter();
        var code = RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, second, CancellationToken.None);

        Assert.AreEqual(expected, code, second.ToString());
        StringAssert.Contains(second.ToString(), $"→ {outcome}/{storedAs}");
        var folder = outcome == "archive" ? s.Archive : s.Rejected;
        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(Path.Combine(folder, earlier)), "the earlier file is untouched");
        CollectionAssert.AreEqual(other, File.ReadAllBytes(Path.Combine(folder, storedAs)));
        Assert.AreEqual(0, Folders.Stored(s.Inbox).Count, "the later file left the inbox");
    }

    /// <summary>
    /// <c>run --root</c> as a child process that permissions apply to: as root, without the capabilities
    /// that let root read any folder (setpriv drops them from the bounding set before the program starts).
    /// </summary>
    private static (int Code, string Output) RunWithoutOverridingPermissions(string root)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var asRoot = Environment.UserName == "root";
        var info = new ProcessStartInfo(asRoot ? "setpriv" : dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (asRoot)
        {
            info.ArgumentList.Add("--bounding-set");
            info.ArgumentList.Add("-dac_override,-dac_read_search");
            info.ArgumentList.Add(dotnet);
        }
        foreach (var a in new[] { WorkerProcess.ConsolidatorDll, "run", "--root", root }) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Eventually.Limit))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("run did not end");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
