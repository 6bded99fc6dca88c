namespace Consolidator.Core.Writing;

/// <summary>
/// One ClosedXML workbook is built at a time in this process. ClosedXML 0.95.4 keeps its styles in
/// process-wide caches of weak references (<c>XLRepositoryBase</c>), and its <c>Store</c> loops for
/// ever when another thread has added the same key and that entry's value has since been collected:
/// two audits' workbooks built at once hung a consolidation (seen: a stack spinning in
/// <c>XLRepositoryBase.Store</c> under <c>SummarySheet.Write</c>). Every use of ClosedXML — laying
/// out a workbook frame (<see cref="WorkbookFrame"/>), the overview, a template — holds this lock;
/// what runs without ClosedXML (an audit's workbook written from its frame, the table bodies, the
/// CSV) still runs in parallel.
/// </summary>
internal static class ClosedXmlGate
{
    public static readonly object Lock = new();
}
