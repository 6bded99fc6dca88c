using Consolidator.Ledger;

namespace Consolidator.Worker;

/// <summary>One consolidation of the moving pipeline that wrote its outputs.</summary>
/// <param name="RunId">The run's id in the ledger (runs table).</param>
/// <param name="Trigger">Why it ran: Schedule for the cron run (the one mail follows), Change, Start, or Run (the run command).</param>
/// <param name="Outcome">What was merged and which files were written.</param>
/// <param name="FinishedAt">When the outputs were written.</param>
public sealed record ConsolidationCompleted(long RunId, RunTrigger Trigger, JobOutcome Outcome, DateTimeOffset FinishedAt);

/// <summary>
/// Called after each consolidation of <c>watch</c> (and of <c>run</c> when it moves files), once the
/// outputs are written and the ledger records the run. Register implementations in the host's
/// services (<c>services.AddSingleton&lt;IConsolidationObserver, MyObserver&gt;()</c>); the mail
/// outbox sends the results after the scheduled run this way (<c>Trigger == RunTrigger.Schedule</c>).
/// Each observer runs on its own: one that throws is logged and the others still run.
/// </summary>
public interface IConsolidationObserver
{
    Task OnConsolidatedAsync(ConsolidationCompleted completed, CancellationToken cancel);
}
