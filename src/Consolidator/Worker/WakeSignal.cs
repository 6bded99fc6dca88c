namespace Consolidator.Worker;

/// <summary>
/// Wakes the worker early: the folder watcher sets it, and the worker waits on it until its next
/// due time (measured with the TimeProvider, so a fake clock drives it in tests).
/// </summary>
public sealed class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set: one wake-up covers every event before it.
        }
    }

    /// <summary>Waits until set, <paramref name="timeout"/> passes, or <paramref name="cancel"/> fires (which throws).</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancel)
    {
        if (timeout <= TimeSpan.Zero) return;
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, timer.Token);
        try
        {
            await _semaphore.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            // The timeout: time to look again.
        }
    }

    public void Dispose() => _semaphore.Dispose();
}
