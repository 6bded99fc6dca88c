namespace Consolidator.Worker;

/// <summary>
/// Decides when a file in the inbox is complete enough to take: its size and modification time
/// must be the same at two looks <see cref="StableFor"/> apart. A copy over SMB that takes
/// minutes keeps changing both, so it is not taken half-written; Excel's own temporary and lock
/// files are never candidates (see InboxScanner). The clock is a TimeProvider, so tests drive it.
/// </summary>
public sealed class StabilityProbe
{
    private sealed record Look(string FullPath, long Size, DateTime Modified, ulong Inode, DateTimeOffset Since, DateTimeOffset NotBefore)
    {
        public DateTimeOffset DueAt(TimeSpan stableFor) => Since + stableFor > NotBefore ? Since + stableFor : NotBefore;
    }

    private readonly Dictionary<string, Look> _files = new(StringComparer.Ordinal);

    public StabilityProbe(TimeSpan stableFor) => StableFor = stableFor;

    public TimeSpan StableFor { get; }

    /// <summary>Files being watched for quiet, by path relative to the inbox.</summary>
    public int Count => _files.Count;

    /// <summary>The earliest time a watched file may be ready; null when none is watched.</summary>
    public DateTimeOffset? NextDue => _files.Count == 0 ? null : _files.Values.Min(l => l.DueAt(StableFor));

    /// <summary>
    /// Takes in a listing of the inbox: new files start their quiet time, changed ones restart it,
    /// files no longer listed are dropped.
    /// </summary>
    public void Observe(IReadOnlyList<(string FullPath, string RelativePath)> listing, DateTimeOffset now)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (full, relative) in listing)
        {
            listed.Add(relative);
            See(full, relative, now);
        }
        foreach (var gone in _files.Keys.Where(k => !listed.Contains(k)).ToList())
            _files.Remove(gone);
    }

    /// <summary>
    /// Looks again at every file whose quiet time is up and returns those unchanged since; the
    /// others start over from now.
    /// </summary>
    public IReadOnlyList<(string FullPath, string RelativePath)> TakeReady(DateTimeOffset now)
    {
        var ready = new List<(string, string)>();
        foreach (var (relative, look) in _files.Where(f => f.Value.DueAt(StableFor) <= now).ToList())
        {
            var after = See(look.FullPath, relative, now);
            if (after is not null && after.Since == look.Since)
                ready.Add((look.FullPath, relative));
        }
        return ready.OrderBy(r => r.Item2, StringComparer.Ordinal).ToList();
    }

    /// <summary>Stops watching a file (taken, or gone).</summary>
    public void Forget(string relativePath) => _files.Remove(relativePath);

    /// <summary>Looks at a file again no earlier than <paramref name="notBefore"/> (it could not be opened, changed while read, or could not be copied).</summary>
    public void Retry(string relativePath, DateTimeOffset notBefore)
    {
        if (_files.TryGetValue(relativePath, out var look))
            _files[relativePath] = look with { NotBefore = notBefore };
    }

    private Look? See(string full, string relative, DateTimeOffset now)
    {
        // Looked at without following a link: a file swapped for a link, or for another file, is not quiet.
        Inbox.FileIdentity entry;
        try
        {
            entry = Inbox.NoFollow.Lstat(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            entry = Inbox.FileIdentity.Missing;
        }
        if (entry.Kind != Inbox.EntryKind.File)
        {
            _files.Remove(relative);
            return null;
        }
        var size = entry.Size;
        var modified = entry.ModifiedUtc;
        if (_files.TryGetValue(relative, out var seen) && seen.Size == size && seen.Modified == modified && seen.Inode == entry.Inode)
            return seen;
        var look = new Look(full, size, modified, entry.Inode, now, now);
        _files[relative] = look;
        return look;
    }
}
