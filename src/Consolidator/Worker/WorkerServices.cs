using Consolidator.Core;
using Consolidator.Inbox;
using Consolidator.Ledger;
using Consolidator.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidator.Worker;

/// <summary>The services of the moving pipeline, shared by <c>watch</c> and by <c>run</c> when it moves files.</summary>
public static class WorkerServices
{
    public static IServiceCollection AddMovingPipeline(this IServiceCollection services, WorkerFolders folders, WorkerSettings worker, ScheduleSettings schedule)
    {
        services.AddSingleton(folders);
        services.AddSingleton(worker);
        services.AddSingleton(schedule);
        services.AddSingleton(new ConsolidationSchedule(
            WorkerSettingsValidator.TryCron(schedule.Cron),
            SettingsValidator.TryZone(schedule.TimeZone) ?? ConsolidationOptions.Tokyo));
        services.AddSingleton(_ => FileLedger.Open(folders.State));
        services.AddSingleton<Intake>();
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<ConsolidationRunner>();
        services.AddSingleton<WorkerCycle>();
        return services;
    }
}
