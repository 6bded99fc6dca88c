using Consolidator.Commands;
using Consolidator.Inbox;
using Consolidator.Ledger;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Inbox;

/// <summary>
/// The states a power cut can leave while files are taken, built on disk as the kernel would leave
/// them (a name that was renamed or removed but whose folder was not yet flushed is lost; a ledger
/// commit not yet synced is lost), then <c>run --root</c> starts on them: every file stored exactly
/// once with its bytes, none lost, none counted twice, and the result that of a one-shot run over
/// the same files. The intake's order is copy flushed → renamed → folder flushed → ledger committed
/// → inbox entry removed → inbox flushed → Done; the states below are the cuts between those steps,
/// and (for a system that cannot flush a folder, Windows) the ledger ahead of the disk.
/// </summary>
[TestClass]
public sealed class PowerCutTests
{
    private static readonly IReadOnlyList<InputFile> Files = [.. Inputs.SeedVersion(0, ""), Inputs.Bad(0, "")];
    private static readonly InputFile Checklist = Files.First(f => f.Name == "チェックリスト_監査責任者.xlsx");
    private static readonly InputFile Broken = Files.Single(f => f.Name.StartsWith("破損ファイル", StringComparison.Ordinal));
    private static string s_oneShot = "";

    [ClassInitialize]
    public static void RunOnce(TestContext _)
    {
        using var s = new Scenario(Files);
        s_oneShot = s.OneShotRunResult();
    }

    [TestMethod]
    public void CopyFlushed_ItsRenameLost_LedgerEmpty_TheFileIsTakenOnce_AndTheCopySwept()
    {
        using var s = Drop();
        var temp = TempFiles.Taking(Archived(s, Checklist), 4711);
        Write(temp, Checklist.Bytes);

        RunAndAssertEachFileOnce(s);
    }

    [TestMethod]
    public void CopyHalfWritten_LedgerEmpty_TheFileIsTakenOnce_AndTheHalfCopySwept()
    {
        using var s = Drop();
        Write(TempFiles.Taking(Archived(s, Checklist), 4711), Checklist.Bytes[..200]);

        RunAndAssertEachFileOnce(s);
    }

    [TestMethod]
    public void RenamePersisted_LedgerBehind_TheCopyIsKeptUnderItsName_NotStoredAgainAsASecondFile()
    {
        using var s = Drop();
        Write(Archived(s, Checklist), Checklist.Bytes);

        var stdout = RunAndAssertEachFileOnce(s);

        StringAssert.Contains(stdout, $"→ archive/{Checklist.RelativePath}");
        Assert.IsFalse(stdout.Contains(" (2).xlsx", StringComparison.Ordinal), stdout);
    }

    [TestMethod]
    public void RejectedRenamePersisted_ItsNoteLost_LedgerBehind_TheCopyIsKept_AndTheNoteWritten()
    {
        using var s = Drop();
        Write(Path.Combine(s.Rejected, Broken.RelativePath), Broken.Bytes);

        RunAndAssertEachFileOnce(s);

        StringAssert.Contains(File.ReadAllText(Path.Combine(s.Rejected, Broken.RelativePath + ErrorNote.Suffix)), "Excel ブックではありません");
    }

    [TestMethod]
    public void LedgerCommitted_InboxRemovalLost_TheOriginalIsRemoved_AndCountedOnce()
    {
        using var s = Drop();
        Write(Archived(s, Checklist), Checklist.Bytes);
        Record(s, Checklist, done: false);

        RunAndAssertEachFileOnce(s);
    }

    [TestMethod]
    public void InboxRemovalPersisted_DoneMarkLost_TheFileIsFinished_AndCountedOnce()
    {
        using var s = Drop();
        Write(Archived(s, Checklist), Checklist.Bytes);
        File.Delete(Path.Combine(s.Inbox, Checklist.RelativePath));
        Record(s, Checklist, done: false);

        RunAndAssertEachFileOnce(s);
    }

    [TestMethod]
    public void LedgerAhead_RenameLost_OriginalInTheInbox_TheFlushedCopyIsRenamedIntoPlace()
    {
        using var s = Drop();
        var temp = TempFiles.Taking(Archived(s, Checklist), 4711);
        Write(temp, Checklist.Bytes);
        Record(s, Checklist, done: false);

        RunAndAssertEachFileOnce(s);
    }

    [TestMethod]
    public void LedgerAhead_CopyLost_OriginalInTheInbox_TheLedgerForgetsIt_AndTheFileIsTakenAgain()
    {
        using var s = Drop();
        Record(s, Checklist, done: false);

        RunAndAssertEachFileOnce(s);
    }

    [TestMethod]
    public void LedgerAhead_RenameLost_InboxRemovalPersisted_TheFlushedCopyIsRenamedIntoPlace()
    {
        using var s = Drop();
        Write(TempFiles.Taking(Archived(s, Checklist), 4711), Checklist.Bytes);
        File.Delete(Path.Combine(s.Inbox, Checklist.RelativePath));
        Record(s, Checklist, done: true);

        RunAndAssertEachFileOnce(s);
    }

    [TestMethod]
    public void LedgerAhead_RefusedCopyRenameLost_InboxRemovalPersisted_TheCopyIsRestored_WithItsNote()
    {
        using var s = Drop();
        var stored = Path.Combine(s.Rejected, Broken.RelativePath);
        Write(TempFiles.Taking(stored, 99), Broken.Bytes);
        File.Delete(Path.Combine(s.Inbox, Broken.RelativePath));
        Record(s, Broken, done: true, Core.Reading.Rejections.NotAWorkbook("zip でも OLE でもありません"));

        RunAndAssertEachFileOnce(s);
    }

    [TestMethod]
    public void ResultWritten_ItsRenameLost_TheRunWritesItAgain_AndSweepsTheTemporaryFile()
    {
        using var s = Drop();
        Write(Path.Combine(s.Output, $".庶務事務システム_令和5年度_監査結果.xlsx.{Guid.NewGuid():N}.tmp"), Checklist.Bytes[..300]);

        RunAndAssertEachFileOnce(s);
    }

    private static Scenario Drop()
    {
        var s = new Scenario(Files);
        s.Drop();
        return s;
    }

    private static string Archived(Scenario s, InputFile f) => Path.Combine(s.Archive, f.RelativePath.Replace('/', Path.DirectorySeparatorChar));

    private static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The ledger's record of the file, committed as the intake commits it (Stored), and Done when asked.</summary>
    private static void Record(Scenario s, InputFile f, bool done, Core.Model.Rejection? rejection = null)
    {
        using var ledger = FileLedger.Open(s.State);
        var ids = ledger.Record([new LedgerFile
        {
            InboxPath = f.RelativePath,
            StoredPath = f.RelativePath,
            Sha256 = f.Sha256,
            Size = f.Bytes.Length,
            ModifiedAt = f.ModifiedAt,
            ReceivedAt = DateTimeOffset.UnixEpoch,
            Outcome = rejection is null ? FileOutcome.Archived : FileOutcome.Rejected,
            Rejection = rejection,
        }], DateTimeOffset.UnixEpoch);
        if (done) ledger.MarkDone(ids, DateTimeOffset.UnixEpoch);
    }

    /// <summary>Starts <c>run --root</c> on the state built, then checks every file is stored once and counted once.</summary>
    private static string RunAndAssertEachFileOnce(Scenario s)
    {
        var stdout = new StringWriter();
        var code = RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = s.Root }, null, stdout, CancellationToken.None);

        Assert.AreEqual(0, code, stdout.ToString());
        s.AssertEachFileStoredOnce();
        StringAssert.Contains(stdout.ToString(), $"ファイル / files: {Files.Count}（");
        Assert.AreEqual(s_oneShot, ResultText.OfFolder(s.Output));
        return stdout.ToString();
    }
}
