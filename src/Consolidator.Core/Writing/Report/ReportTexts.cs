namespace Consolidator.Core.Writing.Report;

/// <summary>
/// What only a person can write in the audit report draft: the purpose, the standards applied,
/// the free text of 総括, the audit firm. An office sets its texts once (settings <c>Report:*</c>)
/// and overrides them per target. Whatever is not set stands in the draft as a marked
/// placeholder (【記入してください】): the product never invents assurance wording.
/// </summary>
public sealed record ReportTexts
{
    /// <summary>1.1 監査目的. Defaults to none (a placeholder).</summary>
    public string? Purpose { get; init; }

    /// <summary>1.2 (2) the departments audited (所管部署). Defaults to none (a placeholder).</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>1.3 (1) 適用基準, one standard per entry. Defaults to none (a placeholder).</summary>
    public IReadOnlyList<string> Standards { get; init; } = [];

    /// <summary>1.5 who carried out the audit (監査実施者, e.g. the audit firm). Defaults to none (a placeholder).</summary>
    public string? Firm { get; init; }

    /// <summary>2.1 the paragraph before the count table. Defaults to none (a placeholder).</summary>
    public string? Summary { get; init; }

    public static ReportTexts Empty { get; } = new();
}
