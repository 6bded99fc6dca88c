using System.Globalization;
using Consolidator.Core.Model;
using Microsoft.Data.Sqlite;

namespace Consolidator.Ledger;

/// <summary>
/// The ledger of every file taken from the inbox and every consolidation, in one SQLite file
/// (state/ledger.db). WAL journal with synchronous=FULL: the WAL is fsynced at every commit, so
/// a committed step survives a crash or a power cut (with synchronous=NORMAL a WAL commit is
/// fsynced only at the next checkpoint), and <c>status</c> can read while the worker writes.
/// Files taken together are recorded in one transaction (<see cref="Record"/>), once their
/// copies are on disk; only marking them Done is committed without waiting for the disk, since
/// recovery redoes it from what the inbox holds. One connection, used under a lock, because the
/// worker takes several files at once.
/// </summary>
public sealed partial class FileLedger : IDisposable
{
    public const string FileName = "ledger.db";
    private const int SchemaVersion = 2;

    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();

    private FileLedger(SqliteConnection db) => _db = db;

    public string Path { get; private init; } = "";

    /// <summary>Opens (and creates, the first time) the ledger in <paramref name="stateFolder"/>.</summary>
    public static FileLedger Open(string stateFolder)
    {
        Directory.CreateDirectory(stateFolder);
        var path = System.IO.Path.Combine(stateFolder, FileName);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        db.Open();
        var ledger = new FileLedger(db) { Path = path };
        ledger.Exec("PRAGMA journal_mode=WAL;");
        ledger.Exec("PRAGMA synchronous=FULL;");
        ledger.Exec("PRAGMA busy_timeout=30000;");
        ledger.Migrate();
        return ledger;
    }

    /// <summary>Opens the ledger only if it exists (for <c>status</c>, which creates nothing).</summary>
    public static FileLedger? OpenExisting(string stateFolder) =>
        File.Exists(System.IO.Path.Combine(stateFolder, FileName)) ? Open(stateFolder) : null;

    private void Migrate()
    {
        var version = Convert.ToInt32(Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version >= SchemaVersion) return;
        using var tx = _db.BeginTransaction();
        Exec("""
            CREATE TABLE IF NOT EXISTS files (
              id           INTEGER PRIMARY KEY,
              inbox_path   TEXT NOT NULL,
              stored_path  TEXT NOT NULL UNIQUE,
              sha256       TEXT NOT NULL,
              size         INTEGER NOT NULL,
              modified_at  TEXT NOT NULL,
              received_at  TEXT NOT NULL,
              stage        TEXT NOT NULL,
              outcome      TEXT NOT NULL,
              reason_code  TEXT, reason_ja TEXT, reason_en TEXT, fix_ja TEXT, fix_en TEXT,
              stored_at    TEXT,
              done_at      TEXT,
              status       TEXT
            );
            CREATE INDEX IF NOT EXISTS files_stage ON files(stage);
            CREATE TABLE IF NOT EXISTS runs (
              id           INTEGER PRIMARY KEY,
              trigger      TEXT NOT NULL,
              started_at   TEXT NOT NULL,
              finished_at  TEXT,
              files        INTEGER NOT NULL DEFAULT 0,
              audits       INTEGER NOT NULL DEFAULT 0,
              written      INTEGER NOT NULL DEFAULT 0,
              summary      TEXT,
              error        TEXT
            );
            """, tx);
        Exec(RosterSchema, tx);
        Exec($"PRAGMA user_version={SchemaVersion};", tx);
        tx.Commit();
    }

    /// <summary>
    /// A file read and judged whose copy is about to be written (the intake now records files only once
    /// their copies are in place, <see cref="Record"/>; kept for ledgers and tests that hold this stage). Returns its id.
    /// </summary>
    public long Begin(LedgerFile f)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                INSERT INTO files (inbox_path, stored_path, sha256, size, modified_at, received_at, stage, outcome,
                                   reason_code, reason_ja, reason_en, fix_ja, fix_en)
                VALUES ($inbox, $stored, $sha, $size, $modified, $received, $stage, $outcome, $code, $ja, $en, $fixja, $fixen)
                RETURNING id;
                """;
            Bind(cmd, f, FileStage.Taking);
            return (long)cmd.ExecuteScalar()!;
        }
    }

    /// <summary>
    /// Records files whose copies are renamed into place and flushed, with their folders, as Stored,
    /// all in one durable transaction. Returns their ids, in order.
    /// </summary>
    public IReadOnlyList<long> Record(IReadOnlyList<LedgerFile> files, DateTimeOffset at)
    {
        if (files.Count == 0) return [];
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using var cmd = _db.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO files (inbox_path, stored_path, sha256, size, modified_at, received_at, stage, outcome,
                                   reason_code, reason_ja, reason_en, fix_ja, fix_en, stored_at)
                VALUES ($inbox, $stored, $sha, $size, $modified, $received, $stage, $outcome, $code, $ja, $en, $fixja, $fixen, $at)
                RETURNING id;
                """;
            var ids = new List<long>(files.Count);
            foreach (var f in files)
            {
                cmd.Parameters.Clear();
                Bind(cmd, f, FileStage.Stored);
                cmd.Parameters.AddWithValue("$at", Time(at));
                ids.Add((long)cmd.ExecuteScalar()!);
            }
            tx.Commit();
            return ids;
        }
    }

    /// <summary>
    /// Step 3 for files taken together: the inbox no longer holds them. Committed without waiting for
    /// the disk (the next durable commit or checkpoint carries it): lost to a power cut, recovery finds
    /// the files Stored, their originals gone from the inbox, and marks them again.
    /// </summary>
    public void MarkDone(IReadOnlyList<long> ids, DateTimeOffset at)
    {
        if (ids.Count == 0) return;
        lock (_gate)
        {
            Exec("PRAGMA synchronous=NORMAL;");
            try
            {
                using var tx = _db.BeginTransaction();
                using var cmd = _db.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "UPDATE files SET stage = 'Done', done_at = $at WHERE id = $id;";
                cmd.Parameters.AddWithValue("$at", Time(at));
                var id = cmd.Parameters.Add("$id", SqliteType.Integer);
                foreach (var i in ids)
                {
                    id.Value = i;
                    cmd.ExecuteNonQuery();
                }
                tx.Commit();
            }
            finally
            {
                Exec("PRAGMA synchronous=FULL;");
            }
        }
    }

    /// <summary>
    /// Undoes a take whose copy a power cut lost while the ledger kept it: the original is still in
    /// the inbox and is taken again.
    /// </summary>
    public void ForgetLost(long id)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "DELETE FROM files WHERE id = $id;";
            cmd.Parameters.AddWithValue("$id", id);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Step 2: the copy is complete and checked.</summary>
    public void MarkStored(long id, DateTimeOffset at) => SetStage(id, FileStage.Stored, "stored_at", at);

    /// <summary>Step 3: the inbox no longer holds the file.</summary>
    public void MarkDone(long id, DateTimeOffset at) => SetStage(id, FileStage.Done, "done_at", at);

    /// <summary>Undoes a take that never got its copy: the file is still in the inbox and will be taken again.</summary>
    public void Forget(long id)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "DELETE FROM files WHERE id = $id AND stage = 'Taking';";
            cmd.Parameters.AddWithValue("$id", id);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Every file, oldest first.</summary>
    public IReadOnlyList<LedgerFile> Files() => QueryFiles("SELECT * FROM files ORDER BY id;");

    /// <summary>Files whose move was interrupted (stage Taking or Stored).</summary>
    public IReadOnlyList<LedgerFile> Unfinished() => QueryFiles("SELECT * FROM files WHERE stage <> 'Done' ORDER BY id;");

    /// <summary>A file stored from <paramref name="inboxPath"/> with these bytes whose original is not yet removed from the inbox.</summary>
    public LedgerFile? FindStored(string inboxPath, string sha256)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT * FROM files WHERE stage = 'Stored' AND inbox_path = $p AND sha256 = $s ORDER BY id LIMIT 1;";
            cmd.Parameters.AddWithValue("$p", inboxPath);
            cmd.Parameters.AddWithValue("$s", sha256);
            return ReadFiles(cmd).FirstOrDefault();
        }
    }

    /// <summary>Whether a stored path is already used by a file (so a new file of that name gets " (2)").</summary>
    public bool IsStoredPathUsed(string storedPath)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT 1 FROM files WHERE stored_path = $p COLLATE NOCASE LIMIT 1;";
            cmd.Parameters.AddWithValue("$p", storedPath);
            return cmd.ExecuteScalar() is not null;
        }
    }

    /// <summary>Whether a file is stored under <paramref name="folder"/> (so no file may take the folder's name).</summary>
    public bool IsStoredFolderUsed(string folder)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT 1 FROM files WHERE stored_path LIKE $p ESCAPE '\\' LIMIT 1;";
            cmd.Parameters.AddWithValue("$p", folder.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "/%");
            return cmd.ExecuteScalar() is not null;
        }
    }

    public long StartRun(RunTrigger trigger, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "INSERT INTO runs (trigger, started_at) VALUES ($t, $at) RETURNING id;";
            cmd.Parameters.AddWithValue("$t", trigger.ToString());
            cmd.Parameters.AddWithValue("$at", Time(at));
            return (long)cmd.ExecuteScalar()!;
        }
    }

    /// <summary>
    /// Records the end of a consolidation and, when it succeeded, what became of each file
    /// (採用 / 旧版 / 重複 / 拒否, by stored path) — in one transaction.
    /// </summary>
    public void FinishRun(long id, DateTimeOffset at, int files, int audits, int written, string? summary, string? error,
        IReadOnlyDictionary<string, string>? statusByStoredPath)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            using (var cmd = _db.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = """
                    UPDATE runs SET finished_at = $at, files = $files, audits = $audits, written = $written, summary = $summary, error = $error
                    WHERE id = $id;
                    """;
                cmd.Parameters.AddWithValue("$id", id);
                cmd.Parameters.AddWithValue("$at", Time(at));
                cmd.Parameters.AddWithValue("$files", files);
                cmd.Parameters.AddWithValue("$audits", audits);
                cmd.Parameters.AddWithValue("$written", written);
                cmd.Parameters.AddWithValue("$summary", (object?)summary ?? DBNull.Value);
                cmd.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
                cmd.ExecuteNonQuery();
            }
            if (statusByStoredPath is not null)
            {
                using var cmd = _db.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "UPDATE files SET status = $s WHERE stored_path = $p;";
                var s = cmd.Parameters.Add("$s", SqliteType.Text);
                var p = cmd.Parameters.Add("$p", SqliteType.Text);
                foreach (var (path, status) in statusByStoredPath)
                {
                    s.Value = status;
                    p.Value = path;
                    cmd.ExecuteNonQuery();
                }
            }
            tx.Commit();
        }
    }

    /// <summary>The last consolidation started, finished or not.</summary>
    public LedgerRun? LastRun() => Runs("SELECT * FROM runs ORDER BY id DESC LIMIT 1;").FirstOrDefault();

    /// <summary>The last consolidation that finished without error.</summary>
    public LedgerRun? LastSuccessfulRun() =>
        Runs("SELECT * FROM runs WHERE finished_at IS NOT NULL AND error IS NULL ORDER BY id DESC LIMIT 1;").FirstOrDefault();

    /// <summary>
    /// Since when a scheduled consolidation could have been missed: when the last scheduled one that
    /// finished without error began, else when the worker's first consolidation began (a `run`
    /// command's does not count); null when the worker never consolidated.
    /// </summary>
    public DateTimeOffset? ScheduleKeptSince() =>
        (Runs("SELECT * FROM runs WHERE trigger = 'Schedule' AND finished_at IS NOT NULL AND error IS NULL ORDER BY id DESC LIMIT 1;").FirstOrDefault()
         ?? Runs("SELECT * FROM runs WHERE trigger <> 'Run' ORDER BY id LIMIT 1;").FirstOrDefault())?.StartedAt;

    /// <summary>Files stored after the last successful consolidation began: what the next one will add.</summary>
    public int StoredSinceLastRun()
    {
        var last = LastSuccessfulRun();
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM files WHERE stage <> 'Taking' AND ($at IS NULL OR stored_at > $at);";
            cmd.Parameters.AddWithValue("$at", last is null ? DBNull.Value : Time(last.StartedAt));
            return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public void Dispose() => _db.Dispose();

    private static void Bind(SqliteCommand cmd, LedgerFile f, FileStage stage)
    {
        cmd.Parameters.AddWithValue("$inbox", f.InboxPath);
        cmd.Parameters.AddWithValue("$stored", f.StoredPath);
        cmd.Parameters.AddWithValue("$sha", f.Sha256);
        cmd.Parameters.AddWithValue("$size", f.Size);
        cmd.Parameters.AddWithValue("$modified", Time(f.ModifiedAt));
        cmd.Parameters.AddWithValue("$received", Time(f.ReceivedAt));
        cmd.Parameters.AddWithValue("$stage", stage.ToString());
        cmd.Parameters.AddWithValue("$outcome", f.Outcome.ToString());
        cmd.Parameters.AddWithValue("$code", (object?)f.Rejection?.Code ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$ja", (object?)f.Rejection?.MessageJa ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$en", (object?)f.Rejection?.MessageEn ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$fixja", (object?)f.Rejection?.FixJa ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$fixen", (object?)f.Rejection?.FixEn ?? DBNull.Value);
    }

    private void SetStage(long id, FileStage stage, string column, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = $"UPDATE files SET stage = $stage, {column} = $at WHERE id = $id;";
            cmd.Parameters.AddWithValue("$stage", stage.ToString());
            cmd.Parameters.AddWithValue("$at", Time(at));
            cmd.Parameters.AddWithValue("$id", id);
            if (cmd.ExecuteNonQuery() != 1) throw new InvalidOperationException($"The ledger has no file {id}.");
        }
    }

    private List<LedgerFile> QueryFiles(string sql)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            return ReadFiles(cmd);
        }
    }

    private static List<LedgerFile> ReadFiles(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<LedgerFile>();
        while (r.Read())
        {
            var code = r["reason_code"] as string;
            list.Add(new LedgerFile
            {
                Id = r.GetInt64(r.GetOrdinal("id")),
                InboxPath = r.GetString(r.GetOrdinal("inbox_path")),
                StoredPath = r.GetString(r.GetOrdinal("stored_path")),
                Sha256 = r.GetString(r.GetOrdinal("sha256")),
                Size = r.GetInt64(r.GetOrdinal("size")),
                ModifiedAt = ParseTime(r.GetString(r.GetOrdinal("modified_at"))),
                ReceivedAt = ParseTime(r.GetString(r.GetOrdinal("received_at"))),
                Stage = Enum.Parse<FileStage>(r.GetString(r.GetOrdinal("stage"))),
                Outcome = Enum.Parse<FileOutcome>(r.GetString(r.GetOrdinal("outcome"))),
                Rejection = code is null ? null : new Rejection(code,
                    r["reason_ja"] as string ?? "", r["reason_en"] as string ?? "", r["fix_ja"] as string ?? "", r["fix_en"] as string ?? ""),
                Status = r["status"] as string,
            });
        }
        return list;
    }

    private List<LedgerRun> Runs(string sql)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            var list = new List<LedgerRun>();
            while (r.Read())
                list.Add(new LedgerRun(
                    r.GetInt64(r.GetOrdinal("id")),
                    Enum.Parse<RunTrigger>(r.GetString(r.GetOrdinal("trigger"))),
                    ParseTime(r.GetString(r.GetOrdinal("started_at"))),
                    r["finished_at"] is string f ? ParseTime(f) : null,
                    r.GetInt32(r.GetOrdinal("files")),
                    r.GetInt32(r.GetOrdinal("audits")),
                    r.GetInt32(r.GetOrdinal("written")),
                    r["summary"] as string,
                    r["error"] as string));
            return list;
        }
    }

    private void Exec(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    /// <summary>Times are stored as UTC ISO 8601 text with every tick, readable with any SQLite tool and exact.</summary>
    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) =>
        new(DateTime.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
