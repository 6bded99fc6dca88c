using System.CommandLine;
using System.Globalization;
using Consolidator.Core;
using Consolidator.Inbox;
using Consolidator.Ledger;
using Consolidator.Options;

namespace Consolidator.Commands;

/// <summary>
/// <c>status</c>: what the ledger holds — files per outcome and per status of the last
/// consolidation, the last consolidation and its audits, moves a crash interrupted, what waits in
/// the inbox, and the next scheduled run; 提出状況 of the last consolidation per audit; with
/// <c>--json</c> one JSON document for scripts. Reads only; safe while <c>watch</c> runs. Exit code 0,
/// or 1 for settings that cannot be used.
/// </summary>
internal static class StatusCommand
{
    private static readonly string[] StatusOrder = ["採用", "旧版", "重複", "拒否", "参照", "未集約"];

    public static Command Create()
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON document, for scripts / JSON で表示する" };
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
        if (errors.Count + workerErrors.Count > 0)
        {
            stderr.WriteLine("設定に誤りがあります / Invalid settings:");
            foreach (var e in errors.Concat(workerErrors)) stderr.WriteLine("  - " + e);
            return 1;
        }
        var paths = ResolvedPaths.From(pathSettings, Directory.GetCurrentDirectory());
        var zone = SettingsValidator.TryZone(schedule.TimeZone) ?? ConsolidationOptions.Tokyo;
        if (json) return StatusRoster.Json(paths, zone, stdout);
        string When(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        stdout.WriteLine($"Consolidator status — 状態フォルダ / state: {paths.State}");
        stdout.WriteLine(StateLock.IsHeld(paths.State)
            ? "ワーカー / worker: 動作中 / running"
            : "ワーカー / worker: 停止中 / not running");

        using var ledger = FileLedger.OpenExisting(paths.State);
        if (ledger is null)
        {
            stdout.WriteLine("台帳 / ledger: まだありません（watch か --root 付きの run で作成されます） / none yet (watch, or run with --root, creates it)");
        }
        else
        {
            var files = ledger.Files();
            var archived = files.Count(f => f.Outcome == FileOutcome.Archived && f.Stage != FileStage.Taking);
            var rejected = files.Count(f => f.Outcome == FileOutcome.Rejected && f.Stage != FileStage.Taking);
            stdout.WriteLine(Invariant($"台帳 / ledger: {archived + rejected} 件 / files — 保管 archived {archived}、拒否 rejected {rejected}"));
            var byStatus = files.Where(f => f.Stage != FileStage.Taking).GroupBy(f => f.Status ?? "未集約").ToDictionary(g => g.Key, g => g.Count());
            if (byStatus.Count > 0)
                stdout.WriteLine("  前回の集約での扱い / as of the last consolidation: " + string.Join("、",
                    StatusOrder.Where(byStatus.ContainsKey).Select(k => Invariant($"{k} {byStatus[k]}"))));
            var unfinished = files.Count(f => f.Stage != FileStage.Done);
            if (unfinished > 0)
                stdout.WriteLine(Invariant($"  移動の途中 / moves interrupted: {unfinished}（次の起動で完了します / finished at the next start）"));

            var last = ledger.LastRun();
            if (last is null)
                stdout.WriteLine("最終集約 / last consolidation: まだありません / none yet");
            else
            {
                var state = last.Error is not null ? $"失敗 failed: {last.Error}"
                    : last.FinishedAt is null ? "中断 / did not finish"
                    : Invariant($"{last.Files} files, {last.Audits} audits, {last.Written} outputs");
                stdout.WriteLine($"最終集約 / last consolidation: {When(last.StartedAt)} ({TriggerLabel(last.Trigger)}) — {state}");
                var ok = last.Error is null && last.FinishedAt is not null ? last : ledger.LastSuccessfulRun();
                if (ok is not null && ok != last)
                    stdout.WriteLine($"  最後に成功した集約 / last successful: {When(ok.StartedAt)} ({TriggerLabel(ok.Trigger)})");
                foreach (var line in (ok?.Summary ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    stdout.WriteLine("  ■ " + line);
                foreach (var line in StatusRoster.Lines(ok is null ? [] : ledger.Roster(ok.Id))) stdout.WriteLine(line);
            }
            stdout.WriteLine(Invariant($"未集約 / stored since the last consolidation: {ledger.StoredSinceLastRun()}"));
        }

        var waiting = InboxScanner.Scan(paths.Inbox);
        stdout.WriteLine(Invariant($"受付待ち / waiting in the inbox: {waiting.Count}")
            + (waiting.Count == 0 ? "" : " — " + string.Join(", ", waiting.Take(10).Select(w => w.RelativePath)) + (waiting.Count > 10 ? " …" : "")));
        foreach (var line in Mail.OutboxStatus.Read(paths.State).Lines(zone)) stdout.WriteLine(line);
        var cron = WorkerSettingsValidator.TryCron(schedule.Cron);
        var next = cron?.GetNextOccurrence(TimeProvider.System.GetUtcNow(), zone);
        stdout.WriteLine(next is { } n
            ? $"次回の定時集約 / next scheduled consolidation: {When(n)} ({schedule.TimeZone}, {schedule.Cron})"
            : "次回の定時集約 / next scheduled consolidation: なし / none");
        return 0;
    }

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
