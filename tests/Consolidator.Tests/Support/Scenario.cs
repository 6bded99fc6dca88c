using Consolidator.Commands;
using Consolidator.Ledger;
using System.Text.Json;

namespace Consolidator.Tests.Support;

/// <summary>A root folder with inputs dropped into it, and the checks every moving test makes.</summary>
internal sealed class Scenario : IDisposable
{
    private readonly TempDir _dir = new("consolidator-scenario-");

    public Scenario(IReadOnlyList<InputFile> inputs) => Inputs = inputs;

    public IReadOnlyList<InputFile> Inputs { get; }
    public string Root => _dir.Path;
    public string Inbox => _dir["inbox"];
    public string Archive => _dir["archive"];
    public string Rejected => _dir["rejected"];
    public string Output => _dir["output"];
    public string State => _dir["state"];

    /// <summary>Files the worker must take (lock files are not).</summary>
    public IEnumerable<InputFile> Submissions => Inputs.Where(f => !f.IsLockFile);

    public int StoredCount => Folders.Count(Archive) + Folders.Count(Rejected);

    public void Drop()
    {
        foreach (var f in Inputs) f.WriteTo(Inbox);
    }

    /// <summary>A settings file for the child process.</summary>
    public string SettingsFile(string stableFor, string rescan, string debounce, int batchSize = 64)
    {
        var path = _dir["settings.json"];
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Worker = new { StableFor = stableFor, RescanInterval = rescan, Debounce = debounce, BatchSize = batchSize },
            Schedule = new { Cron = "" },
        }));
        return path;
    }

    /// <summary>True once every submission is stored and a consolidation that began after the last of them has finished.</summary>
    public bool AllTakenAndConsolidated()
    {
        if (StoredCount < Submissions.Count()) return false;
        using var ledger = FileLedger.OpenExisting(State);
        return ledger is not null && ledger.Unfinished().Count == 0 && ledger.LastSuccessfulRun() is not null && ledger.StoredSinceLastRun() == 0;
    }

    /// <summary>Every input is still somewhere whole: in the inbox, or in archive/ or rejected/.</summary>
    public void AssertNothingLost()
    {
        var inbox = Folders.Stored(Inbox);
        var stored = Folders.Stored(Archive).Concat(Folders.Stored(Rejected)).ToDictionary();
        foreach (var f in Inputs)
        {
            var found = (inbox.TryGetValue(f.RelativePath, out var a) && a.AsSpan().SequenceEqual(f.Bytes))
                || (stored.TryGetValue(f.RelativePath, out var b) && b.AsSpan().SequenceEqual(f.Bytes));
            Assert.IsTrue(found, $"{f.RelativePath} is lost");
        }
    }

    /// <summary>
    /// The end state: every submission in archive/ or rejected/ exactly once with its bytes (refused
    /// ones with their error note), lock files left in the inbox and nothing else there, no
    /// temporary file anywhere, and a ledger that agrees with the folders.
    /// </summary>
    public void AssertEachFileStoredOnce()
    {
        var archived = Folders.Stored(Archive);
        var rejected = Folders.Stored(Rejected);
        CollectionAssert.AreEquivalent(Submissions.Select(f => f.RelativePath).ToList(), archived.Keys.Concat(rejected.Keys).ToList());
        foreach (var f in Submissions)
        {
            var bytes = archived.TryGetValue(f.RelativePath, out var a) ? a : rejected[f.RelativePath];
            CollectionAssert.AreEqual(f.Bytes, bytes, f.RelativePath);
        }
        foreach (var r in rejected.Keys)
            Assert.IsTrue(File.Exists(Path.Combine(Rejected, r) + ".error.txt"), $"{r} has no error note");
        CollectionAssert.AreEquivalent(Inputs.Where(f => f.IsLockFile).Select(f => f.RelativePath).ToList(), Folders.Stored(Inbox).Keys.ToList());
        Assert.AreEqual(0, Folders.Temporary(Root).Count, string.Join(", ", Folders.Temporary(Root)));

        using var ledger = FileLedger.Open(State);
        var rows = ledger.Files();
        Assert.IsTrue(rows.All(r => r.Stage == FileStage.Done));
        CollectionAssert.AreEquivalent(archived.Keys.ToList(), rows.Where(r => r.Outcome == FileOutcome.Archived).Select(r => r.StoredPath).ToList());
        CollectionAssert.AreEquivalent(rejected.Keys.ToList(), rows.Where(r => r.Outcome == FileOutcome.Rejected).Select(r => r.StoredPath).ToList());
        var byPath = Submissions.ToDictionary(f => f.RelativePath);
        foreach (var r in rows)
        {
            Assert.AreEqual(byPath[r.StoredPath].Sha256, r.Sha256, r.StoredPath);
            Assert.AreEqual(byPath[r.StoredPath].ModifiedAt, r.ModifiedAt, r.StoredPath);
        }
    }

    /// <summary>The result of a one-shot <c>run</c> (defaults: files left in place) over the same inputs, as text.</summary>
    public string OneShotRunResult()
    {
        using var other = new TempDir("consolidator-oneshot-");
        foreach (var f in Inputs) f.WriteTo(other["inbox"]);
        var code = RunCommand.Execute(new Dictionary<string, string?>
        {
            ["Paths:Inbox"] = other["inbox"],
            ["Paths:Output"] = other["output"],
            ["Paths:State"] = other["state"],
        }, null, TextWriter.Null, CancellationToken.None);
        Assert.AreEqual(0, code);
        return ResultText.OfFolder(other["output"]);
    }

    public void Dispose() => _dir.Dispose();
}
