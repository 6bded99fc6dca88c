using Consolidator.Commands;
using Consolidator.Inbox;
using Consolidator.Ledger;
using Consolidator.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Consolidator.Tests.Support;

/// <summary>
/// The moving pipeline in this process, on real folders under a root and a real SQLite ledger,
/// built exactly as the commands build it; only the clock may be a FakeTimeProvider so tests
/// drive the stability wait, the debounce and the schedule by advancing it.
/// </summary>
internal sealed class TestWorker : IDisposable
{
    private readonly WatchHost _session;

    private TestWorker(WatchHost session) => _session = session;

    public static TestWorker Create(string root, TimeProvider? time = null, IDictionary<string, string?>? settings = null, params IConsolidationObserver[] observers)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Paths:Root"] = root,
            ["Worker:StableFor"] = "00:00:02",
            ["Worker:RescanInterval"] = "00:00:30",
            ["Worker:Debounce"] = "00:00:10",
            ["Schedule:Cron"] = "",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) overrides[k] = v;
        var config = AppHost.Configuration(overrides, null);
        var errors = new StringWriter();
        var session = WatchHost.TryCreate(config, watch: false, errors, out _, services =>
        {
            if (time is not null) services.AddSingleton(time);
            foreach (var o in observers) services.AddSingleton(o);
        });
        if (session is null) Assert.Fail("The worker could not be built: " + errors);
        return new TestWorker(session);
    }

    public IServiceProvider Services => _session.Host.Services;
    public WorkerFolders Folders => _session.Folders;
    public WorkerCycle Cycle => Services.GetRequiredService<WorkerCycle>();
    public Intake Intake => Services.GetRequiredService<Intake>();
    public FileLedger Ledger => Services.GetRequiredService<FileLedger>();

    public Task<CycleReport> PassAsync() => Cycle.RunOnceAsync(CancellationToken.None);

    public void Dispose() => _session.Dispose();
}

/// <summary>Collects every consolidation the worker reports.</summary>
internal sealed class CollectingObserver : IConsolidationObserver
{
    private readonly List<ConsolidationCompleted> _seen = [];

    public IReadOnlyList<ConsolidationCompleted> Seen
    {
        get
        {
            lock (_seen) return _seen.ToList();
        }
    }

    public Task OnConsolidatedAsync(ConsolidationCompleted completed, CancellationToken cancel)
    {
        lock (_seen) _seen.Add(completed);
        return Task.CompletedTask;
    }
}

internal static class FakeClock
{
    /// <summary>2024-01-09 15:00 in Tokyo (06:00 UTC): an office afternoon.</summary>
    public static FakeTimeProvider Afternoon() => new(new DateTimeOffset(2024, 1, 9, 6, 0, 0, TimeSpan.Zero));
}
