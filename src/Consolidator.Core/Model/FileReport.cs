namespace Consolidator.Core.Model;

/// <summary>
/// What <c>validate</c> says about one file: what would be read (format, role, audit key,
/// submitter, items per sheet) and every problem, or why the file cannot be used at all.
/// </summary>
public sealed record FileReport(Submission Submission, IReadOnlyList<ReviewNote> Problems)
{
    public bool Unusable => Submission.IsRejected;

    /// <summary>As validate's exit codes: 0 clean, 1 problems, 3 unreadable or unusable.</summary>
    public int ExitCode => Unusable ? 3 : Problems.Count > 0 ? 1 : 0;
}
