namespace Consolidator.Core.Model;

/// <summary>
/// What <c>validate</c> says about one file: what would be read (format, role, audit key,
/// submitter, items per sheet) and every problem, or why the file cannot be used at all; and
/// whether another file given with it replaces it (<see cref="Record"/>).
/// </summary>
public sealed record FileReport(Submission Submission, IReadOnlyList<ReviewNote> Problems)
{
    public bool Unusable => Submission.IsRejected;

    /// <summary>The file as 取込履歴 would list it among the files given: submitter key, status and reason.</summary>
    public InputRecord? Record { get; init; }

    /// <summary>As validate's exit codes: 0 clean, 1 problems, 3 unreadable or unusable.</summary>
    public int ExitCode => Unusable ? 3 : Problems.Count > 0 ? 1 : 0;
}
