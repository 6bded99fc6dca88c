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

    /// <summary>The status as JSON; exit code 0.</summary>
    public static int Json(ResolvedPaths paths, TimeZoneInfo zone, TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("state", paths.State);
            w.WriteBoolean("workerRunning", StateLock.IsHeld(paths.State));
            using var ledger = FileLedger.OpenExisting(paths.State);
            if (ledger is null)
                w.WriteNull("ledger");
            else
            {
                var files = ledger.Files().Where(f => f.Stage != FileStage.Taking).ToList();
                w.WriteStartObject("ledger");
                w.WriteNumber("archived", files.Count(f => f.Outcome == FileOutcome.Archived));
                w.WriteNumber("rejected", files.Count(f => f.Outcome == FileOutcome.Rejected));
                w.WriteNumber("storedSinceLastConsolidation", ledger.StoredSinceLastRun());
                w.WriteEndObject();
                var last = ledger.LastRun();
                if (last is null) w.WriteNull("lastConsolidation");
                else
                {
                    w.WriteStartObject("lastConsolidation");
                    w.WriteString("startedAt", TimeZoneInfo.ConvertTime(last.StartedAt, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                    w.WriteString("trigger", last.Trigger.ToString());
                    w.WriteString("outcome", last.Error is not null ? "failed" : last.FinishedAt is null ? "unfinished" : "ok");
                    w.WriteNumber("files", last.Files);
                    w.WriteNumber("audits", last.Audits);
                    w.WriteNumber("written", last.Written);
                    w.WriteEndObject();
                }
                var ok = last is { Error: null, FinishedAt: not null } ? last : ledger.LastSuccessfulRun();
                w.WriteStartArray("audits");
                foreach (var audit in (ok is null ? [] : ledger.Roster(ok.Id)).GroupBy(r => r.Audit))
                {
                    var list = audit.ToList();
                    var c = Counts(list);
                    w.WriteStartObject();
                    w.WriteString("audit", audit.Key);
                    w.WriteStartObject("submissions");
                    w.WriteNumber("expected", c.Expected);
                    w.WriteNumber("complete", c.Complete);
                    w.WriteNumber("partial", c.Partial);
                    w.WriteNumber("missing", c.Missing);
                    w.WriteNumber("overdue", c.Overdue);
                    w.WriteNumber("unexpected", c.Unexpected);
                    w.WriteStartArray("submitters");
                    foreach (var r in list)
                    {
                        var s = Status(r);
                        w.WriteStartObject();
                        w.WriteString("role", r.Role);
                        if (r.Name is null) w.WriteNull("name"); else w.WriteString("name", r.Name);
                        w.WriteString("state", s.State.English());
                        w.WriteString("stateLabel", r.State);
                        w.WriteNumber("assigned", r.Assigned);
                        w.WriteNumber("done", r.Done);
                        w.WriteNumber("files", r.Files);
                        if (r.Due is { } due) w.WriteString("due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else w.WriteNull("due");
                        w.WriteBoolean("overdue", r.Overdue);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteNumber("waiting", InboxScanner.Scan(paths.Inbox).Count);
            w.WriteEndObject();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return 0;
    }

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
