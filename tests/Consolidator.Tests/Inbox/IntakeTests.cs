using System.Text;
using Consolidator.Inbox;
using Consolidator.Ledger;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Inbox;

/// <summary>
/// Taking single files on real folders with a real ledger, and recovery from each state a crash
/// can leave (the random kills of the command tests reach the same states by chance).
/// </summary>
[TestClass]
public sealed class IntakeTests
{
    private static readonly InputFile Checklist = Inputs.SeedVersion(0, "監査室")[0];

    [TestMethod]
    public void Take_ArchivesAReadableFile_UnderItsName_WithItsTime_AndEmptiesTheInbox()
    {
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var inbox = Checklist.WriteTo(w.Folders.Inbox);

        var r = w.Intake.Take(inbox, Checklist.RelativePath);

        Assert.AreEqual(TakeStatus.Archived, r.Status);
        var archived = Path.Combine(w.Folders.Archive, Checklist.RelativePath);
        CollectionAssert.AreEqual(Checklist.Bytes, File.ReadAllBytes(archived));
        Assert.AreEqual(Checklist.ModifiedAt.UtcDateTime, File.GetLastWriteTimeUtc(archived));
        Assert.IsFalse(File.Exists(inbox));
        var row = w.Ledger.Files().Single();
        Assert.AreEqual((FileStage.Done, FileOutcome.Archived, Checklist.Sha256, Checklist.RelativePath), (row.Stage, row.Outcome, row.Sha256, row.StoredPath));
        Assert.AreEqual(Checklist.ModifiedAt, row.ModifiedAt);
        Assert.AreEqual(Checklist.RelativePath, r.Submission!.Source.RelativePath);
    }

    [TestMethod]
    public void Take_MovesABadFileToRejected_WithItsErrorNote()
    {
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var bad = Inputs.Bad(0, "");
        var inbox = bad.WriteTo(w.Folders.Inbox);

        var r = w.Intake.Take(inbox, bad.RelativePath);

        Assert.AreEqual(TakeStatus.Rejected, r.Status);
        var stored = Path.Combine(w.Folders.Rejected, bad.Name);
        CollectionAssert.AreEqual(bad.Bytes, File.ReadAllBytes(stored));
        var note = File.ReadAllText(stored + ".error.txt", Encoding.UTF8);
        StringAssert.StartsWith(note, "このファイルは取り込めませんでした。");
        StringAssert.Contains(note, "理由: Excel ブックではありません");
        StringAssert.Contains(note, "Reason: This is not an Excel workbook");
        Assert.IsTrue(note.IndexOf("理由:", StringComparison.Ordinal) < note.IndexOf("Reason:", StringComparison.Ordinal));
        Assert.IsFalse(File.Exists(inbox));
        Assert.AreEqual("not-a-workbook", w.Ledger.Files().Single().Rejection!.Code);
    }

    [TestMethod]
    public void Take_ASecondFileOfTheSameName_KeepsBoth()
    {
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var v1 = Inputs.SeedVersion(1, "")[0] with { RelativePath = "事前回答.xlsx" };
        var v2 = Inputs.SeedVersion(2, "")[0] with { RelativePath = "事前回答.xlsx" };

        w.Intake.Take(v1.WriteTo(w.Folders.Inbox), v1.RelativePath);
        var r = w.Intake.Take(v2.WriteTo(w.Folders.Inbox), v2.RelativePath);

        Assert.AreEqual("事前回答 (2).xlsx", r.File!.StoredPath);
        CollectionAssert.AreEqual(v1.Bytes, File.ReadAllBytes(Path.Combine(w.Folders.Archive, "事前回答.xlsx")));
        CollectionAssert.AreEqual(v2.Bytes, File.ReadAllBytes(Path.Combine(w.Folders.Archive, "事前回答 (2).xlsx")));
    }

    [TestMethod]
    public void Take_LeavesAFileOpenForWritingElsewhere_InTheInbox()
    {
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var inbox = Checklist.WriteTo(w.Folders.Inbox);

        TakeResult r;
        using (new FileStream(inbox, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            r = w.Intake.Take(inbox, Checklist.RelativePath);

        Assert.AreEqual(TakeStatus.Busy, r.Status);
        Assert.IsTrue(File.Exists(inbox));
        Assert.AreEqual(0, w.Ledger.Files().Count);
        Assert.AreEqual(0, Directory.GetFiles(w.Folders.Archive, "*", SearchOption.AllDirectories).Length);
    }

    [TestMethod]
    public void Take_AReadOnlyFile_IsMovedAllTheSame()
    {
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var inbox = Checklist.WriteTo(w.Folders.Inbox);
        File.SetAttributes(inbox, FileAttributes.ReadOnly);

        Assert.AreEqual(TakeStatus.Archived, w.Intake.Take(inbox, Checklist.RelativePath).Status);
        Assert.IsFalse(File.Exists(inbox));
    }

    [TestMethod]
    public void Recover_UndoesATakeWhoseCopyNeverLanded_SoTheFileIsTakenAgain()
    {
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var inbox = Checklist.WriteTo(w.Folders.Inbox);
        var id = w.Ledger.Begin(Row(Checklist));
        var temp = TempFiles.Taking(Path.Combine(w.Folders.Archive, Checklist.RelativePath), id);
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        File.WriteAllBytes(temp, Checklist.Bytes[..100]); // killed in the middle of the copy

        var report = w.Intake.Recover();

        Assert.AreEqual(new RecoveryReport(0, 1, 0, 1), report);
        Assert.AreEqual(0, w.Ledger.Files().Count);
        Assert.IsFalse(File.Exists(temp));
        Assert.IsTrue(File.Exists(inbox));
        Assert.AreEqual(TakeStatus.Archived, w.Intake.Take(inbox, Checklist.RelativePath).Status);
        Assert.AreEqual(Checklist.RelativePath, w.Ledger.Files().Single().StoredPath);
    }

    [TestMethod]
    public void Recover_FinishesATakeWhoseCopyLanded_AndRemovesTheOriginal()
    {
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var inbox = Checklist.WriteTo(w.Folders.Inbox);
        w.Ledger.Begin(Row(Checklist));
        Checklist.WriteTo(w.Folders.Archive); // renamed into place, then killed before the ledger heard of it

        var report = w.Intake.Recover();

        Assert.AreEqual(new RecoveryReport(1, 0, 1, 0), report);
        Assert.IsFalse(File.Exists(inbox));
        Assert.AreEqual(FileStage.Done, w.Ledger.Files().Single().Stage);
    }

    [TestMethod]
    public void Recover_WritesTheMissingErrorNote_OfARefusedFile()
    {
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var bad = Inputs.Bad(4, "x");
        bad.WriteTo(w.Folders.Inbox);
        w.Ledger.Begin(Row(bad, FileOutcome.Rejected) with { Rejection = Core.Reading.Rejections.NoTable("送付状") });
        bad.WriteTo(w.Folders.Rejected);

        w.Intake.Recover();

        var note = File.ReadAllText(Path.Combine(w.Folders.Rejected, bad.RelativePath + ".error.txt"));
        StringAssert.Contains(note, "監査項目の表が見つかりません");
        Assert.IsFalse(File.Exists(Path.Combine(w.Folders.Inbox, bad.RelativePath)));
    }

    [TestMethod]
    public void Recover_RemovesTheOriginalOfAStoredFile_ButNotANewVersionInItsPlace()
    {
        using var root = new TempDir();
        using var w = TestWorker.Create(root.Path);
        var same = Checklist;
        var replaced = Inputs.SeedVersion(0, "監査室")[1] with { RelativePath = "監査室/other.xlsx" };
        foreach (var f in new[] { same, replaced })
        {
            var id = w.Ledger.Begin(Row(f));
            f.WriteTo(w.Folders.Archive);
            w.Ledger.MarkStored(id, DateTimeOffset.UnixEpoch);
        }
        var sameInbox = same.WriteTo(w.Folders.Inbox);
        var newer = replaced with { Bytes = Inputs.SeedVersion(5, "")[1].Bytes };
        var newerInbox = newer.WriteTo(w.Folders.Inbox);

        w.Intake.Recover();

        Assert.IsFalse(File.Exists(sameInbox));
        Assert.IsTrue(File.Exists(newerInbox));
        Assert.IsTrue(w.Ledger.Files().All(f => f.Stage == FileStage.Done));
    }

    private static LedgerFile Row(InputFile f, FileOutcome outcome = FileOutcome.Archived) => new()
    {
        InboxPath = f.RelativePath,
        StoredPath = f.RelativePath,
        Sha256 = f.Sha256,
        Size = f.Bytes.Length,
        ModifiedAt = f.ModifiedAt,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Outcome = outcome,
    };
}
