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
}
