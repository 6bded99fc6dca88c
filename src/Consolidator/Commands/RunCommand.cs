using System.CommandLine;
using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Inbox;
using Consolidator.Mail;
using Consolidator.Options;
using Consolidator.Output;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidator.Commands;

/// <summary>
/// <c>run</c>: one pass — read the inbox, consolidate, write the outputs, exit. With no
/// settings it reads input-samples/ and writes output/, leaving the inputs where they are.
/// Prints a line per file and a summary per audit. With --root, or --archive and --rejected,
/// it is the moving pipeline of <c>watch</c> run once: files are archived or refused, the ledger
/// records them, and the result is computed from everything accepted so far. With <c>--mail</c>
/// the result workbooks are then mailed (section Mail) through the outbox in the state folder.
/// Exit codes (<see cref="ExitCodes"/>): 0 written (and mailed); 2 settings or a missing inbox;
/// 3 files were given but no audit could be consolidated; 4 written, mail waiting in the outbox;
/// 5 a worker holds the state folder; 6 the outputs could not be written, or stopped before the end.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var key = new AuditKeyOptions();
        var mail = new Option<bool>("--mail") { Description = "Mail the result workbooks to Mail:To after the run / 集約後に結果ブックをメールで送る" };
        var command = new Command("run", "Consolidate the inbox once and write the results / 受付フォルダを一度集約して結果を出力する");
        common.AddTo(command);
        key.AddTo(command);
        command.Options.Add(mail);
        command.SetAction((parse, cancel) =>
        {
            var overrides = common.Overrides(parse);
            if (key.AddOverrides(parse, overrides) is { } error)
            {
                Console.Error.WriteLine(error);
                return Task.FromResult(ExitCodes.Usage);
            }
            return Task.FromResult(Execute(overrides, parse.GetValue(common.Settings), Console.Out, cancel, parse.GetValue(mail),
                live: !Console.IsOutputRedirected));
        });
        return command;
    }

    /// <summary>
    /// One run. With <paramref name="live"/> (a terminal) the consolidation's progress is one line
    /// rewritten in place, else a plain line per audit.
    /// </summary>
    public static int Execute(IDictionary<string, string?> overrides, string? settingsFile, TextWriter stdout, CancellationToken cancel, bool mail = false,
        bool live = false)
    {
        var config = AppHost.Configuration(overrides, settingsFile);
        var (pathSettings, consolidation, errors) = AppHost.Settings(config);
        var password = mail ? MailSettingsValidator.Password() : null;
        var mailSettings = new MailSettings();
        if (mail)
        {
            var (read, mailErrors) = MailSettingsValidator.Read(config, required: true, password);
            mailSettings = read;
            errors = [.. errors, .. mailErrors];
        }
        if (errors.Count > 0)
        {
            SettingsErrors.Write(Console.Error, errors);
            return ExitCodes.Usage;
        }
        var paths = ResolvedPaths.From(pathSettings, Directory.GetCurrentDirectory());
        if (paths.MovesFiles) return ExecuteMoving(config, paths, stdout, mail, live, cancel);
        if (!Directory.Exists(paths.Inbox))
        {
            Console.Error.WriteLine($"受付フォルダがありません / The inbox folder does not exist: {paths.Inbox}");
            Console.Error.WriteLine("  --inbox DIR で指定してください / Give one with --inbox DIR.");
            return ExitCodes.Usage;
        }
        using var logger = AppHost.Logger(config, paths);
        var builder = AppHost.Builder(config, consolidation, logger);
        if (mail) builder.Services.AddMail(mailSettings, password, paths.State);
        using var host = builder.Build();
        var job = host.Services.GetRequiredService<ConsolidationJob>();

        var listing = InboxScanner.List(paths.Inbox);
        var files = listing.Files;
        stdout.WriteLine($"Consolidator run — 受付 inbox: {paths.Inbox}");
        stdout.WriteLine($"                  出力 output: {paths.Output}");
        stdout.WriteLine($"{files.Count} 件のファイル / files");
        var inPlace = listing.Refused.Select(r => InboxRefusals.AsSubmission(r.RelativePath, r.Rejection, r.ModifiedAt)).ToList();
        foreach (var r in inPlace) stdout.WriteLine(RefusedLine(r));
        var gate = new object();
        var progress = new SyncProgress<FileProgress>(p =>
        {
            lock (gate) stdout.WriteLine(ProgressLine(p));
        });
        try
        {
            using var spill = new RowSpill();
            var submissions = job.IngestAll(files, progress, cancel, spill, new InboxReader(paths.Inbox));
            var outcome = job.Consolidate([.. submissions, .. inPlace], paths.Output, cancel, new AuditProgressLines(stdout, live));
            Summary(outcome, stdout);
            logger.Information("Run finished: {Files} files, {Audits} audits", files.Count, outcome.Result.Audits.Count);
            if (NotWritten(outcome, stdout)) return ExitCodes.Failed;
            return Finish(outcome, files.Count, stdout, () => Mail(host.Services, outcome, stdout, cancel), mail);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("中断しました / Cancelled.");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (DiskFull.Is(e))
        {
            logger.Error("Run stopped: the disk is full ({Error})", DiskFull.Unwrap(e).GetType().Name);
            Console.Error.WriteLine(DiskFull.Message(FolderOf(e, Path.GetTempPath())));
            return ExitCodes.Failed;
        }
        catch (IOException e)
        {
            logger.Error(e, "Run failed writing outputs");
            Console.Error.WriteLine($"出力を書けません / Could not write the outputs: {Core.Writing.Printable.Name(e.Message, 400)}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Names every output that could not be written (the others were): the path, and the disk when it
    /// is full. True when there was one; the run then exits 6 and mails nothing.
    /// </summary>
    private static bool NotWritten(JobOutcome outcome, TextWriter stdout)
    {
        if (outcome.Failures.Count == 0) return false;
        foreach (var f in outcome.Failures) Console.Error.WriteLine(f.Message);
        stdout.WriteLine($"出力を書けなかった監査があります（{outcome.Failures.Count} 件、他は出力済み） / Some outputs could not be written ({outcome.Failures.Count}; the others were written).");
        return true;
    }

    /// <summary>The folder an error of a full disk is about: an output's, the ledger's (state), else the fallback.</summary>
    private static string FolderOf(Exception e, string fallback)
    {
        var inner = DiskFull.Unwrap(e);
        for (var x = inner; x is not null; x = x.InnerException)
        {
            if (x is OutputWriteException w) return Path.GetDirectoryName(w.Path) ?? w.Path;
            if (x is Microsoft.Data.Sqlite.SqliteException) return fallback;
        }
        return fallback;
    }

    /// <summary>
    /// The exit code once the outputs are written: 3 when files were given and no audit came out
    /// of them (every file refused, or none naming an audit), else the mail's outcome.
    /// </summary>
    private static int Finish(JobOutcome outcome, int files, TextWriter stdout, Func<int> sendMail, bool mail)
    {
        if (outcome.Result.Audits.Count == 0)
        {
            if (files == 0)
            {
                stdout.WriteLine("受付フォルダにファイルがありません / The inbox holds no files.");
                return ExitCodes.Success;
            }
            stdout.WriteLine("どのファイルからも監査を集約できませんでした。上の一覧の理由を確認してください。 / None of the files gave an audit to consolidate: see the reasons listed above.");
            return ExitCodes.Unreadable;
        }
        return mail ? sendMail() : ExitCodes.Success;
    }

    /// <summary>The moving pipeline once: recover, take every file in the inbox, consolidate everything stored.</summary>
    private static int ExecuteMoving(Microsoft.Extensions.Configuration.IConfigurationRoot config, ResolvedPaths paths, TextWriter stdout, bool mail, bool live,
        CancellationToken cancel)
    {
        if (!Directory.Exists(paths.Inbox))
        {
            Console.Error.WriteLine($"受付フォルダがありません / The inbox folder does not exist: {paths.Inbox}");
            return ExitCodes.Usage;
        }
        WatchHost? created;
        int exitCode;
        try
        {
            created = WatchHost.TryCreate(config, watch: false, Console.Error, out exitCode, mailRequired: mail);
        }
        catch (Exception e) when (DiskFull.Is(e, paths.State))
        {
            // The state folder (ledger, lock, logs) cannot be written: nothing was taken.
            Console.Error.WriteLine(DiskFull.Message(paths.State));
            return ExitCodes.Failed;
        }
        using var session = created;
        if (session is null) return exitCode;
        var services = session.Host.Services;
        var f = session.Folders;
        try
        {
            // The ledger is opened here, in the state folder: a full disk there is told as such.
            var intake = services.GetRequiredService<Intake>();
            var store = services.GetRequiredService<SubmissionStore>();
            var runner = services.GetRequiredService<Worker.ConsolidationRunner>();
            var recovered = intake.Recover();
            if (recovered.Any)
                stdout.WriteLine($"前回の中断から復旧しました / Recovered from an interruption: {recovered.Finished} finished, {recovered.Undone} undone");
            var listing = InboxScanner.List(f.Inbox);
            var files = listing.Files;
            stdout.WriteLine($"Consolidator run — 受付 inbox: {f.Inbox}");
            stdout.WriteLine($"                  保管 archive: {f.Archive}  拒否 rejected: {f.Rejected}");
            stdout.WriteLine($"                  出力 output: {f.Output}");
            stdout.WriteLine($"{files.Count} 件のファイル / files");
            store.LeftInPlace(listing.Refused);
            foreach (var r in listing.Refused)
            {
                session.Log.Warning("Refused {File} ({Reason}): left in the inbox, not read", Core.Writing.Printable.Name(r.RelativePath), r.Rejection.Code);
                stdout.WriteLine(RefusedLine(InboxRefusals.AsSubmission(r.ShownPath, r.Rejection, r.ModifiedAt)));
            }
            var gate = new object();
            var done = 0;
            var taken = intake.TakeAll(files, cancel, r =>
            {
                store.Add(r);
                lock (gate) stdout.WriteLine(TakeLine(Interlocked.Increment(ref done), files.Count, r));
            }, store.Park);
            var outcome = runner.RunAsync(Ledger.RunTrigger.Run, cancel, new AuditProgressLines(stdout, live)).GetAwaiter().GetResult();
            Summary(outcome, stdout);
            session.Log.Information("Run finished: {Files} files in the inbox, {Stored} stored in all, {Audits} audits",
                files.Count, outcome.Result.Files.Count, outcome.Result.Audits.Count);
            // A file that could not be stored for want of space stays in the inbox; the run says where the disk is full.
            var full = taken.Where(t => t.Status == TakeStatus.Failed && DiskFull.Is(t.Error))
                .Select(t => t.Destination is { } d && d.StartsWith(f.Rejected, StringComparison.Ordinal) ? f.Rejected : f.Archive)
                .Distinct().ToList();
            foreach (var folder in full) Console.Error.WriteLine(DiskFull.Message(folder));
            if (NotWritten(outcome, stdout) || full.Count > 0) return ExitCodes.Failed;
            return Finish(outcome, outcome.Result.Files.Count, stdout, () => Mail(services, outcome, stdout, cancel), mail);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("中断しました（取り込み済みのファイルは保管されています） / Cancelled (files taken so far are stored).");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (DiskFull.Is(e, f.State))
        {
            session.Log.Error("Run stopped: the disk is full ({Error})", DiskFull.Unwrap(e).GetType().Name);
            Console.Error.WriteLine(DiskFull.Message(FolderOf(e, f.State)));
            return ExitCodes.Failed;
        }
        catch (IOException e)
        {
            session.Log.Error(e, "Run failed");
            Console.Error.WriteLine($"失敗しました / Failed: {Core.Writing.Printable.Name(e.Message, 400)}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Mails the results through the outbox; 4 when some mail still waits there.</summary>
    private static int Mail(IServiceProvider services, JobOutcome outcome, TextWriter stdout, CancellationToken cancel)
    {
        // A console command has no synchronisation context: waiting here cannot deadlock.
        var report = services.GetRequiredService<MailDispatcher>().SendAsync(outcome, cancel).GetAwaiter().GetResult();
        stdout.WriteLine();
        foreach (var line in report.Lines()) stdout.WriteLine(line);
        return report.Pending > 0 || report.Failures.Count > 0 ? ExitCodes.MailWaiting : ExitCodes.Success;
    }

    private static string TakeLine(int index, int count, TakeResult r)
    {
        if (r is { Status: TakeStatus.LeftInPlace, Submission: { } refused })
            return ProgressLine(new FileProgress(index, count, refused)) + "  → 受付に残しました / left in the inbox";
        if (r.Submission is { } s)
        {
            var where = r.Status == TakeStatus.Archived ? "archive" : "rejected";
            return ProgressLine(new FileProgress(index, count, s)) + $"  → {where}/{Core.Writing.Printable.Name(r.File!.StoredPath)}";
        }
        var why = r.Status switch
        {
            TakeStatus.Busy => "使用中のため受付に残しました / open elsewhere, left in the inbox",
            TakeStatus.Changed => "読み込み中に変更されたため受付に残しました / changed while read, left in the inbox",
            TakeStatus.Gone => "見つかりません / no longer there",
            _ => "保管できなかったため受付に残しました（ログを参照） / could not be stored, left in the inbox (see the log)",
        };
        return $"[{index}/{count}] {Core.Writing.Printable.Name(r.InboxPath)}  {why}";
    }

    /// <summary>An entry refused where it is, before any file is read: a link, a hard link, what cannot be listed.</summary>
    private static string RefusedLine(Submission s) =>
        $"[-] {Core.Writing.Printable.Name(s.Source.RelativePath)}  拒否 rejected: {s.Rejection!.MessageJa} {s.Rejection.MessageEn}";

    internal static string ProgressLine(FileProgress p)
    {
        var s = p.Submission;
        var head = $"[{p.Index}/{p.Count}] {Core.Writing.Printable.Name(s.Source.RelativePath, 200)}";
        // What the file is, not yet its status: whether a refused file is 拒否 or 重複 (the same bytes
        // as another) is decided when all are read, and the closing list says it.
        if (s.IsRejected) return $"{head}  使用できません / unusable: {s.Rejection!.MessageJa} {s.Rejection.MessageEn}";
        var key = Core.Writing.Printable.Name(s.Key?.ToString());
        return $"{head}  {s.Role.Label()}  {key}  {s.RowCount} 行" + (s.Template is null ? "" : $"  テンプレート {s.Template}") + (s.Notes.Count > 0 ? $"  要確認 {s.Notes.Count}" : "");
    }

    private static void Summary(JobOutcome outcome, TextWriter stdout)
    {
        var files = outcome.Result.Files;
        stdout.WriteLine();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ファイル / files: {files.Count}（採用 {files.Count(f => f.Status == FileStatus.Adopted)}、旧版 {files.Count(f => f.Status == FileStatus.Superseded)}、重複 {files.Count(f => f.Status == FileStatus.Duplicate)}、拒否 {files.Count(f => f.Status == FileStatus.Rejected)}{(files.Any(f => f.Status == FileStatus.Referenced) ? $"、参照 {files.Count(f => f.Status == FileStatus.Referenced)}" : "")}）"));
        foreach (var f in files.Where(f => f.Status != FileStatus.Adopted))
            stdout.WriteLine($"  {f.Status.Label()}  {Core.Writing.Printable.Name(f.Source.RelativePath)}: {Core.Writing.Printable.Name(f.ReasonJa, 400)}");
        foreach (var a in outcome.Result.Audits)
        {
            stdout.WriteLine();
            stdout.WriteLine($"■ {Core.Writing.Printable.Name(a.Key.ToString())}  {a.Status.Label()}");
            stdout.WriteLine("  " + string.Join("  ", a.Counts.Select(c => $"{c.Class.Label} {c.Count}")) + $"  計 {a.Total}  未判定 {a.Pending}  要確認 {a.ReviewCount}");
            stdout.WriteLine("  " + Core.Writing.SummarySentence.For(a));
            foreach (var line in Core.Writing.FollowUpTexts.Lines(a)) stdout.WriteLine("  " + line);
        }
        stdout.WriteLine();
        foreach (var w in outcome.Written) stdout.WriteLine($"→ {w}");
        if (outcome.Result.Audits.Count == 0)
            stdout.WriteLine("集約できる監査がありませんでした / No audit could be consolidated.");
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
