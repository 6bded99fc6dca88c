using Consolidator.Core.Merging;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Tests.Merging;

/// <summary>Submissions and their parts as recognition hands them to merging, one row per item, built in memory.</summary>
internal static class MergeParts
{
    public static readonly JudgmentScale Scale = JudgmentScale.Default;

    public static ItemRow Row(string file, int row, string id, string? judgment = null, string? finding = null, VendorAnswer answer = VendorAnswer.NoAnswer,
        string? answerText = null, bool duplicate = false, string text = "") => new()
    {
        Id = id,
        RawId = new Field(id, new CellRef(file, "監査項目", row, 1)),
        Sheet = "監査項目",
        Row = row,
        ItemText = text.Length > 0 ? new Field(text, new CellRef(file, "監査項目", row, 3)) : null,
        Judgment = judgment is null ? null : new Field(judgment, new CellRef(file, "監査項目", row, 4)),
        ParsedJudgment = judgment is null ? default : Scale.Parse(judgment),
        Finding = finding is null ? null : new Field(finding, new CellRef(file, "監査項目", row, 5)),
        Answer = answerText is null ? null : new Field(answerText, new CellRef(file, "監査項目", row, 4)),
        ParsedAnswer = answer,
        IsDuplicate = duplicate,
    };

    public static SubmissionPart Part(SubmissionRole role, string file, string who, params ItemRow[] rows)
    {
        var submission = new Submission
        {
            Source = SourceFile.FromBytes(file, System.Text.Encoding.UTF8.GetBytes(file), new DateTimeOffset(2024, 10, 1, 10, 0, 0, TimeSpan.FromHours(9))),
            Format = "xlsx",
            Role = role,
            Rows = rows,
        };
        var party = role == SubmissionRole.Vendor ? new Party(who, null) : new Party(null, who);
        return new SubmissionPart(submission, role, party, who);
    }
}
