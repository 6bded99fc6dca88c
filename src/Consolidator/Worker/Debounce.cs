namespace Consolidator.Worker;

/// <summary>
/// Waits for quiet before consolidating: each file taken pushes the consolidation back to
/// <see cref="Quiet"/> after it, so twenty files dropped together give one consolidation, not twenty.
/// </summary>
public sealed class Debounce
{
    public Debounce(TimeSpan quiet) => Quiet = quiet;

    public TimeSpan Quiet { get; }

    /// <summary>When the consolidation is due; null when nothing is waiting.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public void Touch(DateTimeOffset now) => DueAt = now + Quiet;

    /// <summary>Makes the consolidation due at <paramref name="due"/> (a retry after a failure).</summary>
    public void DueBy(DateTimeOffset due) => DueAt = due;

    public bool IsDue(DateTimeOffset now) => DueAt is { } due && now >= due;

    public void Clear() => DueAt = null;
}
