using Consolidator.Core.Model;

namespace Consolidator.Core.Normalising;

/// <summary>
/// Judging one item beside the scale: the judgment cell read on the scale, and what is wrong with
/// it — not on the scale, contradictory, or a class that needs a finding written without one. Used
/// by recognition (each row as read) and by merging (a judgment carried over), so no stage reaches
/// back into another for it.
/// </summary>
public static class Judging
{
    public static (ParsedJudgment Parsed, List<ReviewNote> Notes) Judge(JudgmentScale scale, string id, Field? judgment, Field? finding)
    {
        if (judgment is null) return (default, []);
        var parsed = scale.Parse(judgment.Text);
        return (parsed, Check(parsed, id, judgment, finding));
    }

    /// <summary>The problems of a judgment already read (by the scale, or a workbook's own legend).</summary>
    public static List<ReviewNote> Check(ParsedJudgment parsed, string id, Field judgment, Field? finding)
    {
        var notes = new List<ReviewNote>();
        if (parsed.State == JudgmentState.Invalid) notes.Add(Notes.InvalidJudgment(id, judgment.Cell, judgment.Text));
        else if (parsed.State == JudgmentState.Contradictory) notes.Add(Notes.ContradictoryJudgment(id, judgment.Cell, judgment.Text));
        else if (parsed is { IsValid: true, Class.RequiresFinding: true } && (finding is null || finding.IsEmpty))
            notes.Add(Notes.MissingFinding(id, judgment.Cell, finding?.Cell, judgment.Text));
        return notes;
    }

    /// <summary>
    /// A row read on one scale judged again on <paramref name="scale"/> (an audit's master list brings
    /// its own 判定基準). An item on several sheets has every sheet's judgment read again and merged
    /// again: the most severe valid one, else the first invalid one.
    /// </summary>
    public static ItemRow Rejudge(ItemRow row, JudgmentScale scale)
    {
        if (row.Judgment is null) return row;
        if (row.Scopes.Count == 0)
        {
            var (parsed, found) = Judge(scale, row.Id, row.Judgment, row.Finding);
            return row with { ParsedJudgment = parsed, AuditorNotes = found };
        }
        var notes = new List<ReviewNote>();
        var scopes = row.Scopes.Select(x =>
        {
            var (parsed, n) = Judge(scale, row.Id, x.Judgment, x.Finding);
            notes.AddRange(n);
            return x with { Parsed = parsed };
        }).ToList();
        var valid = scopes.Where(x => x.Parsed.IsValid).ToList();
        var decided = valid.Count > 0
            ? valid.First(x => x.Parsed.Class == JudgmentScale.MostSevere(valid.Select(v => v.Parsed.Class!)))
            : scopes.FirstOrDefault(x => x.Parsed.State is JudgmentState.Invalid or JudgmentState.Contradictory) ?? scopes[0];
        return row with { Scopes = scopes, Judgment = decided.Judgment ?? row.Judgment, ParsedJudgment = decided.Parsed, AuditorNotes = notes };
    }
}
