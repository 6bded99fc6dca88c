using Cronos;
using Microsoft.Extensions.Configuration;

namespace Consolidator.Options;

/// <summary>
/// Reads and checks the settings only the moving pipeline (<c>watch</c>, and <c>run</c> with
/// an archive) needs: the Worker and Schedule sections, and folders that keep files apart.
/// Every failure names its setting, as <see cref="SettingsValidator"/> does.
/// </summary>
public static class WorkerSettingsValidator
{
    public static (WorkerSettings Worker, ScheduleSettings Schedule, IReadOnlyList<string> Errors) Read(IConfiguration config)
    {
        var errors = new List<string>();
        var worker = SettingsBinder.Bind<WorkerSettings>(config, "Worker", errors);
        var schedule = SettingsBinder.Bind<ScheduleSettings>(config, "Schedule", errors);
        SettingsValidator.Annotations(worker, "Worker", errors);
        SettingsValidator.Annotations(schedule, "Schedule", errors);
        if (!string.IsNullOrWhiteSpace(schedule.Cron) && TryCron(schedule.Cron) is null)
            errors.Add($"Schedule:Cron: '{schedule.Cron}' is not a cron expression (minute hour day month weekday, e.g. 0 2 * * * for 02:00 every night; empty turns the schedule off) / cron 式が正しくありません（例: 毎日2時は 0 2 * * *、空欄で定時集約なし）。");
        if (SettingsValidator.TryZone(schedule.TimeZone) is null)
            errors.Add($"Schedule:TimeZone: '{schedule.TimeZone}' is not a known time zone (e.g. Asia/Tokyo) / 不明なタイムゾーンです。");
        return (worker, schedule, errors);
    }

    /// <summary>
    /// The folders of the moving pipeline: an archive and a rejected folder (both or neither,
    /// and both when <paramref name="movingRequired"/>), none of them inside another, so that
    /// no output, archived file or ledger is ever taken for a submission.
    /// </summary>
    public static IReadOnlyList<string> Folders(ResolvedPaths paths, bool movingRequired)
    {
        var errors = new List<string>();
        if (paths.Archive is null && paths.Rejected is null)
        {
            if (movingRequired)
                errors.Add("Paths:Archive, Paths:Rejected: watch moves every file out of the inbox and needs both folders: give --root DIR, or --archive DIR and --rejected DIR / 取り込んだファイルの移動先が必要です。--root DIR か、--archive と --rejected を指定してください。");
            return errors;
        }
        if (paths.Archive is null)
            errors.Add("Paths:Archive: files are moved (Paths:Rejected is set) but accepted files have nowhere to go: set --archive DIR too / --rejected を指定したときは --archive も指定してください。");
        if (paths.Rejected is null)
            errors.Add("Paths:Rejected: files are moved (Paths:Archive is set) but refused files have nowhere to go: set --rejected DIR too / --archive を指定したときは --rejected も指定してください。");

        var folders = new List<(string Name, string Path)> { ("Inbox", paths.Inbox), ("Output", paths.Output), ("State", paths.State) };
        if (paths.Archive is not null) folders.Add(("Archive", paths.Archive));
        if (paths.Rejected is not null) folders.Add(("Rejected", paths.Rejected));
        for (var i = 0; i < folders.Count; i++)
            for (var j = 0; j < folders.Count; j++)
            {
                if (i == j) continue;
                var (a, pa) = folders[i];
                var (b, pb) = folders[j];
                if (i < j && Same(pa, pb))
                    errors.Add($"Paths:{a}, Paths:{b}: both are '{pa}'; each folder must be its own / 同じフォルダは指定できません。");
                else if (Inside(pa, pb) && !Same(pa, pb))
                    errors.Add($"Paths:{a}: '{pa}' is inside Paths:{b} '{pb}'; keep the folders side by side (e.g. --root DIR) / フォルダを入れ子にはできません。");
            }
        return errors;
    }

    public static CronExpression? TryCron(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) return null;
        var text = cron.Trim();
        try
        {
            var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            return CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    private static bool Same(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), Comparison);

    /// <summary>True when <paramref name="inner"/> lies under <paramref name="outer"/>.</summary>
    private static bool Inside(string inner, string outer)
    {
        var o = Path.TrimEndingDirectorySeparator(outer) + Path.DirectorySeparatorChar;
        return inner.StartsWith(o, Comparison);
    }

    private static StringComparison Comparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static T Bind<T>(IConfiguration config, string section, List<string> errors) where T : new()
    {
        var value = new T();
        try
        {
            config.GetSection(section).Bind(value);
        }
        catch (InvalidOperationException e)
        {
            errors.Add($"{section}: {e.Message} / 設定値の形式が正しくありません。");
        }
        return value;
    }
}
