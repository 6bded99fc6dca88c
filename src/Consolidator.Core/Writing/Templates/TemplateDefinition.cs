using System.Security.Cryptography;
using System.Text;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Writing.Templates;

/// <summary>One audit item as a template shows it (locked): id, category, text and basis.</summary>
public sealed record TemplateItem(string Id, string Category, string Text, string Basis);

/// <summary>
/// What one template is for: an auditor's checklist (判定) or a vendor's pre-answer sheet
/// (事前回答) of one audit, for one named person or organisation, with the master list's items.
/// Its <see cref="Id"/> is derived from all of that, so the same master list, role, name and
/// scale always give the same template id, and any change to them gives another.
/// </summary>
public sealed record TemplateDefinition
{
    /// <summary>The layout version intake knows how to read back exactly.</summary>
    public const int LayoutVersion = TemplateInfo.LayoutVersion;

    /// <summary><see cref="SubmissionRole.Auditor"/> or <see cref="SubmissionRole.Vendor"/>.</summary>
    public required SubmissionRole Role { get; init; }

    public required AuditKey Key { get; init; }

    /// <summary>The auditor (person, optionally with a title in brackets) or the vendor (organisation); null leaves the cell to be filled.</summary>
    public string? Name { get; init; }

    public required IReadOnlyList<TemplateItem> Items { get; init; }

    /// <summary>The judgment scale offered in the 判定 dropdown. Defaults to the seed report's.</summary>
    public JudgmentScale Scale { get; init; } = JudgmentScale.Default;

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The master list the items came from (file name and SHA-256), recorded in the template.</summary>
    public string? MasterFile { get; init; }

    public string? MasterSha256 { get; init; }

    /// <summary>TPL- and 12 hex digits of a hash over layout version, role, audit key, name, scale and items.</summary>
    public string Id
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append(LayoutVersion).Append('\n').Append(Role).Append('\n').Append(Key.TargetKey).Append('\n').Append(Key.FiscalYear).Append('\n')
                .Append(Name ?? "").Append('\n').Append(string.Join("\u001f", Scale.Classes.Select(c => c.Symbol + " " + c.Label))).Append('\n');
            foreach (var i in Items)
                sb.Append(i.Id).Append('\u001f').Append(i.Category).Append('\u001f').Append(i.Text).Append('\u001f').Append(i.Basis).Append('\n');
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
            return "TPL-" + Convert.ToHexString(hash)[..12];
        }
    }

    /// <summary>
    /// A template from a recognised master list: its items in order (repeated ids once), those
    /// the patterns select (none: all). Throws <see cref="ArgumentException"/> when the master
    /// list has no audit key or no items, or when the selection leaves no item.
    /// </summary>
    public static TemplateDefinition FromMaster(Submission master, SubmissionRole role, string? name, IEnumerable<string>? items,
        JudgmentScale scale, DateTimeOffset generatedAt)
    {
        if (role is not (SubmissionRole.Auditor or SubmissionRole.Vendor))
            throw new ArgumentException("A template is for an auditor or a vendor.", nameof(role));
        if (master.Key is null)
            throw new ArgumentException("The master list names no audit (対象業務 and 年度).", nameof(master));
        var selection = ItemSelection.Of(items);
        var chosen = master.Rows.Where(r => !r.IsDuplicate && selection.Includes(r.Id))
            .Select(r => new TemplateItem(r.Id, r.Category?.Text ?? "", r.ItemText?.Text ?? "", r.Basis?.Text ?? ""))
            .ToList();
        if (chosen.Count == 0)
            throw new ArgumentException(selection.IsAll ? "The master list has no items." : $"No item matches {string.Join(", ", selection.Patterns)}.", nameof(items));
        return new TemplateDefinition
        {
            Role = role,
            Key = master.Key,
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            Items = chosen,
            Scale = scale,
            GeneratedAt = generatedAt,
            MasterFile = master.Source.Name,
            MasterSha256 = master.Source.Sha256,
        };
    }

    /// <summary>Item patterns that selected nothing (to warn about), given the master list.</summary>
    public static IReadOnlyList<string> UnmatchedPatterns(Submission master, IEnumerable<string>? items) =>
        ItemSelection.Of(items).Unmatched(master.Rows.Select(r => r.Id).ToList());
}
