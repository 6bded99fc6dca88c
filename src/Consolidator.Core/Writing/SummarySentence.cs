using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Writing;

/// <summary>
/// The 総括 sentence: counts only, never wording that sounds like assurance. The 指摘事項
/// classes with a count, most severe first, joined with 、 (「不適合」2件、「注意事項」1件を検出した。),
/// then the classes with none (「重大な不適合」はなかった。); no 指摘 at all: 指摘事項はなかった。
/// When nothing was judged (no auditor's checklist, or every item 未判定) there is no conclusion:
/// the sentence says why and claims nothing about findings.
/// </summary>
public static class SummarySentence
{
    public static string For(AuditResult result) => Unjudged(result) is { } why
        ? why.Sentence
        : For(result.Scale, result.Counts.ToDictionary(c => c.Class, c => c.Count));

    /// <summary>Why an audit has no conclusion (null when some item is judged): the status reason in Japanese and English, and the sentence.</summary>
    public static (string Ja, string En, string Sentence)? Unjudged(AuditResult result) =>
        result.Judged ? null
        : result.AuditorChecklists == 0
            ? ("監査人のチェックリストがありません", "no auditor checklist", "監査人のチェックリストがないため、判定結果を集計していない。")
            : ("判定済みの監査項目がありません", "no item is judged", "判定済みの監査項目がないため、判定結果を集計していない。");

    public static string For(JudgmentScale scale, IReadOnlyDictionary<JudgmentClass, int> counts)
    {
        var findings = scale.FindingsMostSevereFirst.ToList();
        var found = findings.Where(c => counts.GetValueOrDefault(c) > 0).ToList();
        if (found.Count == 0) return "指摘事項はなかった。";
        var sentence = string.Join("、", found.Select(c => $"「{c.Label}」{counts[c]}件")) + "を検出した。";
        var none = findings.Where(c => counts.GetValueOrDefault(c) == 0).ToList();
        if (none.Count > 0) sentence += string.Concat(none.Select(c => $"「{c.Label}」")) + "はなかった。";
        return sentence;
    }
}
