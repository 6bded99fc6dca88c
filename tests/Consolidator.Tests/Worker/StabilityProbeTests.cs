using Consolidator.Tests.Support;
using Consolidator.Worker;
using Microsoft.Extensions.Time.Testing;

namespace Consolidator.Tests.Worker;

[TestClass]
public sealed class StabilityProbeTests
{
    [TestMethod]
    public void TakeReady_WaitsUntilSizeAndTimeStayTheSameForTheInterval()
    {
        using var dir = new TempDir();
        var clock = FakeClock.Afternoon();
        var probe = new StabilityProbe(TimeSpan.FromSeconds(10));
        var path = dir["a.xlsx"];
        File.WriteAllBytes(path, new byte[100]);
        probe.Observe([(path, "a.xlsx")], clock.GetUtcNow());
        Assert.AreEqual(clock.GetUtcNow().AddSeconds(10), probe.NextDue);

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.AreEqual(0, probe.TakeReady(clock.GetUtcNow()).Count);

        clock.Advance(TimeSpan.FromSeconds(1));
        CollectionAssert.AreEqual(new[] { "a.xlsx" }, probe.TakeReady(clock.GetUtcNow()).Select(r => r.RelativePath).ToArray());
    }

    [TestMethod]
    public void TakeReady_StartsOver_WhenTheFileGrew()
    {
        using var dir = new TempDir();
        var clock = FakeClock.Afternoon();
        var probe = new StabilityProbe(TimeSpan.FromSeconds(10));
        var path = dir["a.xlsx"];
        File.WriteAllBytes(path, new byte[100]);
        probe.Observe([(path, "a.xlsx")], clock.GetUtcNow());

        clock.Advance(TimeSpan.FromSeconds(10));
        using (var s = new FileStream(path, FileMode.Append)) s.Write(new byte[100]);
        Assert.AreEqual(0, probe.TakeReady(clock.GetUtcNow()).Count);
        Assert.AreEqual(clock.GetUtcNow().AddSeconds(10), probe.NextDue);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.AreEqual(1, probe.TakeReady(clock.GetUtcNow()).Count);
    }

    [TestMethod]
    public void Observe_ForgetsFilesNoLongerListed_AndRetryWaitsAtLeastTheDelay()
    {
        using var dir = new TempDir();
        var clock = FakeClock.Afternoon();
        var probe = new StabilityProbe(TimeSpan.Zero);
        File.WriteAllBytes(dir["a.xlsx"], [1]);
        File.WriteAllBytes(dir["b.xlsx"], [2]);
        probe.Observe([(dir["a.xlsx"], "a.xlsx"), (dir["b.xlsx"], "b.xlsx")], clock.GetUtcNow());
        probe.Observe([(dir["b.xlsx"], "b.xlsx")], clock.GetUtcNow());
        Assert.AreEqual(1, probe.Count);

        probe.Retry("b.xlsx", clock.GetUtcNow().AddSeconds(2));
        Assert.AreEqual(0, probe.TakeReady(clock.GetUtcNow()).Count);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.AreEqual(1, probe.TakeReady(clock.GetUtcNow()).Count);
    }
}
