using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Merging;

/// <summary>
/// The auditors' judgments of each item of the universe merged to one (SPEC §4): the most severe
/// valid one, with a 判定不一致 entry where they differ; 未判定 with an entry when none was given.
/// Rows are judged again when the audit's scale is not the one the files were read with; a row
/// whose id is not in the universe, or repeated, is listed.
/// </summary>
internal sealed class JudgmentMerge
{
    private readonly JudgmentScale _scale;
    private readonly JudgmentScale _readWith;

    /// <param name="scale">The audit's scale.</param>
    /// <param name="readWith">The scale the files were read with.</param>
    public JudgmentMerge(JudgmentScale scale, JudgmentScale readWith)
    {
        _scale = scale;
        _readWith = readWith;
    }

    /// <summary>One item per id of <paramref name="universe"/>, in its order; entries found on the way are added to <paramref name="notes"/>.</summary>
    public List<ResultItem> Merge(ItemUniverse universe, IReadOnlyList<SubmissionPart> auditors, RowLedger ledger, List<ReviewNote> notes)
    {
        var judgmentsById = universe.Order.ToDictionary(id => id, _ => new List<(SubmissionPart Part, ItemRow Row)>(), StringComparer.Ordinal);
        foreach (var part in auditors)
        {
            foreach (var row in part.Rows.Where(r => r.IsDuplicate)) ledger.Listed(row, part.Submission);
            foreach (var row in part.Rows.Where(r => !r.IsDuplicate).Select(r => ReferenceEquals(_scale, _readWith) ? r : Judging.Rejudge(r, _scale)))
            {
                if (!judgmentsById.TryGetValue(row.Id, out var list))
                {
                    ledger.Listed(row, part.Submission);
                    notes.Add(Notes.UnknownItemId(row.Id, row.RawId.Cell, row.RawId.Text, universe.FromMaster));
                    continue;
                }
                list.Add((part, row));
                ledger.Merged(row, part.Submission);
                notes.AddRange(row.AuditorNotes);
            }
        }
        return universe.Order.Select(id => Item(id, universe, judgmentsById[id], notes)).ToList();
    }

    private static ResultItem Item(string id, ItemUniverse universe, List<(SubmissionPart Part, ItemRow Row)> rows, List<ReviewNote> notes)
    {
        var describing = universe.FromMaster ? universe.Row(id) : rows.Select(r => r.Row).FirstOrDefault() ?? universe.Row(id);
        // A checklist that says 区分 監査人 but has no judgment column leaves the item pending, noted at its id cell.
        var judgments = rows.Select(r => r.Row.Judgment is { } cell
            ? new AuditorJudgment(r.Part.Display, r.Row.ParsedJudgment, cell, r.Row.Finding, r.Row.Recommendation) { Scopes = r.Row.Scopes }
            : new AuditorJudgment(r.Part.Display, new ParsedJudgment(JudgmentState.Empty, null, ""), new Field("", r.Row.RawId.Cell), r.Row.Finding, r.Row.Recommendation)).ToList();
        var valid = judgments.Where(j => j.Judgment.IsValid).ToList();
        JudgmentClass? merged = null;
        if (valid.Count == 0)
        {
            var invalid = judgments.Any(j => j.Judgment.State is JudgmentState.Invalid or JudgmentState.Contradictory);
            if (!invalid)
                notes.Add(Notes.Pending(id,
                    judgments.SelectMany(j => j.Scopes.Count > 0 ? j.Scopes.Select(x => x.Judgment?.Cell).OfType<CellRef>() : [j.Cell.Cell]).ToList(),
                    string.Join(" / ", judgments.Select(j => j.Judgment.Original.Trim()).Where(t => t.Length > 0).Distinct())));
        }
        else
        {
            var classes = valid.Select(j => j.Judgment.Class!).Distinct().ToList();
            merged = classes.Count == 1 ? classes[0] : JudgmentScale.MostSevere(classes);
            if (classes.Count > 1)
                notes.Add(Notes.Disagreement(id,
                    valid.Select(j => (j.Auditor, $"{j.Judgment.Class!.Symbol}（{j.Judgment.Class.Label}）", j.Cell.Cell)).ToList(),
                    $"{merged.Symbol} {merged.Label}"));
        }
        return new ResultItem
        {
            Id = id,
            Category = describing.Category?.Text ?? "",
            Text = describing.ItemText?.Text ?? "",
            Basis = describing.Basis?.Text ?? "",
            Judgment = merged,
            Judgments = judgments,
            Findings = Join(judgments, j => j.Finding),
            Recommendations = Join(judgments, j => j.Recommendation),
            InvalidJudgmentText = string.Join(" / ", judgments.Where(j => j.Judgment.State is JudgmentState.Invalid or JudgmentState.Contradictory).Select(j => j.Judgment.Original.Trim())),
            Source = judgments.FirstOrDefault()?.Cell.Cell ?? describing.RawId.Cell,
        };
    }

    /// <summary>One text as it is; several different texts each under its auditor's name (【高橋】…).</summary>
    private static string Join(List<AuditorJudgment> judgments, Func<AuditorJudgment, Field?> pick)
    {
        var texts = judgments.Select(j => (j.Auditor, Text: pick(j)?.Text ?? "")).Where(t => t.Text.Length > 0).ToList();
        if (texts.Select(t => t.Text).Distinct().Count() <= 1) return texts.FirstOrDefault().Text ?? "";
        return string.Join("\n", texts.Select(t => $"【{t.Auditor}】{t.Text}"));
    }
}
