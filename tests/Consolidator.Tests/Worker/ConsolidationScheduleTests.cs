using Consolidator.Core;
using Consolidator.Options;
using Consolidator.Worker;

namespace Consolidator.Tests.Worker;

[TestClass]
public sealed class ConsolidationScheduleTests
{
    private static ConsolidationSchedule Schedule(string cron, string zone = "Asia/Tokyo") =>
        new(WorkerSettingsValidator.TryCron(cron), SettingsValidator.TryZone(zone)!);

    [TestMethod]
    //        cron            now (UTC)                     next (UTC)
    [DataRow("0 2 * * *",    "2024-01-09T06:00:00Z",       "2024-01-09T17:00:00Z")]   // 15:00 JST → 02:00 JST next day
    [DataRow("0 2 * * *",    "2024-01-09T17:00:00Z",       "2024-01-10T17:00:00Z")]   // exactly at 02:00 JST → the next night
    [DataRow("30 1 * * 1-5", "2024-01-12T17:00:00Z",       "2024-01-14T16:30:00Z")]   // Saturday 02:00 JST → Monday 01:30 JST
    [DataRow("0 */6 * * *",  "2024-01-09T06:00:00Z",       "2024-01-09T09:00:00Z")]   // 18:00 JST
    [DataRow("0 0 2 * * *",  "2024-01-09T06:00:00Z",       "2024-01-09T17:00:00Z")]   // six fields: with seconds
    public void NextAfter_ReadsTheCronInTokyoTime(string cron, string now, string next) =>
        Assert.AreEqual(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            Schedule(cron).NextAfter(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [TestMethod]
    public void NextAfter_FollowsTheConfiguredZone()
    {
        var now = new DateTimeOffset(2024, 1, 9, 6, 0, 0, TimeSpan.Zero);

        Assert.AreEqual(new DateTimeOffset(2024, 1, 10, 2, 0, 0, TimeSpan.Zero), Schedule("0 2 * * *", "Etc/UTC").NextAfter(now));
        Assert.AreEqual(ConsolidationOptions.Tokyo.BaseUtcOffset, Schedule("0 2 * * *").Zone.BaseUtcOffset);
    }

    [TestMethod]
    public void NextAfter_IsNull_WithoutACron() =>
        Assert.IsNull(Schedule("").NextAfter(DateTimeOffset.UnixEpoch));
}
