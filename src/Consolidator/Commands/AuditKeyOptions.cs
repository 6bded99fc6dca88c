using System.CommandLine;
using System.Globalization;
using Consolidator.Core.Normalising;

namespace Consolidator.Commands;

/// <summary>
/// <c>--target</c> and <c>--year</c>: the audit key of files that name none in their metadata or
/// folder, mapped onto Consolidation:DefaultTarget and Consolidation:DefaultFiscalYear. The year is
/// written as people write it: 2024, 2024年度, 令和6年度, R6.
/// </summary>
internal sealed class AuditKeyOptions
{
    public Option<string?> Target { get; } = new("--target") { Description = "Target system for files that name none (対象業務) / 対象業務の既定値" };
    public Option<string?> Year { get; } = new("--year") { Description = "Fiscal year for files that name none: 2024, 令和6年度, R6 (年度) / 年度の既定値" };

    public void AddTo(Command command)
    {
        command.Options.Add(Target);
        command.Options.Add(Year);
    }

    /// <summary>Adds the options given to <paramref name="overrides"/>; returns an error when the year cannot be read.</summary>
    public string? AddOverrides(ParseResult parse, IDictionary<string, string?> overrides) =>
        AddOverrides(parse.GetValue(Target), parse.GetValue(Year), overrides);

    public static string? AddOverrides(string? target, string? year, IDictionary<string, string?> overrides)
    {
        if (target is not null)
        {
            if (string.IsNullOrWhiteSpace(target)) return "--target: 対象業務が空です / the target system is blank.";
            overrides["Consolidation:DefaultTarget"] = target.Trim();
        }
        if (year is not null)
        {
            if (!JapaneseDates.TryParseFiscalYear(year.Trim(), out var fy))
                return $"--year: 「{year}」は年度として読めません（例: 2024、令和6年度、R6） / '{year}' is not a fiscal year (e.g. 2024, 令和6年度, R6).";
            overrides["Consolidation:DefaultFiscalYear"] = fy.ToString(CultureInfo.InvariantCulture);
        }
        return null;
    }
}
