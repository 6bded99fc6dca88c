using Consolidator.Commands;
using Consolidator.Ledger;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Worker;

/// <summary>The hosted worker in this process with the real clock and the real folder watcher.</summary>
[TestClass]
public sealed class WatchWorkerTests
{
    private static Dictionary<string, string?> Settings(string root, string stableFor) => new()
    {
        ["Paths:Root"] = root,
        ["Worker:StableFor"] = stableFor,
        ["Worker:RescanInterval"] = "00:00:05",
        ["Worker:Debounce"] = "00:00:00.5",
        ["Schedule:Cron"] = "",
    };

    [TestMethod]
    public async Task FileWrittenSlowlyInChunksWhileWatched_IsReadOnce_Complete()
    {
        using var root = new TempDir();
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var watch = Task.Run(() => WatchCommand.ExecuteAsync(Settings(root.Path, "00:00:02"), null, output, output, stop.Token));
        Eventually.True(() => StateLock.IsHeld(root["state"]), "the worker to start");
        var file = Inputs.SeedVersion(0, "")[0];
        var path = root["inbox/" + file.Name];

        // 20 chunks, 150 ms apart: the copy takes 3 s, each pause far shorter than the 2 s of quiet required.
        var chunk = (file.Bytes.Length + 19) / 20;
        for (var offset = 0; offset < file.Bytes.Length; offset += chunk)
        {
            using (var s = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
                s.Write(file.Bytes, offset, Math.Min(chunk, file.Bytes.Length - offset));
            await Task.Delay(150);
        }
        Eventually.True(() => Folders.Count(root["archive"]) + Folders.Count(root["rejected"]) > 0 && Directory.GetFiles(root["output"], "*.xlsx").Length > 0,
            "the file to be taken and consolidated");
        await stop.CancelAsync();
        Assert.AreEqual(0, await watch, output.ToString());

        Assert.AreEqual(0, Folders.Count(root["rejected"]), "taken before it was complete");
        CollectionAssert.AreEqual(file.Bytes, Folders.Stored(root["archive"])[file.Name]);
        using var ledger = FileLedger.Open(root["state"]);
        var row = ledger.Files().Single();
        Assert.AreEqual((FileOutcome.Archived, FileStage.Done, file.Sha256), (row.Outcome, row.Stage, row.Sha256));
    }

    [TestMethod]
    public async Task Stop_LetsTheFilesInHandFinish_AndLeavesTheOthersInTheInboxUntouched()
    {
        using var root = new TempDir();
        var files = Inputs.Mixed(150);
        foreach (var f in files) f.WriteTo(root["inbox"]);
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var watch = Task.Run(() => WatchCommand.ExecuteAsync(Settings(root.Path, "00:00:00"), null, output, output, stop.Token));
        Eventually.True(() => Folders.Count(root["archive"]) + Folders.Count(root["rejected"]) >= 10, "some files to be taken", pollMs: 2);

        await stop.CancelAsync();
        Assert.AreEqual(0, await watch, output.ToString());

        var archived = Folders.Stored(root["archive"]);
        var rejected = Folders.Stored(root["rejected"]);
        var inbox = Folders.Stored(root["inbox"]);
        Assert.IsTrue(inbox.Count > 0, "everything was taken before the stop; drop more files");
        foreach (var f in files)
        {
            var places = new[] { inbox, archived, rejected }.Where(d => d.ContainsKey(f.RelativePath)).ToList();
            Assert.AreEqual(1, places.Count, $"{f.RelativePath} is in {places.Count} places");
            CollectionAssert.AreEqual(f.Bytes, places[0][f.RelativePath]);
            if (places[0] == inbox)
                Assert.AreEqual(f.ModifiedAt.UtcDateTime, File.GetLastWriteTimeUtc(root["inbox/" + f.RelativePath]), $"{f.RelativePath} was touched");
        }
        Assert.AreEqual(0, Folders.Temporary(root.Path).Count);
        using var ledger = FileLedger.Open(root["state"]);
        Assert.AreEqual(0, ledger.Unfinished().Count);
        CollectionAssert.AreEquivalent(archived.Keys.Concat(rejected.Keys).ToList(), ledger.Files().Select(r => r.StoredPath).ToList());
        Console.WriteLine($"Stopped with {archived.Count + rejected.Count} of {files.Count} files taken, {inbox.Count} left in the inbox.");
    }
}
