using System.Globalization;
using System.Text.Json;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Inbox;
using Consolidator.Ledger;
using Consolidator.Options;

namespace Consolidator.Commands;

/// <summary>
/// What <c>status</c> says of 提出状況 — per audit of the last successful consolidation the counts
/// and who is still missing — as lines, and the whole status as one JSON document for scripts
/// (<c>status --json</c>): ledger counts, the last consolidation, files waiting, and per audit the
/// roster's counts and submitters (a submitter not on the roster without its name).
/// </summary>
internal static class StatusRoster
{
    public static IEnumerable<string> Lines(IReadOnlyList<RosterRow> rows)
    {
        foreach (var audit in rows.GroupBy(r => r.Audit))
        {
            var list = audit.ToList();
            yield return $"  提出状況 / submissions — {audit.Key}: {FollowUpTexts.Counts(Counts(list))}";
            foreach (var line in FollowUpTexts.StillMissing(new RosterReport(list.Select(Status).ToList(), default)))
                yield return "    " + line;
        }
    }

    /// <summary>
    /// 提出状況 of each audit for <c>status --json</c>: the roster's counts and its submitters (a
    /// submitter not on the roster without its name, as the ledger keeps it).
    /// </summary>
    public static object Audits(IReadOnlyList<RosterRow> rows) => rows.GroupBy(r => r.Audit).Select(audit =>
    {
        var list = audit.ToList();
        var c = Counts(list);
        return new
        {
            audit = audit.Key,
            submissions = new
            {
                expected = c.Expected,
                complete = c.Complete,
                partial = c.Partial,
                missing = c.Missing,
                overdue = c.Overdue,
                unexpected = c.Unexpected,
                submitters = list.Select(r => new
                {
                    role = r.Role,
                    name = r.Name,
                    state = Status(r).State.English(),
                    stateLabel = r.State,
                    assigned = r.Assigned,
                    done = r.Done,
                    files = r.Files,
                    due = r.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    overdue = r.Overdue,
                }),
            },
        };
    }).ToList();

    private static RosterCounts Counts(List<RosterRow> rows) => new RosterReport(rows.Select(Status).ToList(), default).Counts;

    /// <summary>A recorded row as the status it was: enough for the counts and the missing list.</summary>
    private static SubmitterStatus Status(RosterRow r) => new()
    {
        Name = r.Name ?? "",
        Role = r.Role == SubmissionRole.Auditor.Label() ? SubmissionRole.Auditor : SubmissionRole.Vendor,
        State = Enum.GetValues<SubmitterState>().FirstOrDefault(s => s.Label() == r.State, SubmitterState.Unexpected),
        Assigned = r.Assigned,
        Done = r.Done,
        Due = r.Due,
        Overdue = r.Overdue,
    };
}
