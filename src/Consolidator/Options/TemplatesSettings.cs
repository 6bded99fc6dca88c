using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Options;

/// <summary>
/// Who gets a template from <c>template --all</c> (section <c>Templates</c>): one checklist per
/// auditor and one pre-answer workbook per vendor. Defaults to nobody.
/// </summary>
public sealed class TemplatesSettings
{
    /// <summary>Auditors (監査人), each by name, e.g. 佐藤 健一（監査責任者）. Defaults to none.</summary>
    public List<TemplateRecipientSettings> Auditors { get; set; } = [];

    /// <summary>Vendors (委託事業者), each by organisation name, e.g. 株式会社みなと情報システム. Defaults to none.</summary>
    public List<TemplateRecipientSettings> Vendors { get; set; } = [];

    /// <summary>
    /// 提出期限 of everyone listed here who has no <see cref="TemplateRecipientSettings.Due"/> of their
    /// own: a date (2023-10-13, 2023/10/13, 令和5年10月13日). Defaults to none, which marks nobody overdue.
    /// </summary>
    public string? Due { get; set; }
}

/// <summary>One recipient of a template (section <c>Templates:Auditors:N</c> or <c>Templates:Vendors:N</c>).</summary>
public sealed class TemplateRecipientSettings
{
    /// <summary>The auditor's name (a title may follow in brackets) or the vendor's organisation, 1–100 characters. Required.</summary>
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string Name { get; set; } = "";

    /// <summary>
    /// The items this recipient fills: ids (5-2) or id prefixes (5-*). Defaults to none, which
    /// means every item of the master list. A vendor's blank rows are listed as 未回答, so give
    /// vendors the items that concern them.
    /// </summary>
    public List<string> Items { get; set; } = [];

    /// <summary>提出期限: a date (2023-10-13, 令和5年10月13日). Defaults to the section's <see cref="TemplatesSettings.Due"/>, else none.</summary>
    public string? Due { get; set; }

    /// <summary>The target system (対象業務) this recipient is expected for. Defaults to none: every audit.</summary>
    public string? Target { get; set; }

    /// <summary>The fiscal year this recipient is expected for (令和5年度, R5, 2023). Defaults to none: every year.</summary>
    public string? FiscalYear { get; set; }
}

/// <summary>Checks the Templates section; every problem is named by its setting, all in one list.</summary>
public static class TemplatesSettingsValidator
{
    public static IReadOnlyList<string> Validate(TemplatesSettings settings)
    {
        var errors = new List<string>();
        Check(settings.Auditors, "Templates:Auditors", errors);
        Check(settings.Vendors, "Templates:Vendors", errors);
        CheckDate(settings.Due, "Templates:Due", errors);
        return errors;
    }

    /// <summary>
    /// Who every audit (or the one a recipient names) expects a submission from: the roster that
    /// 提出状況 compares the submissions with, as the template recipients are listed.
    /// </summary>
    public static IReadOnlyList<ExpectedSubmitter> Roster(TemplatesSettings settings)
    {
        IEnumerable<ExpectedSubmitter> Of(List<TemplateRecipientSettings> list, SubmissionRole role, string section) =>
            list.Select((r, i) => (r, i)).Where(x => !string.IsNullOrWhiteSpace(x.r.Name))
                .Select(x => Expected(x.r, role, string.Create(CultureInfo.InvariantCulture, $"設定 {section}:{x.i}"), Date(settings.Due)));
        return [.. Of(settings.Auditors, SubmissionRole.Auditor, "Templates:Auditors"), .. Of(settings.Vendors, SubmissionRole.Vendor, "Templates:Vendors")];
    }

    /// <summary>One recipient as a roster entry; <paramref name="due"/> stands in for a recipient without its own due date.</summary>
    public static ExpectedSubmitter Expected(TemplateRecipientSettings r, SubmissionRole role, string origin, DateOnly? due = null) => new()
    {
        Name = r.Name.Trim(),
        Role = role,
        Items = r.Items.Where(x => !string.IsNullOrWhiteSpace(x)).ToList(),
        Due = Date(r.Due) ?? due,
        Target = string.IsNullOrWhiteSpace(r.Target) ? null : r.Target.Trim(),
        FiscalYear = JapaneseDates.TryParseFiscalYear(r.FiscalYear, out var y) ? y : null,
        Origin = origin,
    };

    private static DateOnly? Date(string? text) => JapaneseDates.TryParseDate(text, out var d) ? d : null;

    private static void CheckDate(string? text, string setting, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(text) && !JapaneseDates.TryParseDate(text, out _))
            errors.Add($"{setting}: '{text}' is not a date; give one such as 2023-10-13 or 令和5年10月13日 / 日付（例: 2023-10-13、令和5年10月13日）を指定してください。");
    }

    private static void Check(List<TemplateRecipientSettings> recipients, string section, List<string> errors)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            var r = recipients[i];
            SettingsValidator.Annotations(r, $"{section}:{i}", errors);
            if (r.Name.Length > 0 && string.IsNullOrWhiteSpace(r.Name))
                errors.Add($"{section}:{i}:Name: the name is blank / 名前が空白です。");
            CheckDate(r.Due, $"{section}:{i}:Due", errors);
            if (!string.IsNullOrWhiteSpace(r.FiscalYear) && !JapaneseDates.TryParseFiscalYear(r.FiscalYear, out _))
                errors.Add($"{section}:{i}:FiscalYear: '{r.FiscalYear}' is not a fiscal year; give one such as 令和5年度, R5 or 2023 / 年度（例: 令和5年度、R5、2023）を指定してください。");
            for (var j = 0; j < r.Items.Count; j++)
                if (string.IsNullOrWhiteSpace(r.Items[j]))
                    errors.Add($"{section}:{i}:Items:{j}: blank; give an item id or prefix such as 5-2 or 5-* / 項目番号（例: 5-2、5-*）が空です。");
        }
        foreach (var dup in recipients.Where(r => !string.IsNullOrWhiteSpace(r.Name)).GroupBy(r => Squash(r.Name)).Where(g => g.Count() > 1))
            errors.Add($"{section}: '{dup.First().Name}' is listed {dup.Count()} times / 同じ名前が{dup.Count()}回あります。");
    }

    private static string Squash(string s) => new(s.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
