using System.ComponentModel.DataAnnotations;

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
}

/// <summary>Checks the Templates section; every problem is named by its setting, all in one list.</summary>
public static class TemplatesSettingsValidator
{
    public static IReadOnlyList<string> Validate(TemplatesSettings settings)
    {
        var errors = new List<string>();
        Check(settings.Auditors, "Templates:Auditors", errors);
        Check(settings.Vendors, "Templates:Vendors", errors);
        return errors;
    }

    private static void Check(List<TemplateRecipientSettings> recipients, string section, List<string> errors)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            var r = recipients[i];
            SettingsValidator.Annotations(r, $"{section}:{i}", errors);
            if (r.Name.Length > 0 && string.IsNullOrWhiteSpace(r.Name))
                errors.Add($"{section}:{i}:Name: the name is blank / 名前が空白です。");
            for (var j = 0; j < r.Items.Count; j++)
                if (string.IsNullOrWhiteSpace(r.Items[j]))
                    errors.Add($"{section}:{i}:Items:{j}: blank; give an item id or prefix such as 5-2 or 5-* / 項目番号（例: 5-2、5-*）が空です。");
        }
        foreach (var dup in recipients.Where(r => !string.IsNullOrWhiteSpace(r.Name)).GroupBy(r => Squash(r.Name)).Where(g => g.Count() > 1))
            errors.Add($"{section}: '{dup.First().Name}' is listed {dup.Count()} times / 同じ名前が{dup.Count()}回あります。");
    }

    private static string Squash(string s) => new(s.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
