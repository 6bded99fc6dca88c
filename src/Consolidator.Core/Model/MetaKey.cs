namespace Consolidator.Core.Model;

/// <summary>The metadata keys SPEC §3 names.</summary>
internal enum MetaKey
{
    Target,
    FiscalYear,
    AuditDate,
    SubmittedOn,
    Submitter,
    Auditor,
    Vendor,
    Organisation,
    Role,
}
