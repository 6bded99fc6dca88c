using System.ComponentModel.DataAnnotations;

namespace Consolidator.Options;

/// <summary>
/// How <c>watch</c> notices and takes files (section <c>Worker</c>). Times are written as
/// hh:mm:ss (00:00:10 is ten seconds).
/// </summary>
public sealed class WorkerSettings
{
    /// <summary>
    /// How long a file's size and time must stay unchanged before it is taken, 0 s–1 h.
    /// Defaults to 00:00:10, which a copy over SMB that is still running does not reach.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the whole inbox is listed again, whatever the folder watcher reported, 0.1 s–1 h.
    /// Defaults to 00:01:00: shares drop change events and the watcher's buffer can overflow.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Quiet time after the last file taken before the results are consolidated, 0 s–1 h.
    /// Defaults to 00:00:30, so a batch of files dropped together gives one consolidation.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Files taken together in one durable ledger transaction at most, 1–1000. Defaults to 64: one
    /// folder flush and one commit for many files; a smaller batch shows progress sooner on a slow share.
    /// </summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 64;
}

/// <summary>When <c>watch</c> consolidates on a timetable (section <c>Schedule</c>).</summary>
public sealed class ScheduleSettings
{
    /// <summary>
    /// A cron expression (minute hour day-of-month month day-of-week; six fields when seconds are
    /// given). Defaults to "0 2 * * *": every night at 02:00. Empty turns the scheduled run off.
    /// </summary>
    public string? Cron { get; set; } = "0 2 * * *";

    /// <summary>The time zone the cron expression is read in (IANA or Windows id). Defaults to Asia/Tokyo.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Tokyo";
}
