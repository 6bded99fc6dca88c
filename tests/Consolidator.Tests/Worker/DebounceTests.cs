using Consolidator.Tests.Support;
using Consolidator.Worker;

namespace Consolidator.Tests.Worker;

[TestClass]
public sealed class DebounceTests
{
    [TestMethod]
    public void IsDue_OnlyAfterTheQuietTime_SinceTheLastTouch()
    {
        var clock = FakeClock.Afternoon();
        var debounce = new Debounce(TimeSpan.FromSeconds(30));
        Assert.IsFalse(debounce.IsDue(clock.GetUtcNow()));

        debounce.Touch(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(20));
        debounce.Touch(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.IsFalse(debounce.IsDue(clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.IsTrue(debounce.IsDue(clock.GetUtcNow()));
        debounce.Clear();
        Assert.IsFalse(debounce.IsDue(clock.GetUtcNow()));
    }
}
