using Consolidator.Ledger;
using Consolidator.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Consolidator.Mail;

/// <summary>
/// Mails the results after each scheduled consolidation of <c>watch</c> (the overnight run the
/// office reads in the morning); consolidations after changes are not mailed.
/// </summary>
internal sealed class MailAfterSchedule(MailDispatcher dispatcher, ILogger<MailAfterSchedule> log) : IConsolidationObserver
{
    public async Task OnConsolidatedAsync(ConsolidationCompleted completed, CancellationToken cancel)
    {
        if (completed.Trigger != RunTrigger.Schedule) return;
        var report = await dispatcher.SendAsync(completed.Outcome, cancel);
        // Each mail sent or kept is already a line of the dispatcher's; the summary goes to the file only.
        foreach (var line in report.Lines()) log.LogDebug("{Line}", line);
    }
}

/// <summary>At start, sends the mail a previous run left waiting in the outbox.</summary>
internal sealed class OutboxFlush(MailDispatcher dispatcher, ILogger<OutboxFlush> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var report = await dispatcher.FlushAsync(stoppingToken);
            foreach (var line in report.Lines()) log.LogDebug("{Line}", line);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogError(e, "Sending the waiting mail failed at start");
        }
    }
}
