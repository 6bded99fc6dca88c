using Cronos;

namespace Consolidator.Worker;

/// <summary>
/// The cron timetable of consolidations (Schedule:Cron), read in the office's time zone
/// (Schedule:TimeZone, Asia/Tokyo by default) so "0 2 * * *" is 02:00 in Tokyo whatever
/// the server's zone. Cronos handles the zone's daylight-saving gaps and overlaps.
/// </summary>
public sealed class ConsolidationSchedule
{
    private readonly CronExpression? _cron;

    public ConsolidationSchedule(CronExpression? cron, TimeZoneInfo zone)
    {
        _cron = cron;
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    public bool Enabled => _cron is not null;

    /// <summary>The first scheduled time strictly after <paramref name="now"/>; null when there is no schedule.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset now) => _cron?.GetNextOccurrence(now, Zone);
}
