namespace Consolidator.Core.Model;

/// <summary>The columns an item table can have.</summary>
public enum ColumnKind
{
    Id,
    ItemText,
    Category,
    Basis,
    Judgment,
    Finding,
    Recommendation,
    Answer,
    AnswerDetail,
    Evidence,
    Remarks,
}
