using Consolidator.Core.Normalising;

namespace Consolidator.Core.Model;

/// <summary>
/// Which items of the master list a template carries: every item, or those named by id
/// (<c>5-2</c>) or by id prefix (<c>5-*</c>, <c>3.*</c>). A vendor answers only the items that
/// concern it; a blank row in its template would otherwise be listed as 未回答.
/// </summary>
internal sealed class ItemSelection
{
    private readonly string[] _exact;
    private readonly string[] _prefixes;

    private ItemSelection(IEnumerable<string> patterns)
    {
        var list = patterns.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        _prefixes = list.Where(p => p.EndsWith('*')).Select(p => ItemIds.Normalise(p[..^1]) is { Length: > 0 } s ? s : "").ToArray();
        _exact = list.Where(p => !p.EndsWith('*')).Select(ItemIds.Normalise).ToArray();
        Patterns = list;
    }

    /// <summary>Every item.</summary>
    public static ItemSelection All { get; } = new([]);

    public IReadOnlyList<string> Patterns { get; }

    public bool IsAll => Patterns.Count == 0;

    /// <summary>A selection from patterns; none means every item.</summary>
    public static ItemSelection Of(IEnumerable<string>? patterns) =>
        patterns is null ? All : new ItemSelection(patterns.SelectMany(p => p.Split([',', '、', ' '], StringSplitOptions.RemoveEmptyEntries)));

    public bool Includes(string id)
    {
        if (IsAll) return true;
        if (_exact.Contains(id, StringComparer.Ordinal)) return true;
        // "5-*" takes 5-1 and 5-10 but not 50-1: the prefix ends where the id goes on with a separator.
        return _prefixes.Any(p => p.Length == 0 || id.StartsWith(p, StringComparison.Ordinal) && id.Length > p.Length && id[p.Length] is '-' or '.' or '_');
    }

    /// <summary>Patterns that matched none of the ids: most likely typing mistakes.</summary>
    public IReadOnlyList<string> Unmatched(IReadOnlyCollection<string> ids) =>
        Patterns.Where(p => !ids.Any(id => Of([p]).Includes(id))).ToList();
}
