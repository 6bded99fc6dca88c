using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Consolidator.Core;
using Consolidator.Inbox;
using Consolidator.Ledger;
using Consolidator.Mail;
using Consolidator.Options;

namespace Consolidator.Commands;

/// <summary>
/// <c>status</c>: what the ledger holds — files per outcome and per status of the last
/// consolidation, the last consolidation and its audits, moves a crash interrupted, what waits in
/// the inbox and in the mail outbox, the next scheduled run, and 提出状況 of the last consolidation per audit. Reads only; safe while
/// <c>watch</c> runs. <c>--json</c> prints the same as one JSON document for monitoring scripts.
/// Exit code 0, or 2 for settings that cannot be used or a root (or state folder and inbox) that
/// does not exist (<see cref="ExitCodes"/>).
/// </summary>
internal static class StatusCommand
{
    private static readonly string[] StatusOrder = ["採用", "旧版", "重複", "拒否", "参照", "未集約"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON document for monitoring scripts / 監視スクリプト向けに JSON で出力" };
        var command = new Command("status", "Show what the ledger holds and what is waiting / 台帳の内容と受付待ちのファイルを表示する");
        common.AddTo(command);
        command.Options.Add(json);
        command.SetAction((parse, cancel) => Task.FromResult(Execute(common.Overrides(parse), parse.GetValue(common.Settings), Console.Out, Console.Error, parse.GetValue(json))));
        return command;
    }

    public static int Execute(IDictionary<string, string?> overrides, string? settingsFile, TextWriter stdout, TextWriter stderr, bool json = false)
    {
        var config = AppHost.Configuration(overrides, settingsFile);
        var (pathSettings, _, errors) = AppHost.Settings(config);
        var (_, schedule, workerErrors) = WorkerSettingsValidator.Read(config);
        var problems = errors.Concat(workerErrors).Distinct(StringComparer.Ordinal).ToList();
        if (problems.Count > 0)
        {
            SettingsErrors.Write(stderr, problems);
            if (json) WriteJson(stdout, new { exitCode = ExitCodes.Usage, errors = problems });
            return ExitCodes.Usage;
        }
        var paths = ResolvedPaths.From(pathSettings, Directory.GetCurrentDirectory());
        if (Missing(pathSettings, paths) is { } missing)
        {
            stderr.WriteLine(missing.Ja);
            stderr.WriteLine(missing.En);
            if (json) WriteJson(stdout, new { exitCode = ExitCodes.Usage, errors = new[] { $"{missing.Ja} / {missing.En}" } });
            return ExitCodes.Usage;
        }
        var zone = SettingsValidator.TryZone(schedule.TimeZone) ?? ConsolidationOptions.Tokyo;
        var report = Read(paths, schedule, zone);
        if (json) WriteJson(stdout, Document(report, zone));
        else WriteText(report, stdout, zone);
        return ExitCodes.Success;
    }

    /// <summary>
    /// A root that does not exist, or without a root neither state folder nor inbox: a wrong folder,
    /// not an empty one. An existing root without them is a worker not started yet, and said so.
    /// </summary>
    private static (string Ja, string En)? Missing(PathsSettings settings, ResolvedPaths paths)
    {
        if (!string.IsNullOrWhiteSpace(settings.Root) && Path.GetFullPath(settings.Root) is var root && !Directory.Exists(root))
            return ($"フォルダがありません: {root}（--root には watch や run --root で使うフォルダを指定してください）",
                $"The folder does not exist: {root} (give --root the folder watch or run --root works on).");
        if (string.IsNullOrWhiteSpace(settings.Root) && !Directory.Exists(paths.State) && !Directory.Exists(paths.Inbox))
            return ($"状態フォルダも受付フォルダもありません: {paths.State}、{paths.Inbox}（--root か --state / --inbox を確認してください）",
                $"Neither the state folder nor the inbox exists: {paths.State}, {paths.Inbox} (check --root, or --state and --inbox).");
        return null;
    }

    /// <summary>Everything status shows, read once.</summary>
    private sealed record Report(
        ResolvedPaths Paths,
        bool WorkerRunning,
        IReadOnlyList<LedgerFile>? Files,
        LedgerRun? Last,
        LedgerRun? LastSuccessful,
        int StoredSinceLast,
        bool InboxExists,
        IReadOnlyList<(string FullPath, string RelativePath)> Waiting,
        IReadOnlyList<InboxRefusal> Refused,
        IReadOnlyList<RosterRow> Roster,
        OutboxStatus Outbox,
        ScheduleSettings Schedule,
        DateTimeOffset? NextScheduled);

    private static Report Read(ResolvedPaths paths, ScheduleSettings schedule, TimeZoneInfo zone)
    {
        var running = StateLock.IsHeld(paths.State);
        IReadOnlyList<LedgerFile>? files = null;
        LedgerRun? last = null, ok = null;
        var stored = 0;
        IReadOnlyList<RosterRow> roster = [];
        using (var ledger = FileLedger.OpenExisting(paths.State))
        {
            if (ledger is not null)
            {
                files = ledger.Files();
                last = ledger.LastRun();
                ok = last is { Error: null, FinishedAt: not null } ? last : ledger.LastSuccessfulRun();
                stored = ledger.StoredSinceLastRun();
                if (ok is not null) roster = ledger.Roster(ok.Id);
            }
        }
        var inboxExists = Directory.Exists(paths.Inbox);
        var listing = inboxExists ? InboxScanner.List(paths.Inbox) : new InboxListing([], []);
        var cron = WorkerSettingsValidator.TryCron(schedule.Cron);
        var next = cron?.GetNextOccurrence(TimeProvider.System.GetUtcNow(), zone);
        return new Report(paths, running, files, last, ok, stored, inboxExists, listing.Files, listing.Refused, roster, OutboxStatus.Read(paths.State), schedule, next);
    }

    private static void WriteText(Report r, TextWriter stdout, TimeZoneInfo zone)
    {
        string When(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        stdout.WriteLine($"Consolidator status — 状態フォルダ / state: {r.Paths.State}");
        stdout.WriteLine(r.WorkerRunning
            ? "ワーカー / worker: 動作中 / running"
            : "ワーカー / worker: 停止中 / not running");

        if (r.Files is not { } files)
        {
            stdout.WriteLine("台帳 / ledger: まだありません（watch か --root 付きの run で作成されます） / none yet (watch, or run with --root, creates it)");
        }
        else
        {
            var (archived, rejected) = Outcomes(files);
            stdout.WriteLine(Invariant($"台帳 / ledger: {archived + rejected} 件 / files — 保管 archived {archived}、拒否 rejected {rejected}"));
            var byStatus = ByStatus(files);
            if (byStatus.Count > 0)
                stdout.WriteLine("  前回の集約での扱い / as of the last consolidation: " + string.Join("、",
                    StatusOrder.Where(byStatus.ContainsKey).Select(k => Invariant($"{k} {byStatus[k]}"))));
            var unfinished = files.Count(f => f.Stage != FileStage.Done);
            if (unfinished > 0)
                stdout.WriteLine(Invariant($"  移動の途中 / moves interrupted: {unfinished}（次の起動で完了します / finished at the next start）"));

            if (r.Last is not { } last)
                stdout.WriteLine("最終集約 / last consolidation: まだありません / none yet");
            else
            {
                var state = last.Error is not null ? $"失敗 failed: {Core.Writing.Printable.Name(last.Error, 400)}"
                    : last.FinishedAt is null ? "中断 / did not finish"
                    : Invariant($"{last.Files} files, {last.Audits} audits, {last.Written} outputs");
                stdout.WriteLine($"最終集約 / last consolidation: {When(last.StartedAt)} ({TriggerLabel(last.Trigger)}) — {state}");
                if (r.LastSuccessful is { } ok && ok != last)
                    stdout.WriteLine($"  最後に成功した集約 / last successful: {When(ok.StartedAt)} ({TriggerLabel(ok.Trigger)})");
                foreach (var line in SummaryLines(r.LastSuccessful))
                    stdout.WriteLine("  ■ " + Core.Writing.Printable.Name(line, 400));
                foreach (var line in StatusRoster.Lines(r.Roster)) stdout.WriteLine(line);
            }
            stdout.WriteLine(Invariant($"未集約 / stored since the last consolidation: {r.StoredSinceLast}"));
        }

        if (!r.InboxExists)
            stdout.WriteLine($"受付待ち / waiting in the inbox: 受付フォルダがまだありません / the inbox does not exist yet ({r.Paths.Inbox})");
        else
            stdout.WriteLine(Invariant($"受付待ち / waiting in the inbox: {r.Waiting.Count}")
                + (r.Waiting.Count == 0 ? "" : " — " + string.Join(", ", r.Waiting.Take(10).Select(w => Core.Writing.Printable.Name(w.RelativePath))) + (r.Waiting.Count > 10 ? " …" : "")));
        if (r.Refused.Count > 0)
            stdout.WriteLine(Invariant($"受付に残した拒否 / refused and left in the inbox: {r.Refused.Count} — ")
                + string.Join(", ", r.Refused.Take(10).Select(x => $"{Core.Writing.Printable.Name(x.RelativePath)} ({x.Rejection.Code})")) + (r.Refused.Count > 10 ? " …" : ""));
        foreach (var line in r.Outbox.Lines(zone)) stdout.WriteLine(line);
        stdout.WriteLine(r.NextScheduled is { } n
            ? $"次回の定時集約 / next scheduled consolidation: {When(n)} ({r.Schedule.TimeZone}, {r.Schedule.Cron})"
            : "次回の定時集約 / next scheduled consolidation: なし / none");
    }

    /// <summary>
    /// The JSON for monitoring: counts and times (ISO 8601 with the office's offset), the last
    /// consolidation's outcome (succeeded, failed, unfinished), waiting files and mail. Names and
    /// counts only, as the logs.
    /// </summary>
    private static object Document(Report r, TimeZoneInfo zone)
    {
        string? When(DateTimeOffset? t) => t is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) : null;
        object? Run(LedgerRun? run) => run is null ? null : new
        {
            startedAt = When(run.StartedAt),
            finishedAt = When(run.FinishedAt),
            trigger = run.Trigger.ToString(),
            outcome = run.Error is not null ? "failed" : run.FinishedAt is null ? "unfinished" : "succeeded",
            error = run.Error,
            files = run.Files,
            audits = run.Audits,
            outputs = run.Written,
            summary = SummaryLines(run),
        };
        var files = r.Files;
        var (archived, rejected) = files is null ? (0, 0) : Outcomes(files);
        return new
        {
            exitCode = ExitCodes.Success,
            state = r.Paths.State,
            inbox = r.Paths.Inbox,
            worker = new { running = r.WorkerRunning },
            ledger = files is null ? null : new
            {
                files = archived + rejected,
                archived,
                rejected,
                byStatus = ByStatus(files),
                interrupted = files.Count(f => f.Stage != FileStage.Done),
                storedSinceLastConsolidation = r.StoredSinceLast,
            },
            lastConsolidation = Run(r.Last),
            lastSuccessfulConsolidation = Run(r.LastSuccessful),
            audits = StatusRoster.Audits(r.Roster),
            waiting = new
            {
                inboxExists = r.InboxExists,
                count = r.Waiting.Count,
                files = r.Waiting.Select(w => w.RelativePath),
                refused = r.Refused.Select(x => new { path = x.RelativePath, code = x.Rejection.Code }),
            },
            mail = new
            {
                waiting = r.Outbox.PendingCount,
                outbox = r.Outbox.Folder,
                lastSentAt = When(r.Outbox.LastSentAt),
                lastFailure = r.Outbox.LastFailure is { } f ? new { at = When(f.At), kind = f.Kind.ToString(), messageJa = f.MessageJa, messageEn = f.MessageEn, detail = f.Detail } : null,
            },
            nextScheduledConsolidation = When(r.NextScheduled),
        };
    }

    private static void WriteJson(TextWriter stdout, object document) => stdout.WriteLine(JsonSerializer.Serialize(document, Json));

    private static (int Archived, int Rejected) Outcomes(IReadOnlyList<LedgerFile> files) => (
        files.Count(f => f.Outcome == FileOutcome.Archived && f.Stage != FileStage.Taking),
        files.Count(f => f.Outcome == FileOutcome.Rejected && f.Stage != FileStage.Taking));

    private static Dictionary<string, int> ByStatus(IReadOnlyList<LedgerFile> files) =>
        files.Where(f => f.Stage != FileStage.Taking).GroupBy(f => f.Status ?? "未集約").ToDictionary(g => g.Key, g => g.Count());

    private static string[] SummaryLines(LedgerRun? run) => (run?.Summary ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    internal static string TriggerLabel(RunTrigger t) => t switch
    {
        RunTrigger.Change => "変更後 / after changes",
        RunTrigger.Schedule => "定時 / scheduled",
        RunTrigger.Run => "run コマンド / run command",
        RunTrigger.Start => "起動時 / at start",
        _ => t.ToString(),
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
