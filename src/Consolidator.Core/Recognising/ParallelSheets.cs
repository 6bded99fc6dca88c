using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>
/// The same ids on several sheets of one workbook (one sheet per department, platform or page) are
/// one submitter's judgments of several scopes — not duplicates, and not a disagreement. Each such
/// item becomes one row whose <see cref="ItemRow.Scopes"/> keep every sheet's judgment and answer,
/// merged as several auditors' are: the most severe judgment, ― only when every sheet says ―; the
/// least implemented answer, 該当なし only when every sheet says so. Findings and advice of the
/// sheets are kept, each under its sheet's name. Only a repeat inside one sheet is a duplicate.
/// </summary>
internal static class ParallelSheets
{
    public static List<ItemRow> Merge(List<ItemRow> rows)
    {
        var groups = rows.Where(r => !r.IsDuplicate).GroupBy(r => r.Id, StringComparer.Ordinal)
            .Where(g => g.Select(r => r.Sheet).Distinct(StringComparer.Ordinal).Count() > 1)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (groups.Count == 0) return rows;
        var result = new List<ItemRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.IsDuplicate || !groups.TryGetValue(row.Id, out var group))
            {
                result.Add(row);
                continue;
            }
            if (ReferenceEquals(group[0], row)) result.Add(Merged(group));
        }
        return result;
    }

    private static ItemRow Merged(List<ItemRow> group)
    {
        var scopes = group.Select(r => new ScopeJudgment(r.Sheet, r.Row, r.Judgment, r.ParsedJudgment, r.Finding, r.Recommendation, r.Answer, r.ParsedAnswer)).ToList();
        var first = group[0];

        // The judgment: the most severe valid one (― only when all are ―); else the first invalid; else empty.
        var decided = group[0];
        var valid = group.Where(r => r.ParsedJudgment.IsValid).ToList();
        if (valid.Count > 0)
        {
            var merged = JudgmentScale.MostSevere(valid.Select(r => r.ParsedJudgment.Class!));
            decided = valid.First(r => r.ParsedJudgment.Class == merged);
        }
        else if (group.FirstOrDefault(r => r.ParsedJudgment.State is JudgmentState.Invalid or JudgmentState.Contradictory) is { } invalid)
        {
            decided = invalid;
        }

        // The answer: the least implemented valid one (該当なし only when all say so); else the first invalid; else none.
        var answered = group.Where(r => r.ParsedAnswer is not (VendorAnswer.Invalid or VendorAnswer.NoAnswer)).ToList();
        var answerRow = answered.Count == 0
            ? group.FirstOrDefault(r => r.ParsedAnswer == VendorAnswer.Invalid) ?? group[0]
            : answered.All(r => r.ParsedAnswer == VendorAnswer.NotApplicable)
                ? answered[0]
                : answered.Where(r => r.ParsedAnswer != VendorAnswer.NotApplicable).MaxBy(r => AnswerWeight(r.ParsedAnswer))!;

        return first with
        {
            Judgment = decided.Judgment ?? first.Judgment,
            ParsedJudgment = decided.ParsedJudgment,
            Finding = Joined(group, r => r.Finding),
            Recommendation = Joined(group, r => r.Recommendation),
            Answer = answerRow.Answer ?? first.Answer,
            ParsedAnswer = answerRow.ParsedAnswer,
            AnswerDetail = Joined(group, r => r.AnswerDetail),
            Evidence = Joined(group, r => r.Evidence),
            Remarks = Joined(group, r => r.Remarks),
            Scopes = scopes,
            AuditorNotes = group.SelectMany(r => r.AuditorNotes).ToList(),
            VendorNotes = group.SelectMany(r => r.VendorNotes).ToList(),
        };
    }

    private static int AnswerWeight(VendorAnswer a) => a switch
    {
        VendorAnswer.NotImplemented => 3,
        VendorAnswer.Partial => 2,
        VendorAnswer.Implemented => 1,
        _ => 0,
    };

    /// <summary>One sheet's text as it is; several different texts each under its sheet's name (【Android】…).</summary>
    private static Field? Joined(List<ItemRow> group, Func<ItemRow, Field?> pick)
    {
        var texts = group.Select(r => (r.Sheet, Field: pick(r))).Where(t => t.Field is { IsEmpty: false }).ToList();
        if (texts.Count == 0) return pick(group[0]);
        if (texts.Select(t => t.Field!.Text).Distinct(StringComparer.Ordinal).Count() == 1) return texts[0].Field;
        return new Field(string.Join("\n", texts.Select(t => $"【{t.Sheet}】{t.Field!.Text}")), texts[0].Field!.Cell);
    }
}
