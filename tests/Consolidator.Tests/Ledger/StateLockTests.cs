using Consolidator.Ledger;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Ledger;

[TestClass]
public sealed class StateLockTests
{
    [TestMethod]
    public void TryAcquire_ReturnsNull_WhileTheLockIsHeld_AndSucceedsOnceReleased()
    {
        using var dir = new TempDir();
        var first = StateLock.TryAcquire(dir.Path, TimeProvider.System);
        Assert.IsNotNull(first);
        Assert.IsTrue(StateLock.IsHeld(dir.Path));
        Assert.IsNull(StateLock.TryAcquire(dir.Path, TimeProvider.System));

        first.Dispose();

        Assert.IsFalse(StateLock.IsHeld(dir.Path));
        using var second = StateLock.TryAcquire(dir.Path, TimeProvider.System);
        Assert.IsNotNull(second);
    }
}
