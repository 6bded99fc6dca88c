using System.Globalization;
using Consolidator.Core.Model;

namespace Consolidator.Ledger;

/// <summary>
/// 提出状況 as of a consolidation, per audit and expected submitter, for <c>status</c>. Names are the
/// roster's (the office's settings or its master list's 提出予定 sheet); a submitter not on the roster
/// is kept as a count (a row without a name), since its name is text from a submitted file.
/// </summary>
public sealed record RosterRow(string Audit, string Role, string? Name, string State, int Assigned, int Done, int Files, DateOnly? Due, bool Overdue)
{
    /// <summary>The rows of an audit's 提出状況; none without a roster.</summary>
    public static IEnumerable<RosterRow> Of(AuditResult audit) => (audit.Roster?.Entries ?? []).Select(e => new RosterRow(
        audit.Key.ToString(), e.Role.Label(), e.State == SubmitterState.Unexpected ? null : e.Name, e.State.Label(),
        e.Assigned, e.Done, e.Files.Count, e.Due, e.Overdue));
}

public sealed partial class FileLedger
{
    // Schema version 2 added this table; a ledger of version 1 gets it when it is opened.
    private const string RosterSchema = """
        CREATE TABLE IF NOT EXISTS roster (
          run_id    INTEGER NOT NULL,
          audit     TEXT NOT NULL,
          role      TEXT NOT NULL,
          name      TEXT,
          state     TEXT NOT NULL,
          assigned  INTEGER NOT NULL,
          done      INTEGER NOT NULL,
          files     INTEGER NOT NULL,
          due       TEXT,
          overdue   INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS roster_run ON roster(run_id);
        """;

    /// <summary>Records 提出状況 of a consolidation, in one transaction.</summary>
    public void RecordRoster(long runId, IReadOnlyList<RosterRow> rows)
    {
        if (rows.Count == 0) return;
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using var cmd = _db.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO roster (run_id, audit, role, name, state, assigned, done, files, due, overdue)
                VALUES ($run, $audit, $role, $name, $state, $assigned, $done, $files, $due, $overdue);
                """;
            foreach (var r in rows)
            {
                cmd.Parameters.Clear();
                cmd.Parameters.AddWithValue("$run", runId);
                cmd.Parameters.AddWithValue("$audit", r.Audit);
                cmd.Parameters.AddWithValue("$role", r.Role);
                cmd.Parameters.AddWithValue("$name", (object?)r.Name ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$state", r.State);
                cmd.Parameters.AddWithValue("$assigned", r.Assigned);
                cmd.Parameters.AddWithValue("$done", r.Done);
                cmd.Parameters.AddWithValue("$files", r.Files);
                cmd.Parameters.AddWithValue("$due", r.Due is { } d ? (object)d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
                cmd.Parameters.AddWithValue("$overdue", r.Overdue ? 1 : 0);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>提出状況 as a consolidation recorded it, in the order it was recorded.</summary>
    public IReadOnlyList<RosterRow> Roster(long runId)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT * FROM roster WHERE run_id = $run ORDER BY rowid;";
            cmd.Parameters.AddWithValue("$run", runId);
            using var r = cmd.ExecuteReader();
            var list = new List<RosterRow>();
            while (r.Read())
                list.Add(new RosterRow(
                    r.GetString(r.GetOrdinal("audit")),
                    r.GetString(r.GetOrdinal("role")),
                    r["name"] as string,
                    r.GetString(r.GetOrdinal("state")),
                    r.GetInt32(r.GetOrdinal("assigned")),
                    r.GetInt32(r.GetOrdinal("done")),
                    r.GetInt32(r.GetOrdinal("files")),
                    r["due"] is string due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    r.GetInt32(r.GetOrdinal("overdue")) != 0));
            return list;
        }
    }
}
