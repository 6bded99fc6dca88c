using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Merging;

/// <summary>
/// 提出状況 of one audit: the roster (the settings' entries that concern the audit, and its master
/// list's 提出予定 sheet, which wins for a submitter both name) against what was received. An
/// expected submitter matches the parts whose submitter has the same identity as supersession
/// uses — the person for an auditor (honorifics, titles and 所属 aside), the organisation for a
/// vendor (legal form aside) — so a resent file never makes a second submitter. Items assigned are
/// the audit's items its patterns select; done are those the rows that count (after supersession)
/// judge validly or answer (not 未回答, not an invalid answer). 未提出 when nothing was received,
/// 完了 when every assigned item is done, else 一部; overdue when the due date is before today in
/// the office's time zone and the submitter is not 完了. Submitters the roster does not name are
/// listed as 名簿外 with the items their files hold.
/// </summary>
internal static class RosterCheck
{
    public static (RosterReport? Report, IReadOnlyList<ReviewNote> Notes) Check(
        AuditKey key, IReadOnlyList<ExpectedSubmitter> configured, IReadOnlyList<SubmissionPart> candidates,
        IReadOnlyList<SubmissionPart> used, IReadOnlyList<ResultItem> items, JudgmentScale scale,
        IReadOnlyDictionary<string, (FileStatus Status, string Ja, string En)> fileStatuses, DateOnly today)
    {
        var master = used.FirstOrDefault(p => p.Role == SubmissionRole.Master)?.Submission;
        var roster = new List<ExpectedSubmitter>(master?.Roster ?? []);
        foreach (var e in configured.Where(e => e.AppliesTo(key)))
            if (!roster.Any(r => r.Role == e.Role && r.Identity == e.Identity))
                roster.Add(e);
        if (roster.Count == 0) return (null, []);

        var ids = items.Select(i => i.Id).ToList();
        var universe = ids.ToHashSet(StringComparer.Ordinal);
        var notes = new List<ReviewNote>();
        var claimed = new HashSet<SubmissionPart>(ReferenceEqualityComparer.Instance);
        var entries = new List<SubmitterStatus>();
        foreach (var e in roster)
        {
            var mine = candidates.Where(p => Matches(e, p)).ToList();
            claimed.UnionWith(mine);
            var selection = ItemSelection.Of(e.Items);
            var assigned = ids.Where(selection.Includes).ToList();
            if (!selection.IsAll && assigned.Count == 0)
                notes.Add(Notes.RosterItemsUnknown(e.Name, e.Origin, selection.Patterns, OriginCell(e)));
            var done = Done(e.Role, Counting(used, mine), assigned, scale);
            var state = mine.Count == 0 ? SubmitterState.Missing
                : done >= assigned.Count ? SubmitterState.Complete
                : SubmitterState.Partial;
            entries.Add(new SubmitterStatus
            {
                Name = e.Name,
                Role = e.Role,
                State = state,
                ItemPatterns = e.Items,
                Assigned = assigned.Count,
                Done = done,
                Files = Files(mine, fileStatuses),
                Due = e.Due,
                Overdue = e.Due is { } due && today > due && state != SubmitterState.Complete,
                Origin = e.Origin,
            });
        }

        // Submitters no roster entry names: each listed once, with the items its files hold.
        foreach (var group in candidates.Where(p => p.Role is SubmissionRole.Auditor or SubmissionRole.Vendor && !claimed.Contains(p))
                     .GroupBy(p => (p.Role, Identity(p))))
        {
            var parts = group.ToList();
            var held = parts.SelectMany(p => p.Submission.Rows).Where(r => !r.IsDuplicate).Select(r => r.Id).Distinct().Where(universe.Contains).ToList();
            entries.Add(new SubmitterStatus
            {
                Name = parts.OrderByDescending(p => p.Submission.Source.ModifiedAt).First().Display,
                Role = group.Key.Role,
                State = SubmitterState.Unexpected,
                Assigned = held.Count,
                Done = Done(group.Key.Role, Counting(used, parts), held, scale),
                Files = Files(parts, fileStatuses),
            });
        }
        return (new RosterReport(entries, today), notes);
    }

    /// <summary>The parts that count (their rows after supersession) among the given candidates.</summary>
    private static IEnumerable<SubmissionPart> Counting(IReadOnlyList<SubmissionPart> used, List<SubmissionPart> candidates) =>
        used.Where(u => candidates.Any(c => c.Role == u.Role && ReferenceEquals(c.Submission, u.Submission)));

    private static List<CellRef> OriginCell(ExpectedSubmitter e)
    {
        // file!sheet!A4 — the cell of a 提出予定 row; a setting has none.
        var parts = e.Origin.Split('!');
        if (parts.Length < 3) return [];
        var address = parts[^1];
        var letters = new string(address.TakeWhile(char.IsAsciiLetterUpper).ToArray());
        if (letters.Length == 0 || !int.TryParse(address[letters.Length..], System.Globalization.CultureInfo.InvariantCulture, out var row)) return [];
        var column = letters.Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);
        return [new CellRef(string.Join("!", parts[..^2]), parts[^2], row, column)];
    }

    /// <summary>Assigned items the rows that count judge validly (auditor) or answer (vendor).</summary>
    private static int Done(SubmissionRole role, IEnumerable<SubmissionPart> parts, IReadOnlyCollection<string> assigned, JudgmentScale scale)
    {
        var wanted = assigned.ToHashSet(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in parts.SelectMany(p => p.Rows).Where(r => !r.IsDuplicate && wanted.Contains(r.Id)))
        {
            var said = role == SubmissionRole.Auditor
                ? row.Judgment is { IsEmpty: false } j && scale.Parse(j.Text).IsValid
                : row.ParsedAnswer is not (VendorAnswer.NoAnswer or VendorAnswer.Invalid);
            if (said) done.Add(row.Id);
        }
        return done.Count;
    }

    private static List<ReceivedFile> Files(IEnumerable<SubmissionPart> parts, IReadOnlyDictionary<string, (FileStatus Status, string Ja, string En)> statuses) =>
        parts.Select(p => p.Submission).DistinctBy(s => s.Source.RelativePath)
            .Select(s => new ReceivedFile(s.Source.RelativePath, s.Source.ModifiedAt, statuses.TryGetValue(s.Source.RelativePath, out var st) ? st.Status : FileStatus.Adopted))
            .OrderBy(f => f.ModifiedAt).ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Whether a part is the entry's: an auditor by the person (as <see cref="SubmissionSelector"/> keys
    /// them), or by the 所属 when the roster names an office and the checklist names no person; a
    /// vendor by the organisation. A combined workbook's auditor part is the auditor's alone here.
    /// </summary>
    private static bool Matches(ExpectedSubmitter e, SubmissionPart p)
    {
        if (p.Role != e.Role) return false;
        var key = Identity(p);
        return e.Role == SubmissionRole.Auditor
            ? key == "監査人 " + SubmitterNames.PersonKey(e.Name) || key == "監査人 所属:" + SubmitterNames.OrganisationKey(e.Name)
            : key == "事業者 " + SubmitterNames.OrganisationKey(e.Name);
    }

    private static string Identity(SubmissionPart p) => p.Role == SubmissionRole.Auditor
        ? SubmissionSelector.AuditorKey(p.Party, p.Submission)
        : SubmissionSelector.VendorKey(p.Party, p.Submission);
}
