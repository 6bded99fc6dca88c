using System.Diagnostics;

namespace Consolidator.Tests.Support;

/// <summary>Waits for a condition a child process or a worker brings about. The limit only keeps a broken run from hanging; nothing asserts speed.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static void True(Func<bool> condition, string what, TimeSpan? limit = null, int pollMs = 20)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > (limit ?? Limit)) Assert.Fail($"Still waiting after {watch.Elapsed.TotalSeconds:F0} s for: {what}");
            Thread.Sleep(pollMs);
        }
    }
}
