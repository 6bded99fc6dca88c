using Consolidator.Core.Normalising;

namespace Consolidator.Core.Model;

/// <summary>One item of an earlier year's result: its id, text and judgment as written (symbol and label).</summary>
public sealed record SnapshotItem(string Id, string Category, string Text, string Symbol, string Label);

/// <summary>
/// An earlier fiscal year's result of the same target, as much as a comparison needs: consolidated
/// in the same run (from the archive, or the same inbox), or read from a result workbook this
/// product wrote (<see cref="File"/> names it).
/// </summary>
public sealed record YearSnapshot
{
    public required AuditKey Key { get; init; }
    public IReadOnlyList<SnapshotItem> Items { get; init; } = [];

    /// <summary>確定 or 暫定 as that result said.</summary>
    public string Status { get; init; } = "";

    /// <summary>The result workbook it was read from; null when it was consolidated from the submissions.</summary>
    public string? File { get; init; }

    /// <summary>When that result was generated, as its 総括 says (workbooks only).</summary>
    public string GeneratedAt { get; init; } = "";

    /// <summary>Where the earlier year comes from, as 総括 says it.</summary>
    public string SourceLabel => File is null
        ? $"{Key.FiscalYearLabel}の提出ファイルから集約した結果"
        : $"{Key.FiscalYearLabel}の結果ブック「{File}」" + (GeneratedAt.Length > 0 ? $"（作成 {GeneratedAt}）" : "");

    /// <summary>The snapshot of a consolidated result.</summary>
    public static YearSnapshot Of(AuditResult result) => new()
    {
        Key = result.Key,
        Status = result.Status.Label(),
        Items = result.Items.Select(i => new SnapshotItem(i.Id, i.Category, i.Text, i.Judgment?.Symbol ?? "", i.Judgment?.Label ?? "")).ToList(),
    };
}

/// <summary>What became of an item since the earlier year (変化).</summary>
public enum YearChange
{
    /// <summary>改善: less severe than before.</summary>
    Improved,
    /// <summary>悪化: more severe than before.</summary>
    Worsened,
    /// <summary>継続: the same judgment.</summary>
    Unchanged,
    /// <summary>新規: an item of this year without a match in the earlier year.</summary>
    New,
    /// <summary>削除: an item of the earlier year without a match this year.</summary>
    Removed,
    /// <summary>判定なし: one of the two years has no judgment for it (未判定, or a judgment this scale does not know).</summary>
    NotJudged,
    /// <summary>対象変更: 対象外 in one year and judged in the other; a scope statement is no severity.</summary>
    ScopeChanged,
}

public static class YearChangeExtensions
{
    public static string Label(this YearChange change) => change switch
    {
        YearChange.Improved => "改善",
        YearChange.Worsened => "悪化",
        YearChange.Unchanged => "継続",
        YearChange.New => "新規",
        YearChange.Removed => "削除",
        YearChange.NotJudged => "判定なし",
        YearChange.ScopeChanged => "対象変更",
        _ => change.ToString(),
    };

    /// <summary>The order counts are listed in.</summary>
    public static IReadOnlyList<YearChange> All { get; } =
        [YearChange.Improved, YearChange.Worsened, YearChange.Unchanged, YearChange.New, YearChange.Removed, YearChange.NotJudged, YearChange.ScopeChanged];
}

/// <summary>
/// One item compared with the earlier year. <see cref="Id"/> is this year's id (null for an item
/// removed), <see cref="PreviousId"/> the earlier one (null for a new item); <see cref="ByText"/>
/// when the two were matched by identical item text because the id was renumbered.
/// </summary>
public sealed record ItemChange
{
    public string? Id { get; init; }
    public string? PreviousId { get; init; }
    public string Text { get; init; } = "";

    /// <summary>The earlier judgment as written there (△ 不適合, or empty for 未判定).</summary>
    public string PreviousSymbol { get; init; } = "";
    public string PreviousLabel { get; init; } = "";

    /// <summary>The earlier judgment read on this year's scale; null when 未判定 or not on it.</summary>
    public JudgmentClass? Previous { get; init; }
    public JudgmentClass? Current { get; init; }
    public required YearChange Change { get; init; }
    public bool ByText { get; init; }

    /// <summary>The earlier judgment was a 指摘事項 (on this year's scale): one of 前回指摘事項.</summary>
    public bool WasFinding => Previous is { IsFinding: true };

    /// <summary>The earlier judgment as 監査結果 shows it: △ 不適合, 未判定.</summary>
    public string PreviousText => PreviousSymbol.Length == 0 && PreviousLabel.Length == 0 ? "未判定"
        : PreviousSymbol == PreviousLabel || PreviousLabel.Length == 0 ? PreviousSymbol : $"{PreviousSymbol} {PreviousLabel}".Trim();
}

/// <summary>Counts of a comparison per <see cref="YearChange"/>, over every item or over the earlier year's findings.</summary>
public sealed record ChangeCounts(IReadOnlyDictionary<YearChange, int> ByChange)
{
    public int this[YearChange change] => ByChange.GetValueOrDefault(change);

    public int Total => ByChange.Values.Sum();

    public static ChangeCounts Of(IEnumerable<ItemChange> changes) =>
        new(changes.GroupBy(c => c.Change).ToDictionary(g => g.Key, g => g.Count()));
}

/// <summary>
/// 前年度比較 of one audit: the earlier year it compares with, every item matched (by id, or by
/// identical text where ids were renumbered) or listed as 新規 / 削除 — never guessed — and the
/// counts (<see cref="All"/>; <see cref="Findings"/> over the earlier year's 指摘事項, what
/// 前回指摘事項の状況 and the report draft say). Null on an audit with no earlier year.
/// </summary>
public sealed record YearComparison
{
    public required YearSnapshot Previous { get; init; }

    /// <summary>This year's items in order, each with its change, then the earlier items removed. Empty once released.</summary>
    public IReadOnlyList<ItemChange> Items { get; init; } = [];

    public required ChangeCounts All { get; init; }
    public required ChangeCounts Findings { get; init; }

    /// <summary>Items matched by text because their id changed.</summary>
    public int Renumbered { get; init; }

    /// <summary>This year's items' changes by their id.</summary>
    public Dictionary<string, ItemChange> ByItemId() => Items.Where(i => i.Id is not null).ToDictionary(i => i.Id!, StringComparer.Ordinal);

    /// <summary>The comparison without its items (counts kept), for what follows the writing.</summary>
    public YearComparison Released() => new() { Previous = Previous with { Items = [] }, All = All, Findings = Findings, Renumbered = Renumbered };
}
