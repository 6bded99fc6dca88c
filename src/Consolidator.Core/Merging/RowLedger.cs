using Consolidator.Core.Model;

namespace Consolidator.Core.Merging;

/// <summary>Which rows of each file were merged (the rest are listed).</summary>
internal sealed class RowLedger
{
    private readonly Dictionary<string, HashSet<(string Sheet, int Row)>> _merged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<(string Sheet, int Row)>> _listed = new(StringComparer.Ordinal);

    public void Merged(ItemRow row, Submission s) => Add(_merged, row, s);

    /// <summary>A row kept out of the result and named in 要確認 (unknown or repeated id).</summary>
    public void Listed(ItemRow row, Submission s) => Add(_listed, row, s);

    public int MergedCount(string file) => _merged.TryGetValue(file, out var set) ? set.Count : 0;

    /// <summary>Rows listed and not also merged through another role of the same workbook.</summary>
    public int ListedCount(string file)
    {
        if (!_listed.TryGetValue(file, out var listed)) return 0;
        return _merged.TryGetValue(file, out var merged) ? listed.Count(r => !merged.Contains(r)) : listed.Count;
    }

    private static void Add(Dictionary<string, HashSet<(string Sheet, int Row)>> map, ItemRow row, Submission s)
    {
        if (!map.TryGetValue(s.Source.RelativePath, out var set))
            map[s.Source.RelativePath] = set = [];
        set.Add((row.Sheet, row.Row));
        foreach (var scope in row.Scopes) set.Add((scope.Sheet, scope.Row)); // one row per sheet of an item on several sheets
    }
}
