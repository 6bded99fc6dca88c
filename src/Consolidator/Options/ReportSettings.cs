using System.ComponentModel.DataAnnotations;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Writing.Report;

namespace Consolidator.Options;

/// <summary>
/// What only a person can write in the audit report draft (section <c>Report</c>): one office's
/// texts for every audit, with overrides per target (<see cref="Audits"/>). Whatever is not set
/// stands in the draft as 【記入してください】. Defaults to nothing set.
/// </summary>
public sealed class ReportSettings
{
    /// <summary>1.1 監査目的, up to 2,000 characters. Defaults to none.</summary>
    [StringLength(2000)]
    public string? Purpose { get; set; }

    /// <summary>1.2 (2) the departments audited (所管部署), one per entry. Defaults to none.</summary>
    public List<string> Departments { get; set; } = [];

    /// <summary>1.3 (1) 適用基準, one standard per entry (情報セキュリティ対策基準 …). Defaults to none.</summary>
    public List<string> Standards { get; set; } = [];

    /// <summary>1.5 who carried out the audit (監査実施者, e.g. the audit firm), up to 200 characters. Defaults to none.</summary>
    [StringLength(200)]
    public string? Firm { get; set; }

    /// <summary>2.1 the paragraph before the count table, up to 4,000 characters. Defaults to none.</summary>
    [StringLength(4000)]
    public string? Summary { get; set; }

    /// <summary>Texts of one audit that replace the office's (section <c>Report:Audits:N</c>), matched by target and, when given, fiscal year. Defaults to none.</summary>
    public List<ReportAuditSettings> Audits { get; set; } = [];

    /// <summary>The texts of one audit: the office's, with what its entry in <see cref="Audits"/> sets on top.</summary>
    public ReportTexts For(AuditKey key)
    {
        var own = Audits.LastOrDefault(a => a.Matches(key));
        return new ReportTexts
        {
            Purpose = own?.Purpose ?? Purpose,
            Departments = own?.Departments is { Count: > 0 } d ? d : Departments,
            Standards = own?.Standards is { Count: > 0 } s ? s : Standards,
            Firm = own?.Firm ?? Firm,
            Summary = own?.Summary ?? Summary,
        };
    }
}

/// <summary>One audit's own report texts (section <c>Report:Audits:N</c>).</summary>
public sealed class ReportAuditSettings
{
    /// <summary>The target system (対象業務) as the files name it; compared without white space. Required.</summary>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string Target { get; set; } = "";

    /// <summary>The fiscal year as people write it (2023, 令和5年度, R5). Defaults to none: every year of the target.</summary>
    public string? FiscalYear { get; set; }

    [StringLength(2000)]
    public string? Purpose { get; set; }

    public List<string> Departments { get; set; } = [];

    public List<string> Standards { get; set; } = [];

    [StringLength(200)]
    public string? Firm { get; set; }

    [StringLength(4000)]
    public string? Summary { get; set; }

    public bool Matches(AuditKey key) =>
        new AuditKey(Target, key.FiscalYear).Equals(key)
        && (FiscalYear is null || (JapaneseDates.TryParseFiscalYear(FiscalYear, out var y) && y == key.FiscalYear));
}

/// <summary>Checks the Report section: lengths, a target on every override, a readable fiscal year.</summary>
internal static class ReportSettingsValidator
{
    public static List<string> Validate(ReportSettings s)
    {
        var errors = new List<string>();
        SettingsValidator.Annotations(s, "Report", errors);
        for (var i = 0; i < s.Audits.Count; i++)
        {
            var a = s.Audits[i];
            SettingsValidator.Annotations(a, $"Report:Audits:{i}", errors);
            if (a.FiscalYear is { } fy && !JapaneseDates.TryParseFiscalYear(fy, out _))
                errors.Add($"Report:Audits:{i}:FiscalYear: 「{fy}」は年度として読めません（例: 2023、令和5年度、R5） / '{fy}' is not a fiscal year (e.g. 2023, 令和5年度, R5).");
        }
        return errors;
    }
}
