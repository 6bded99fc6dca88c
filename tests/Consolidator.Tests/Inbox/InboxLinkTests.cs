using Consolidator.Commands;
using Consolidator.Core.Reading;
using Consolidator.Fixtures;
using Consolidator.Inbox;
using Consolidator.Tests.Support;
using InputFile = Consolidator.Tests.Support.InputFile;
using Scenario = Consolidator.Tests.Support.Scenario;

namespace Consolidator.Tests.Inbox;

/// <summary>
/// The inbox is read without following links, as a hostile sender would test it: symbolic and
/// hard links to a read-only file outside the share, a link to a folder outside, a named pipe, each
/// dropped before the scan or swapped in after it. Every time the outside file keeps its bytes, mode
/// and time and its contents reach no folder of the product; the entry stays in the inbox, listed in
/// 取込履歴 as 拒否 with the reason; every other file of the same inbox is taken.
/// </summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InboxLinkTests
{
    /// <summary>A checklist that would make an audit of its own if it were ever read.</summary>
    private static readonly byte[] Secret = Books.Xlsx(Scenarios.Checklist("外部システム", SeedAudit.Year, "外部 太郎", SeedAudit.AuditDate,
        [["分類", "1-1", "項目", "規程", "〇", null, null, null]]));

    private static IReadOnlyList<InputFile> Seed => Inputs.SeedVersion(0, "");

    private static Dictionary<string, string?> Root(Scenario s) => new() { ["Paths:Root"] = s.Root };

    /// <summary>取込履歴 of the seed audit's result: file → (状態, 理由).</summary>
    [TestMethod]
    public void Run_LeavesLinksAndPipes_InTheInbox_Unread_AndTakesEveryOtherFile()
    {
        using var outside = new TempDir("outside-");
        var secret = OutsideFile.Create(outside["secret.xlsx"], Secret);
        var shared = OutsideFile.Create(outside["shared.xlsx"], Secret);
        var folder = OutsideFile.Create(outside["folder/checklist.xlsx"], Secret);
        using var s = new Scenario(Seed);
        s.Drop();
        Links.Symbolic(Path.Combine(s.Inbox, "監査室", "link.xlsx"), secret.Path);
        Links.Hard(Path.Combine(s.Inbox, "事業者", "hard.xlsx"), shared.Path);
        Links.Symbolic(Path.Combine(s.Inbox, "linked"), outside["folder"]);
        Links.Fifo(Path.Combine(s.Inbox, "pipe.xlsx"));

        for (var run = 1; run <= 2; run++)
        {
            var stdout = new StringWriter();
            Assert.AreEqual(0, RunCommand.Execute(Root(s), null, stdout, CancellationToken.None), stdout.ToString());

            CollectionAssert.AreEquivalent(Seed.Select(f => f.RelativePath).ToList(), Folders.Stored(s.Archive).Keys.ToList(), $"run {run}: every other file is taken");
            Assert.AreEqual(0, Folders.Count(s.Rejected), $"run {run}: nothing is copied into rejected/");
            foreach (var f in new[] { secret, shared, folder }) f.AssertUntouched(s.Archive, s.Rejected, s.Output, s.State);
            Assert.IsNotNull(new FileInfo(Path.Combine(s.Inbox, "監査室", "link.xlsx")).LinkTarget, "the link stays where it is");
            Assert.IsNotNull(new DirectoryInfo(Path.Combine(s.Inbox, "linked")).LinkTarget);
            Assert.IsTrue(File.Exists(Path.Combine(s.Inbox, "事業者", "hard.xlsx")));
            Assert.AreEqual(1, Directory.GetFiles(s.Output, "*.xlsx").Length, "no audit was made from the outside file");

            var history = ResultText.SeedHistory(s.Output);
            Assert.HasCount(Seed.Count + 4, history, string.Join(", ", history.Keys));
            Assert.AreEqual("拒否", history["受付:監査室/link.xlsx"].Status);
            StringAssert.Contains(history["受付:監査室/link.xlsx"].Reason, "シンボリックリンク");
            StringAssert.Contains(history["受付:linked"].Reason, "symbolic link");
            StringAssert.Contains(history["受付:事業者/hard.xlsx"].Reason, "ハードリンク、リンク数 2");
            StringAssert.Contains(history["受付:pipe.xlsx"].Reason, "not a regular file");
            StringAssert.Contains(stdout.ToString(), "[-] 受付:監査室/link.xlsx  拒否 rejected: シンボリックリンク");
        }

        var status = new StringWriter();
        StatusCommand.Execute(Root(s), null, status, TextWriter.Null);
        StringAssert.Contains(status.ToString(), "受付に残した拒否 / refused and left in the inbox: 4 — linked (link), pipe.xlsx (not-a-file), 事業者/hard.xlsx (hard-link), 監査室/link.xlsx (link)");
    }

    [TestMethod]
    public void Run_InPlace_RefusesLinks_AndReadsEveryOtherFile()
    {
        using var outside = new TempDir("outside-");
        var secret = OutsideFile.Create(outside["secret.xlsx"], Secret);
        using var dir = new TempDir();
        foreach (var f in Seed) f.WriteTo(dir["inbox"]);
        Links.Symbolic(dir["inbox/link.xlsx"], secret.Path);
        Links.Hard(dir["inbox/hard.xlsx"], secret.Path);
        var stdout = new StringWriter();

        var code = RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Inbox"] = dir["inbox"], ["Paths:Output"] = dir["output"], ["Paths:State"] = dir["state"] },
            null, stdout, CancellationToken.None);

        Assert.AreEqual(0, code, stdout.ToString());
        StringAssert.Contains(stdout.ToString(), "対象外 13  適合 24  参考意見 0  注意事項 0  不適合 0  重大な不適合 1  計 38");
        secret.AssertUntouched(dir["output"], dir["state"]);
        var history = ResultText.SeedHistory(dir["output"]);
        Assert.AreEqual("拒否", history["link.xlsx"].Status);
        Assert.AreEqual("拒否", history["hard.xlsx"].Status);
        Assert.AreEqual(Seed.Count, history.Values.Count(h => h.Status == "採用"));
    }

    [TestMethod]
    public void Take_ASymbolicLinkSwappedInAfterTheScan_IsNotFollowed()
    {
        using var outside = new TempDir("outside-");
        var secret = OutsideFile.Create(outside["secret.xlsx"], Secret);
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        foreach (var f in Seed) f.WriteTo(w.Folders.Inbox);
        var listed = InboxScanner.Scan(w.Folders.Inbox);
        var swapped = listed[0];
        File.Delete(swapped.FullPath);
        Links.Symbolic(swapped.FullPath, secret.Path);

        var results = listed.Select(f => w.Intake.Take(f.FullPath, f.RelativePath)).ToList();

        Assert.AreEqual(TakeStatus.LeftInPlace, results[0].Status);
        Assert.AreEqual("link", results[0].Submission!.Rejection!.Code);
        Assert.IsTrue(results.Skip(1).All(r => r.Status == TakeStatus.Archived), string.Join(", ", results.Select(r => r.Status)));
        secret.AssertUntouched(w.Folders.Archive, w.Folders.Rejected);
        Assert.IsNotNull(new FileInfo(swapped.FullPath).LinkTarget);
        Assert.HasCount(Seed.Count - 1, w.Ledger.Files(), "the link is not in the ledger: nothing was taken");
    }

    [TestMethod]
    public void Take_AHardLinkSwappedInAfterTheScan_IsNotRead()
    {
        using var outside = new TempDir("outside-");
        var secret = OutsideFile.Create(outside["secret.xlsx"], Secret);
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        foreach (var f in Seed) f.WriteTo(w.Folders.Inbox);
        var listed = InboxScanner.Scan(w.Folders.Inbox);
        File.Delete(listed[1].FullPath);
        Links.Hard(listed[1].FullPath, secret.Path);

        var results = listed.Select(f => w.Intake.Take(f.FullPath, f.RelativePath)).ToList();

        Assert.AreEqual(TakeStatus.LeftInPlace, results[1].Status);
        Assert.AreEqual("hard-link", results[1].Submission!.Rejection!.Code);
        Assert.AreEqual(Seed.Count - 1, results.Count(r => r.Status == TakeStatus.Archived));
        secret.AssertUntouched(w.Folders.Archive, w.Folders.Rejected);
        Assert.IsTrue(File.Exists(listed[1].FullPath), "left in place");
    }

    [TestMethod]
    public void Take_AFolderOnTheWaySwappedForALinkAfterTheScan_IsNotFollowed()
    {
        using var outside = new TempDir("outside-");
        var secret = OutsideFile.Create(outside["elsewhere/checklist.xlsx"], Secret);
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var own = new InputFile("監査室/checklist.xlsx", Seed[0].Bytes, Seed[0].ModifiedAt);
        own.WriteTo(w.Folders.Inbox);
        foreach (var f in Seed.Skip(1)) f.WriteTo(w.Folders.Inbox);
        var listed = InboxScanner.Scan(w.Folders.Inbox);
        // The sender's folder is replaced by a link to a folder outside holding a file of the same name.
        Directory.Delete(Path.Combine(w.Folders.Inbox, "監査室"), recursive: true);
        Links.Symbolic(Path.Combine(w.Folders.Inbox, "監査室"), outside["elsewhere"]);

        var results = listed.Select(f => (f.RelativePath, Result: w.Intake.Take(f.FullPath, f.RelativePath))).ToList();

        var swapped = results.Single(r => r.RelativePath == own.RelativePath).Result;
        Assert.AreEqual(TakeStatus.LeftInPlace, swapped.Status);
        Assert.AreEqual("outside-inbox", swapped.Submission!.Rejection!.Code);
        Assert.AreEqual(Seed.Count - 1, results.Count(r => r.Result.Status == TakeStatus.Archived));
        secret.AssertUntouched(w.Folders.Archive, w.Folders.Rejected);
    }

    [TestMethod]
    public void Recover_NeverClearsTheReadOnlyFlagThroughALink()
    {
        // A take finished but for the removal from the inbox; meanwhile the inbox name became a link to a
        // read-only file outside with the very same bytes. Before, recovery cleared its read-only flag (444 → 644).
        using var outside = new TempDir("outside-");
        var checklist = Seed[0];
        var secret = OutsideFile.Create(outside["same-bytes.xlsx"], checklist.Bytes);
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var inbox = checklist.WriteTo(w.Folders.Inbox);
        var taken = w.Intake.Take(inbox, checklist.RelativePath);
        Assert.AreEqual(TakeStatus.Archived, taken.Status);
        w.Ledger.MarkStored(taken.File!.Id, TimeProvider.System.GetUtcNow());
        Links.Symbolic(inbox, secret.Path);

        w.Intake.Recover();

        secret.AssertUntouched();
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(secret.Path));
        Assert.IsNotNull(new FileInfo(inbox).LinkTarget, "the link is not the stored file: it stays");
        Assert.AreEqual(0, w.Ledger.Unfinished().Count);
    }
}
