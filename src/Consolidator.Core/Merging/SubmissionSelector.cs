using Consolidator.Core.Model;

namespace Consolidator.Core.Merging;

/// <summary>One role of one submission: a workbook that is both checklist and pre-answer has two parts.</summary>
internal sealed record SubmissionPart(Submission Submission, SubmissionRole Role, Party Party, string SubmitterKey)
{
    public string Display => Party.Display(Role);
}

/// <summary>The parts that count, and what became of every file.</summary>
internal sealed record Selection(
    IReadOnlyList<SubmissionPart> Adopted,
    IReadOnlyDictionary<string, (FileStatus Status, string Ja, string En)> FileStatuses);

/// <summary>
/// Decides which submissions count (SPEC §4): the same bytes twice are one submission (重複);
/// per submitter only the latest counts (提出日 in the metadata, else the file's time) and the
/// earlier ones are 旧版. Submitters are role + organisation + person for auditors; for vendors
/// the organisation alone, because a company's answer is one answer whoever sends it.
/// Ties are broken by content (the hash), never by file name, so renaming changes nothing.
/// </summary>
internal static class SubmissionSelector
{
    public static Selection Select(IReadOnlyList<Submission> submissions, TimeZoneInfo zone)
    {
        var statuses = new Dictionary<string, (FileStatus, string, string)>(StringComparer.Ordinal);
        var representatives = new List<Submission>();
        foreach (var group in submissions.GroupBy(s => s.Source.Sha256))
        {
            var ordered = group.OrderBy(s => s.Source.ModifiedAt).ThenBy(s => s.Source.RelativePath, StringComparer.Ordinal).ToList();
            representatives.Add(ordered[0]);
            foreach (var dup in ordered.Skip(1))
                statuses[dup.Source.RelativePath] = (FileStatus.Duplicate,
                    $"先に受領した同一内容のファイル（SHA-256 {Short(ordered[0])}…、{Received(ordered[0], zone)} 受領）と同じため重複",
                    $"Same bytes as a file received earlier (SHA-256 {Short(ordered[0])}…, received {Received(ordered[0], zone)})");
        }

        var parts = new List<SubmissionPart>();
        foreach (var s in representatives)
        {
            if (s.IsRejected)
            {
                statuses[s.Source.RelativePath] = (FileStatus.Rejected, s.Rejection!.MessageJa, s.Rejection.MessageEn);
                continue;
            }
            if (s.Role.HasFlag(SubmissionRole.Master))
                parts.Add(new SubmissionPart(s, SubmissionRole.Master, new Party(null, s.Metadata.Submitter?.Text), "master"));
            if (s.Role.HasFlag(SubmissionRole.Auditor))
                parts.Add(new SubmissionPart(s, SubmissionRole.Auditor, s.Auditor!, Key(SubmissionRole.Auditor, s.Auditor!, s)));
            if (s.Role.HasFlag(SubmissionRole.Vendor))
                parts.Add(new SubmissionPart(s, SubmissionRole.Vendor, s.Vendor!, Key(SubmissionRole.Vendor, s.Vendor!, s)));
        }

        var adopted = new List<SubmissionPart>();
        var superseded = new Dictionary<string, (string Ja, string En)>(StringComparer.Ordinal);
        foreach (var group in parts.GroupBy(p => (p.Submission.Key!, p.Role, p.SubmitterKey)))
        {
            var ordered = group.OrderByDescending(p => Effective(p.Submission, zone))
                .ThenByDescending(p => p.Submission.Source.ModifiedAt)
                .ThenBy(p => p.Submission.Source.Sha256, StringComparer.Ordinal)
                .ToList();
            adopted.Add(ordered[0]);
            var newer = ordered[0].Submission;
            foreach (var old in ordered.Skip(1))
            {
                // The newer file is named by its date and hash, not its name: a reason names only its own file.
                var when = newer.SubmittedOn is { } d ? $"提出日 {Normalising.JapaneseDates.DateLabel(d)}" : $"{Received(newer, zone)} 受領";
                var whenEn = newer.SubmittedOn is { } d2 ? $"submitted {d2:yyyy-MM-dd}" : $"received {Received(newer, zone)}";
                superseded.TryAdd(old.Submission.Source.RelativePath, (
                    $"同じ提出者（{ordered[0].Role.Label()} {ordered[0].Display}）の新しい提出（{when}、SHA-256 {Short(newer)}…）があるため旧版",
                    $"Superseded by a later submission of the same submitter ({ordered[0].Display}, {whenEn}, SHA-256 {Short(newer)}…)"));
            }
        }

        foreach (var s in representatives.Where(s => !s.IsRejected))
        {
            var path = s.Source.RelativePath;
            var anyAdopted = adopted.Any(p => ReferenceEquals(p.Submission, s));
            if (anyAdopted)
            {
                var partly = superseded.TryGetValue(path, out var why) ? why : ("", "");
                statuses[path] = (FileStatus.Adopted, partly.Item1, partly.Item2);
            }
            else
            {
                var why = superseded[path];
                statuses[path] = (FileStatus.Superseded, why.Ja, why.En);
            }
        }
        return new Selection(adopted, statuses);
    }

    private static string Key(SubmissionRole role, Party party, Submission s)
    {
        if (role == SubmissionRole.Vendor && party.Organisation is { Length: > 0 } org)
            return "vendor:" + Squash(org);
        if (party.Organisation is null && party.Person is null)
            return "file:" + s.Source.RelativePath;
        return $"{role}:{Squash(party.Organisation)}|{Squash(party.Person)}";
    }

    private static string Short(Submission s) => s.Source.Sha256[..Math.Min(12, s.Source.Sha256.Length)];

    private static string Received(Submission s, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(s.Source.ModifiedAt, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Squash(string? s) => s is null ? "" : new string(Normalising.Text.Nfkc(s).Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static DateOnly Effective(Submission s, TimeZoneInfo zone) =>
        s.SubmittedOn ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Source.ModifiedAt, zone).DateTime);
}
