using Consolidator.Core.Model;

namespace Consolidator.Core;

/// <summary>
/// Where merged audits go, one method as Serilog's <c>ILogEventSink</c>: each audit is handed over
/// as soon as it is merged, from several threads at once. A sink that cannot write an audit throws;
/// the consolidation gives each audit its own try/catch (as Serilog's <c>SafeAggregateSink</c> does
/// for each sink), records the failure (<see cref="ConsolidationResult.WriteFailures"/>) and goes
/// on with the other audits.
/// </summary>
public interface IAuditSink
{
    void Write(AuditResult audit);
}

/// <summary>An audit a sink could not write, with what stopped it.</summary>
public sealed record AuditWriteFailure(AuditKey Key, string? OutputStem, Exception Error);
