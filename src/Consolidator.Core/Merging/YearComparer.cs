using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Merging;

/// <summary>
/// 前年度比較: this year's items against an earlier year's, matched without guessing. First the
/// same id with the same item text; then, among what is left, the same item text under another id
/// (renumbered) where that text names one item in each year; then the same id whose text was
/// reworded. What is still left is 新規 (this year only) or 削除 (the earlier year only) and listed
/// as such. Texts compare after NFKC without spaces; an empty text never matches by text. The
/// earlier judgment is read on this year's scale (by its label, else its symbol): 改善 when less
/// severe, 悪化 when more, 継続 when the same; 判定なし when either year has no judgment, 対象変更
/// when one year says 対象外 (a scope statement, not a severity).
/// </summary>
internal static class YearComparer
{
    public static YearComparison Compare(AuditResult current, YearSnapshot previous)
    {
        var scale = current.Scale;
        var earlier = previous.Items.ToList();
        var matched = new Dictionary<string, (SnapshotItem Item, bool ByText)>(StringComparer.Ordinal);
        var taken = new HashSet<SnapshotItem>(ReferenceEqualityComparer.Instance);

        void Match(ResultItem item, SnapshotItem old, bool byText)
        {
            matched[item.Id] = (old, byText);
            taken.Add(old);
        }

        var earlierById = earlier.GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        // 1. Same id, same text.
        foreach (var item in current.Items)
            if (earlierById.TryGetValue(item.Id, out var old) && Key(old.Text) is { Length: > 0 } t && t == Key(item.Text))
                Match(item, old, byText: false);
        // 2. Same text, another id: renumbered, where the text is one item's in each year.
        var currentTexts = current.Items.Where(i => !matched.ContainsKey(i.Id)).GroupBy(i => Key(i.Text)).Where(g => g.Key.Length > 0 && g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        foreach (var group in earlier.Where(o => !taken.Contains(o)).GroupBy(o => Key(o.Text)).Where(g => g.Key.Length > 0 && g.Count() == 1))
            if (currentTexts.TryGetValue(group.Key, out var item) && !matched.ContainsKey(item.Id))
                Match(item, group.Single(), byText: item.Id != group.Single().Id);
        // 3. Same id, text reworded.
        foreach (var item in current.Items.Where(i => !matched.ContainsKey(i.Id)))
            if (earlierById.TryGetValue(item.Id, out var old) && !taken.Contains(old))
                Match(item, old, byText: false);

        var changes = new List<ItemChange>();
        foreach (var item in current.Items)
        {
            if (!matched.TryGetValue(item.Id, out var m))
            {
                changes.Add(new ItemChange { Id = item.Id, Text = item.Text, Current = item.Judgment, Change = YearChange.New });
                continue;
            }
            var before = Read(scale, m.Item);
            changes.Add(new ItemChange
            {
                Id = item.Id,
                PreviousId = m.Item.Id,
                Text = item.Text,
                PreviousSymbol = m.Item.Symbol,
                PreviousLabel = m.Item.Label,
                Previous = before,
                Current = item.Judgment,
                Change = Change(before, item.Judgment),
                ByText = m.ByText,
            });
        }
        foreach (var old in earlier.Where(o => !taken.Contains(o)))
            changes.Add(new ItemChange
            {
                PreviousId = old.Id,
                Text = old.Text,
                PreviousSymbol = old.Symbol,
                PreviousLabel = old.Label,
                Previous = Read(scale, old),
                Change = YearChange.Removed,
            });

        return new YearComparison
        {
            Previous = previous,
            Items = changes,
            All = ChangeCounts.Of(changes),
            Findings = ChangeCounts.Of(changes.Where(c => c.WasFinding)),
            Renumbered = changes.Count(c => c.ByText),
        };
    }

    /// <summary>The earlier judgment on this year's scale: its label first (symbols differ more between scales), then its symbol.</summary>
    internal static JudgmentClass? Read(JudgmentScale scale, SnapshotItem item)
    {
        foreach (var written in new[] { item.Label, item.Symbol, $"{item.Symbol} {item.Label}" })
            if (written.Trim().Length > 0 && scale.Parse(written) is { IsValid: true } p) return p.Class;
        return null;
    }

    private static YearChange Change(JudgmentClass? before, JudgmentClass? now)
    {
        if (before is null || now is null) return YearChange.NotJudged;
        if (before.IsOutOfScope || now.IsOutOfScope) return before.IsOutOfScope && now.IsOutOfScope ? YearChange.Unchanged : YearChange.ScopeChanged;
        return now.Severity < before.Severity ? YearChange.Improved
            : now.Severity > before.Severity ? YearChange.Worsened
            : YearChange.Unchanged;
    }

    private static string Key(string text) => new(Text.Nfkc(text).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
