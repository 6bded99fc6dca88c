using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Merging;

/// <summary>
/// "Per submitter only the latest submission counts" (SPEC §4), item by item, within one audit.
/// A later submission of the same submitter (提出日 in the metadata, else the file's time) replaces
/// an earlier one for the items it covers; items only the earlier one covers still count from it.
/// An item is covered by the latest submission that says something about it (a judgment, finding
/// or recommendation; an answer, detail or evidence); a row left blank in a later file does not
/// erase what an earlier one said, and when every file left it blank the latest one's row stands.
/// A file none of whose items count is 旧版; one partly replaced is 採用 with the replaced items
/// and the newer file named in its reason. A master list is replaced whole: it fixes the items.
/// </summary>
internal static class Supersession
{
    /// <summary>What counts, what became of each file (採用 with a remark, or 旧版), and the 同名の提出者 entries.</summary>
    public sealed record Outcome(
        IReadOnlyList<SubmissionPart> Used,
        IReadOnlyDictionary<string, (FileStatus Status, string Ja, string En)> Files,
        IReadOnlyList<ReviewNote> Notes);

    private const int ListedIds = 30;

    public static Outcome Resolve(IReadOnlyList<SubmissionPart> parts, TimeZoneInfo zone)
    {
        var shown = Names(parts, zone);
        var used = new List<SubmissionPart>();
        var remarks = new Dictionary<Submission, List<Remark>>(ReferenceEqualityComparer.Instance);
        foreach (var group in parts.GroupBy(p => (p.Role, p.SubmitterKey)))
        {
            var ordered = Newest(group, zone);
            var owner = Owners(ordered);
            for (var i = 0; i < ordered.Count; i++)
            {
                var part = ordered[i];
                var rows = part.Submission.Rows;
                var kept = rows.Where(r => !r.IsDuplicate && owner[r.Id] == i).ToList();
                var isUsed = i == 0 || kept.Count > 0;
                if (isUsed)
                {
                    // Repeated ids of a file that counts are listed in 要確認 as before.
                    var withRepeats = rows.Where(r => r.IsDuplicate || (!r.IsDuplicate && owner[r.Id] == i)).ToList();
                    used.Add(part with { Kept = withRepeats.Count == rows.Count ? null : withRepeats, Shown = shown[part] });
                }
                if (!remarks.TryGetValue(part.Submission, out var list)) remarks[part.Submission] = list = [];
                list.Add(Describe(part, isUsed, i, ordered, shown[ordered[0]], owner, zone));
            }
        }

        var files = new Dictionary<string, (FileStatus, string, string)>(StringComparer.Ordinal);
        foreach (var (submission, list) in remarks)
        {
            var said = list.Where(x => x.Ja.Length > 0).ToList();
            // A combined workbook says which of its roles each remark is about.
            var ja = string.Join("。", said.Select(x => list.Count > 1 ? $"〔{x.Part.Role.Label()}〕{x.Ja}" : x.Ja));
            var en = string.Join("; ", said.Select(x => list.Count > 1 ? $"[{Role(x.Part.Role)}] {x.En}" : x.En));
            if (!list.Any(x => x.Used))
                files[submission.Source.RelativePath] = (FileStatus.Superseded, ja + "。この提出から採用される項目がないため旧版", en + "; nothing of this file counts, so it is superseded");
            else if (list.Any(x => x.Replaced))
                files[submission.Source.RelativePath] = (FileStatus.Adopted, "一部旧版: " + ja, "Partly superseded: " + en);
            else
                files[submission.Source.RelativePath] = (FileStatus.Adopted, ja, en);
        }
        return new Outcome(used, files, SameNames(parts, zone));
    }

    /// <summary>Per item id, the index (newest first) of the part whose row counts.</summary>
    private static Dictionary<string, int> Owners(List<SubmissionPart> ordered)
    {
        var present = new Dictionary<string, int>(StringComparer.Ordinal);
        var filled = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var whole = ordered[i].Role == SubmissionRole.Master;
            foreach (var row in ordered[i].Submission.Rows.Where(r => !r.IsDuplicate))
            {
                present.TryAdd(row.Id, i);
                if (!whole && Says(ordered[i].Role, row)) filled.TryAdd(row.Id, i);
            }
        }
        // A master list fixes the items: the latest counts whole, an earlier one not at all.
        if (ordered.Count > 0 && ordered[0].Role == SubmissionRole.Master)
            return present.ToDictionary(p => p.Key, _ => 0, StringComparer.Ordinal);
        return present.ToDictionary(p => p.Key, p => filled.TryGetValue(p.Key, out var f) ? f : p.Value, StringComparer.Ordinal);
    }

    /// <summary>Whether a row says anything in the part's role.</summary>
    private static bool Says(SubmissionRole role, ItemRow row) => role == SubmissionRole.Auditor
        ? Has(row.Judgment) || Has(row.Finding) || Has(row.Recommendation)
        : Has(row.Answer) || Has(row.AnswerDetail) || Has(row.Evidence);

    private static bool Has(Field? f) => f is { IsEmpty: false };

    private sealed record Remark(SubmissionPart Part, bool Used, bool Replaced, string Ja, string En);

    /// <summary>What became of the items of part <paramref name="i"/>: replaced by later files, or left blank here and taken from earlier ones.</summary>
    private static Remark Describe(SubmissionPart part, bool isUsed, int i, List<SubmissionPart> ordered, string who, Dictionary<string, int> owner, TimeZoneInfo zone)
    {
        if (part.Role == SubmissionRole.Master)
            return i == 0
                ? new Remark(part, isUsed, false, "", "")
                : new Remark(part, isUsed, true, $"新しい監査項目一覧{RefJa(ordered[0].Submission, zone)}があります", $"a later master item list exists, {RefEn(ordered[0].Submission, zone)}");
        var ids = part.Submission.Rows.Where(r => !r.IsDuplicate).Select(r => r.Id).ToList();
        var ja = new List<string>();
        var en = new List<string>();
        foreach (var g in ids.Where(id => owner[id] < i).GroupBy(id => owner[id]).OrderBy(g => g.Key))
        {
            var newer = ordered[g.Key].Submission;
            ja.Add($"{Ids(g.ToList())}は同じ提出者（{who}）の新しい提出{RefJa(newer, zone)}で置き換え");
            en.Add($"{IdsEn(g.ToList())} replaced by a later submission of the same submitter ({who}), {RefEn(newer, zone)}");
        }
        foreach (var g in ids.Where(id => owner[id] > i).GroupBy(id => owner[id]).OrderBy(g => g.Key))
        {
            var earlier = ordered[g.Key].Submission;
            ja.Add($"{Ids(g.ToList())}は空欄のため、同じ提出者の先の提出{RefJa(earlier, zone)}の内容を採用");
            en.Add($"{IdsEn(g.ToList())} left blank here, so the earlier submission {RefEn(earlier, zone)} counts for them");
        }
        if (ids.Count == 0 && i > 0)
        {
            ja.Add($"同じ提出者（{who}）の新しい提出{RefJa(ordered[0].Submission, zone)}があります");
            en.Add($"a later submission of the same submitter ({who}) exists, {RefEn(ordered[0].Submission, zone)}");
        }
        var replaced = (ids.Count == 0 && i > 0) || ids.Any(id => owner[id] < i);
        return new Remark(part, isUsed, replaced, string.Join("。", ja), string.Join("; ", en));
    }

    /// <summary>Newest first: 提出日 (else the file's date), then the file's time, then the hash.</summary>
    private static List<SubmissionPart> Newest(IEnumerable<SubmissionPart> parts, TimeZoneInfo zone) =>
        parts.OrderByDescending(p => Effective(p.Submission, zone))
            .ThenByDescending(p => p.Submission.Source.ModifiedAt)
            .ThenBy(p => p.Submission.Source.Sha256, StringComparer.Ordinal)
            .ToList();

    /// <summary>The name each submitter goes by in the audit: that of its latest part, so one person is shown once.</summary>
    private static Dictionary<SubmissionPart, string> Names(IReadOnlyList<SubmissionPart> parts, TimeZoneInfo zone)
    {
        var shown = new Dictionary<SubmissionPart, string>(ReferenceEqualityComparer.Instance);
        foreach (var group in parts.GroupBy(p => (p.Role, Identity: p.Role == SubmissionRole.Auditor ? SubmissionSelector.AuditorKey(p.Party, p.Submission) : p.SubmitterKey)))
        {
            var latest = Newest(group, zone)[0];
            foreach (var p in group) shown[p] = latest.Party.Display(p.Role);
        }
        return shown;
    }

    /// <summary>
    /// One person's name under 所属 that are not one organisation (neither is part of the other):
    /// listed, not merged silently. Each organisation is named once, by its latest file's 所属 cell.
    /// </summary>
    private static List<ReviewNote> SameNames(IReadOnlyList<SubmissionPart> parts, TimeZoneInfo zone)
    {
        var notes = new List<ReviewNote>();
        var auditors = parts.Where(p => p.Role == SubmissionRole.Auditor && p.Party.Person is { Length: > 0 } && p.Party.Organisation is { Length: > 0 });
        foreach (var person in auditors.GroupBy(p => SubmitterNames.PersonKey(p.Party.Person)))
        {
            var organisations = new List<SubmissionPart>();
            foreach (var p in Newest(person, zone))
                if (!organisations.Any(o => SubmitterNames.SameOrganisation(o.Party.Organisation, p.Party.Organisation)))
                    organisations.Add(p);
            if (organisations.Count < 2) continue;
            var cells = organisations.Select(p => p.Submission.Metadata.Organisation?.Cell ?? p.Submission.Metadata.Auditor?.Cell ?? new CellRef(p.Submission.Source.RelativePath, "", 1, 1)).ToList();
            notes.Add(Notes.SameName(organisations[0].Party.Person!, organisations.Select(p => p.Party.Organisation!).ToList(), cells));
        }
        return notes;
    }

    private static string Ids(List<string> ids) =>
        "項目 " + string.Join("、", ids.Take(ListedIds)) + (ids.Count > ListedIds ? $" ほか {ids.Count - ListedIds} 件" : "") + $"（{ids.Count} 件）";

    private static string IdsEn(List<string> ids) =>
        (ids.Count == 1 ? "item " : "items ") + string.Join(", ", ids.Take(ListedIds)) + (ids.Count > ListedIds ? $" and {ids.Count - ListedIds} more" : "") + $" ({ids.Count})";

    // The other file is named without its extension: a reason names only its own file in full, so
    // whoever finds a file's row by its name (a filter, a script) finds that file's row alone.
    private static string RefJa(Submission s, TimeZoneInfo zone) =>
        $"「{Stem(s)}」（{(s.SubmittedOn is { } d ? $"提出日 {JapaneseDates.DateLabel(d)}" : $"{Received(s, zone)} 受領")}、SHA-256 {Short(s)}…）";

    private static string RefEn(Submission s, TimeZoneInfo zone) =>
        $"「{Stem(s)}」 ({(s.SubmittedOn is { } d ? string.Create(CultureInfo.InvariantCulture, $"submitted {d:yyyy-MM-dd}") : $"received {Received(s, zone)}")}, SHA-256 {Short(s)}…)";

    private static string Stem(Submission s)
    {
        var path = s.Source.RelativePath;
        var ext = Path.GetExtension(path);
        return ext.Length > 0 ? path[..^ext.Length] : path;
    }

    private static string Role(SubmissionRole role) => role == SubmissionRole.Auditor ? "auditor" : role == SubmissionRole.Vendor ? "vendor" : "master list";

    internal static string Short(Submission s) => s.Source.Sha256[..Math.Min(12, s.Source.Sha256.Length)];

    internal static string Received(Submission s, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(s.Source.ModifiedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static DateOnly Effective(Submission s, TimeZoneInfo zone) =>
        s.SubmittedOn ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Source.ModifiedAt, zone).DateTime);
}
