using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Merging;

/// <summary>
/// One role of one submission: a workbook that is both checklist and pre-answer has two parts.
/// <see cref="Rows"/> are the rows the part contributes once <see cref="Supersession"/> has taken
/// out what a later submission of the same submitter replaces; <see cref="Shown"/> is the name
/// the submitter goes by in the audit (that of its latest submission).
/// </summary>
internal sealed record SubmissionPart(Submission Submission, SubmissionRole Role, Party Party, string SubmitterKey)
{
    public IReadOnlyList<ItemRow>? Kept { get; init; }

    public string? Shown { get; init; }

    public IReadOnlyList<ItemRow> Rows => Kept ?? Submission.Rows;

    public string Display => Shown ?? Party.Display(Role);
}

/// <summary>
/// Every part that may count, and what became of the files that cannot: duplicates (重複) and
/// rejected files (拒否). Whether a part counts whole, in part or not at all (旧版) is decided
/// per audit, item by item, by <see cref="Supersession"/>.
/// </summary>
internal sealed record Selection(
    IReadOnlyList<SubmissionPart> Candidates,
    IReadOnlyDictionary<string, (FileStatus Status, string Ja, string En)> FileStatuses,
    IReadOnlyDictionary<string, string> SubmitterKeys);

/// <summary>
/// The first step of SPEC §4's "latest per submitter": the same bytes twice are one submission
/// (重複, the one received first stands for both); every other usable file becomes one part per
/// role, each with the key of its submitter. An auditor is the person (<see cref="SubmitterNames"/>:
/// 所属 never splits one), a vendor the organisation (回答者 never splits one), a master list is
/// the audit's. The auditor's part of a combined checklist-and-pre-answer workbook is keyed by
/// both parties, so one auditor judging several vendors' workbooks has one submission per vendor.
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
                    $"先に受領した同一内容のファイル（SHA-256 {Supersession.Short(ordered[0])}…、{Supersession.Received(ordered[0], zone)} 受領）と同じため重複",
                    $"Same bytes as a file received earlier (SHA-256 {Supersession.Short(ordered[0])}…, received {Supersession.Received(ordered[0], zone)})");
        }

        var parts = new List<SubmissionPart>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in representatives)
        {
            if (s.IsRejected)
            {
                statuses[s.Source.RelativePath] = (FileStatus.Rejected, s.Rejection!.MessageJa, s.Rejection.MessageEn);
                continue;
            }
            if (s.Role == SubmissionRole.Result)
            {
                // This product's own output: read for 前年度比較 (YearChain says whether it was used), never a submission.
                statuses[s.Source.RelativePath] = YearChain.NotUsed(s);
                continue;
            }
            var own = new List<SubmissionPart>();
            if (s.Role.HasFlag(SubmissionRole.Master))
                own.Add(new SubmissionPart(s, SubmissionRole.Master, new Party(null, s.Metadata.Submitter?.Text), "監査項目一覧"));
            if (s.Role.HasFlag(SubmissionRole.Auditor))
            {
                var key = AuditorKey(s.Auditor!, s);
                if (s.Role.HasFlag(SubmissionRole.Vendor)) key += " × " + VendorKey(s.Vendor!, s);
                own.Add(new SubmissionPart(s, SubmissionRole.Auditor, s.Auditor!, key));
            }
            if (s.Role.HasFlag(SubmissionRole.Vendor))
                own.Add(new SubmissionPart(s, SubmissionRole.Vendor, s.Vendor!, VendorKey(s.Vendor!, s)));
            parts.AddRange(own);
            keys[s.Source.RelativePath] = string.Join(" / ", own.Select(p => p.SubmitterKey));
        }
        foreach (var s in submissions.Where(s => statuses.TryGetValue(s.Source.RelativePath, out var st) && st.Item1 == FileStatus.Duplicate))
        {
            var first = representatives.First(r => r.Source.Sha256 == s.Source.Sha256);
            if (keys.TryGetValue(first.Source.RelativePath, out var k)) keys[s.Source.RelativePath] = k;
        }
        return new Selection(parts, statuses, keys);
    }

    /// <summary>監査人 高橋美咲: the person; without a name the 所属, without either the file.</summary>
    internal static string AuditorKey(Party party, Submission s) =>
        party.Person is { Length: > 0 } person ? "監査人 " + SubmitterNames.PersonKey(person)
        : party.Organisation is { Length: > 0 } org ? "監査人 所属:" + SubmitterNames.OrganisationKey(org)
        : "監査人 ファイル:" + SubmitterNames.FileKey(s.Source.RelativePath);

    /// <summary>事業者 みなと情報システム: the organisation; one named after the file (none in the metadata), the file.</summary>
    internal static string VendorKey(Party party, Submission s)
    {
        var org = party.Organisation ?? "";
        if (org.Length == 0 || org == Path.GetFileNameWithoutExtension(s.Source.Name))
            return "事業者 ファイル:" + SubmitterNames.FileKey(s.Source.RelativePath);
        return "事業者 " + SubmitterNames.OrganisationKey(org);
    }
}
