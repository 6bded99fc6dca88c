using System.Collections.Concurrent;
using Consolidator.Core.Model;

namespace Consolidator.Core.Merging;

/// <summary>
/// Which earlier year each audit compares with, planned before anything is merged. For an audit
/// (target, year) the earlier year is the latest one before it of the same target that is either
/// consolidated in the same run (its files are in the inbox or the archive) or held by a result
/// workbook of this product dropped into the inbox; consolidated wins over a workbook of the same
/// year, and of several workbooks of one year the latest generated counts. Audits are merged in
/// waves — a target's earliest year first — so an earlier year's result is there, as a
/// <see cref="YearSnapshot"/> kept before its items are released, when the later one is merged.
/// Every result workbook gets its status (参照) and a reason saying whether and for what it was used.
/// </summary>
internal sealed class YearChain
{
    private readonly Dictionary<AuditKey, (int Year, Submission? Book)> _previous = [];
    private readonly HashSet<AuditKey> _kept = [];
    private readonly ConcurrentDictionary<AuditKey, YearSnapshot> _snapshots = new();
    private readonly Dictionary<AuditKey, Submission> _usedBy = [];

    private YearChain() { }

    /// <summary>Audit indices by wave: every audit of a wave can be merged at once.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Waves { get; private init; } = [];

    /// <summary>The status and reason of each result workbook, overriding the selection's.</summary>
    public IReadOnlyDictionary<string, (FileStatus Status, string Ja, string En)> BookStatuses { get; private init; } =
        new Dictionary<string, (FileStatus, string, string)>();

    public static YearChain Plan(IReadOnlyList<AuditKey> audits, IReadOnlyList<Submission> submissions,
        IReadOnlyDictionary<string, (FileStatus Status, string Ja, string En)> statuses)
    {
        var books = submissions
            .Where(s => s is { Role: SubmissionRole.Result, IsRejected: false, Previous: not null, Key: not null }
                && !(statuses.TryGetValue(s.Source.RelativePath, out var st) && st.Status == FileStatus.Duplicate))
            .GroupBy(s => s.Key!)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.Previous!.GeneratedAt, StringComparer.Ordinal)
                .ThenByDescending(b => b.Source.ModifiedAt).ThenBy(b => b.Source.Sha256, StringComparer.Ordinal).ToList());
        var consolidated = audits.ToHashSet();
        // A target's years in order, one wave each: an audit waits only for the earlier years of its own target.
        var rank = audits.Select(k => consolidated.Count(o => o.TargetKey == k.TargetKey && o.FiscalYear < k.FiscalYear)).ToList();
        var waves = Enumerable.Range(0, rank.Count == 0 ? 0 : rank.Max() + 1)
            .Select(w => (IReadOnlyList<int>)Enumerable.Range(0, audits.Count).Where(i => rank[i] == w).ToList())
            .ToList();
        var reasons = new Dictionary<string, (FileStatus, string, string)>(StringComparer.Ordinal);
        var chain = new YearChain { Waves = waves, BookStatuses = reasons };
        foreach (var key in audits)
        {
            var earlier = consolidated.Where(k => k.TargetKey == key.TargetKey && k.FiscalYear < key.FiscalYear).Select(k => k.FiscalYear)
                .Concat(books.Keys.Where(k => k.TargetKey == key.TargetKey && k.FiscalYear < key.FiscalYear).Select(k => k.FiscalYear))
                .DefaultIfEmpty(0).Max();
            if (earlier == 0) continue;
            var earlierKey = new AuditKey(key.Target, earlier);
            if (consolidated.Contains(earlierKey))
            {
                chain._previous[key] = (earlier, null);
                chain._kept.Add(earlierKey);
            }
            else
            {
                var book = books[earlierKey][0];
                chain._previous[key] = (earlier, book);
                chain._usedBy[key] = book;
                reasons[book.Source.RelativePath] = (FileStatus.Referenced,
                    $"{key.Target} {key.FiscalYearLabel}の前年度比較に使用しました（この製品が出力した{earlierKey.FiscalYearLabel}の結果ブック。提出としては数えません）",
                    $"Used for the year-on-year comparison of {key.FiscalYearLabel} (a result workbook this product wrote for {earlierKey.FiscalYearLabel}); not counted as a submission");
            }
        }
        foreach (var (key, list) in books)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var path = list[i].Source.RelativePath;
                if (reasons.ContainsKey(path)) continue;
                reasons[path] = consolidated.Contains(key)
                    ? (FileStatus.Referenced,
                        $"同じ年度（{key.FiscalYearLabel}）の提出ファイルから集約しているため、この結果ブックは使用していません（提出としては数えません）",
                        $"Not used: {key.FiscalYearLabel} is consolidated from its submissions (not counted as a submission)")
                    : i > 0
                        ? (FileStatus.Referenced,
                            $"同じ年度（{key.FiscalYearLabel}）の新しい結果ブック「{list[0].Source.RelativePath}」を使用しています（この結果ブックは使用せず、提出としても数えません）",
                            $"Not used: the later result workbook of {key.FiscalYearLabel}, 「{list[0].Source.RelativePath}」, is used instead (not counted as a submission)")
                        : NotUsed(list[i]);
            }
        }
        return chain;
    }

    /// <summary>A result workbook (or the overview) that no audit compares with.</summary>
    public static (FileStatus Status, string Ja, string En) NotUsed(Submission book) => book.Previous is { } p
        ? (FileStatus.Referenced,
            $"この製品が出力した{p.Key.FiscalYearLabel}の結果ブックです。後の年度の監査がないため比較には使っていません（提出としては数えません）",
            $"A result workbook this product wrote for {p.Key.FiscalYearLabel}; no later year's audit compares with it (not counted as a submission)")
        : (FileStatus.Referenced,
            "この製品が出力した監査結果一覧です。提出としては数えません",
            "An overview this product wrote; not counted as a submission");

    /// <summary>The result workbook an audit compares with, to list it in that audit's 取込履歴.</summary>
    public Submission? BookFor(AuditKey key) => _usedBy.GetValueOrDefault(key);

    /// <summary>Keeps what a later year needs of a merged audit, before its items are released.</summary>
    public void Keep(AuditResult audit)
    {
        if (_kept.Contains(audit.Key)) _snapshots[audit.Key] = YearSnapshot.Of(audit);
    }

    /// <summary>The comparison of a merged audit with its earlier year; null when it has none.</summary>
    public YearComparison? Compare(AuditResult audit)
    {
        if (!_previous.TryGetValue(audit.Key, out var plan)) return null;
        var snapshot = plan.Book?.Previous ?? _snapshots.GetValueOrDefault(new AuditKey(audit.Key.Target, plan.Year));
        return snapshot is null ? null : YearComparer.Compare(audit, snapshot);
    }
}
