using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Writing;

/// <summary>
/// The wording of 提出状況 and 前年度比較 wherever a count or a name list is shown: 総括, the
/// console after <c>run</c>, <c>status</c> and the mail. Counts and the roster's names only
/// (the office's own list); a submitter not on the roster is counted, never named, outside the workbook.
/// </summary>
public static class FollowUpTexts
{
    private const int Listed = 10;

    /// <summary>予定 5 — 完了 3、一部 1、未提出 1（うち期限超過 1）、名簿外 1</summary>
    public static string Counts(RosterCounts c) => Invariant(
        $"予定 {c.Expected} — 完了 {c.Complete}、一部 {c.Partial}、未提出 {c.Missing}") + (c.Overdue > 0 ? Invariant($"（うち期限超過 {c.Overdue}）") : "")
        + (c.Unexpected > 0 ? Invariant($"、名簿外 {c.Unexpected}") : "");

    /// <summary>高橋 美咲（監査人、期限 令和5年10月13日 超過） / 株式会社みなと情報システム（事業者、2/4 項目）</summary>
    public static string Describe(SubmitterStatus s)
    {
        var parts = new List<string> { s.Role.Label() };
        if (s.State == SubmitterState.Partial) parts.Add(Invariant($"{s.Done}/{s.Assigned} 項目"));
        if (s.Due is { } due) parts.Add($"期限 {JapaneseDates.DateLabel(due)}{(s.Overdue ? " 超過" : "")}");
        return $"{s.Name}（{string.Join("、", parts)}）";
    }

    /// <summary>The short "still missing" list: 未提出 and 一部 of the roster, names and what is due; empty when none.</summary>
    public static IReadOnlyList<string> StillMissing(RosterReport? roster)
    {
        if (roster is null) return [];
        var lines = new List<string>();
        foreach (var (state, label) in new[] { (SubmitterState.Missing, "未提出"), (SubmitterState.Partial, "一部のみ") })
        {
            var who = roster.Entries.Where(e => e.State == state).ToList();
            if (who.Count == 0) continue;
            lines.Add(Invariant($"{label} {who.Count}: ") + string.Join("、", who.Take(Listed).Select(Describe)) + (who.Count > Listed ? Invariant($" ほか {who.Count - Listed}") : ""));
        }
        return lines;
    }

    /// <summary>Why a roster keeps the audit 暫定: 提出予定の監査人 1 名（高橋 美咲）が未提出です。 Empty when it does not.</summary>
    public static string ProvisionalReason(AuditResult result)
    {
        var missing = result.Roster?.MissingAuditors ?? [];
        return missing.Count == 0 ? ""
            : Invariant($"提出予定の監査人 {missing.Count} 名（") + string.Join("、", missing.Take(Listed).Select(m => m.Name)) + (missing.Count > Listed ? " ほか" : "")
                + "）が未提出です（an expected auditor has not submitted）。";
    }

    /// <summary>改善 1、悪化 1、継続 3、新規 1、削除 1 (判定なし and 対象変更 only when there are any).</summary>
    public static string Changes(ChangeCounts counts, bool findings = false)
    {
        var shown = YearChangeExtensions.All
            .Where(c => c is YearChange.Improved or YearChange.Worsened or YearChange.Unchanged or YearChange.Removed
                || (!findings && c == YearChange.New) || counts[c] > 0)
            .Select(c => Invariant($"{c.Label()} {counts[c]}"));
        return string.Join("、", shown);
    }

    /// <summary>前年度比較（令和5年度）: 改善 1、… — 前回指摘 4 件: 改善 1、…; null without a comparison.</summary>
    public static string? YearLine(AuditResult result) => result.Comparison is not { } c ? null
        : $"前年度比較（{c.Previous.Key.FiscalYearLabel}）: {Changes(c.All)} — 前回指摘 {c.Findings.Total} 件: {Changes(c.Findings, findings: true)}";

    /// <summary>
    /// What the console and the mail say of an audit beyond its counts: 提出状況 with the short
    /// "still missing" list, and 前年度比較; nothing when the audit has neither.
    /// </summary>
    public static IEnumerable<string> Lines(AuditResult a)
    {
        if (a.Roster is { } roster)
        {
            yield return "提出状況: " + Counts(roster.Counts);
            foreach (var line in StillMissing(roster)) yield return "  " + line;
        }
        if (YearLine(a) is { } year) yield return year;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
