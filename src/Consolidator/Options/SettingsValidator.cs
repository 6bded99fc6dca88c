using System.ComponentModel.DataAnnotations;
using Consolidator.Core.Normalising;
using Consolidator.Core.Reading;

namespace Consolidator.Options;

/// <summary>
/// Checks every setting at start and reports all failures in one message, each naming the
/// setting (as Polly's ValidationHelper does), so a bad deployment says exactly what to fix.
/// </summary>
public static class SettingsValidator
{
    public static IReadOnlyList<string> Validate(PathsSettings paths, ConsolidationSettings consolidation)
    {
        var errors = new List<string>();
        Annotations(consolidation, "Consolidation", errors);
        Annotations(consolidation.Limits, ReadLimits.Section, errors);
        if (TryZone(consolidation.TimeZone) is null)
            errors.Add($"Consolidation:TimeZone: '{consolidation.TimeZone}' is not a known time zone (e.g. Asia/Tokyo) / 不明なタイムゾーンです。");
        if (consolidation.DefaultTarget is { } target && !Core.Writing.OutputNames.IsName(target))
            errors.Add("Consolidation:DefaultTarget: holds only dots, spaces, slashes or invisible characters, which name no target / 対象業務として読める名前ではありません。");
        if (consolidation.Scale is { } scale)
        {
            for (var i = 0; i < scale.Count; i++) Annotations(scale[i], $"Consolidation:Scale:{i}", errors);
            if (scale.Count == 0) errors.Add("Consolidation:Scale: the scale has no classes / 判定の区分が空です。");
            else if (!scale.Any(c => c.IsFinding)) errors.Add("Consolidation:Scale: no class is marked IsFinding (指摘事項) / 指摘事項の区分がありません。");
            foreach (var dup in scale.GroupBy(c => c.Symbol).Where(g => g.Count() > 1))
                errors.Add($"Consolidation:Scale: symbol '{dup.Key}' is used by {dup.Count()} classes / 記号が重複しています。");
        }
        errors.AddRange(consolidation.Recognition.Validate(Scale(consolidation)));
        foreach (var (name, value) in new[] { ("Inbox", paths.Inbox), ("Output", paths.Output), ("Archive", paths.Archive), ("Rejected", paths.Rejected), ("State", paths.State), ("Root", paths.Root) })
            if (value is not null && (value.Length == 0 || value.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
                errors.Add($"Paths:{name}: '{value}' is not a valid path / パスが正しくありません。");
        return errors;
    }

    public static TimeZoneInfo? TryZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public static JudgmentScale Scale(ConsolidationSettings s) =>
        s.Scale is { Count: > 0 } classes ? new JudgmentScale(classes.Select(c => c.ToClass()), "settings") : JudgmentScale.Default;

    /// <summary>The data annotations of one settings object, each broken rule as "Section:Member: message".</summary>
    internal static void Annotations(object instance, string section, List<string> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        foreach (var r in results)
            foreach (var member in r.MemberNames.DefaultIfEmpty(""))
                errors.Add($"{section}:{member}: {r.ErrorMessage}");
    }
}
