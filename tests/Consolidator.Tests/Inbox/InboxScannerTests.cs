using Consolidator.Inbox;

namespace Consolidator.Tests.Inbox;

[TestClass]
public sealed class InboxScannerTests
{
    [TestMethod]
    // Excel and LibreOffice lock files, temporary and hidden files are not submissions.
    [DataRow("~$checklist.xlsx", true)]
    [DataRow(".~lock.checklist.xlsx#", true)]
    [DataRow(".hidden.xlsx", true)]
    [DataRow("~WRL0001.tmp", true)]
    [DataRow("book.xlsx.tmp", true)]
    [DataRow("Thumbs.db", true)]
    [DataRow("desktop.ini", true)]
    [DataRow("checklist.xlsx.error.txt", true)]
    [DataRow("sub/.git/config", true)]
    // Everything else is taken, whatever its extension: the bytes decide.
    [DataRow("checklist.xlsx", false)]
    [DataRow("事前回答_中央電算.csv", false)]
    [DataRow("監査室/チェックリスト.xls", false)]
    [DataRow("議事メモ.xlsx", false)]
    [DataRow("notes.txt", false)]
    public void IsIgnored_LeavesOutLockTemporaryAndHiddenFiles(string path, bool ignored) =>
        Assert.AreEqual(ignored, InboxScanner.IsIgnored(path));

    [TestMethod]
    public void Scan_ListsFilesOfSubfolders_WithForwardSlashes_InStableOrder()
    {
        var dir = Directory.CreateTempSubdirectory("scan-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "監査室"));
            File.WriteAllText(Path.Combine(dir.FullName, "b.csv"), "x");
            File.WriteAllText(Path.Combine(dir.FullName, "~$b.xlsx"), "x");
            File.WriteAllText(Path.Combine(dir.FullName, "監査室", "a.xlsx"), "x");

            var files = InboxScanner.Scan(dir.FullName).Select(f => f.RelativePath).ToList();

            CollectionAssert.AreEqual(new[] { "b.csv", "監査室/a.xlsx" }, files);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
