using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Recognising;

namespace Consolidator.Options;

/// <summary>
/// An office profile (section <c>Recognition</c>): the header names, metadata keys, cover-sheet
/// names and spellings its files use that the built-in lists lack. Each list is added to the
/// built-in synonyms and compared after the same normalisation (NFKC, without spaces, line breaks
/// and brackets); a name given here wins over the built-in kind of the same name (an office whose
/// 項目 is a category lists it under Category). Defaults to none.
/// </summary>
public sealed class RecognitionSettings
{
    /// <summary>
    /// Header names per column kind: Id, ItemText, Category, Basis, Judgment, Finding,
    /// Recommendation, Answer, AnswerDetail, Evidence, Remarks (e.g. <c>"Judgment": ["結果", "チェック"]</c>).
    /// </summary>
    public Dictionary<string, List<string>> Columns { get; set; } = [];

    /// <summary>
    /// Metadata keys per field: Target, FiscalYear, AuditDate, SubmittedOn, Submitter, Auditor,
    /// Vendor, Organisation, Role (e.g. <c>"Auditor": ["テスト実施者名"]</c>).
    /// </summary>
    public Dictionary<string, List<string>> Metadata { get; set; } = [];

    /// <summary>Names of cover sheets whose key/value cells are metadata (e.g. Dashboard), besides 表紙 and 基本情報.</summary>
    public List<string> CoverSheets { get; set; } = [];

    /// <summary>A judgment spelling → a symbol or label of the scale (e.g. <c>"Pass": "〇", "Fail": "△"</c>).</summary>
    public Dictionary<string, string> JudgmentSpellings { get; set; } = [];

    /// <summary>An answer spelling → 実施, 一部実施, 未実施 or 該当なし (e.g. <c>"Compliant": "実施"</c>).</summary>
    public Dictionary<string, string> AnswerSpellings { get; set; } = [];

    public RecognitionProfile ToProfile() => new()
    {
        Columns = Columns.Where(c => Enum.TryParse<ColumnKind>(c.Key, true, out _))
            .ToDictionary(c => Enum.Parse<ColumnKind>(c.Key, true), c => (IReadOnlyList<string>)c.Value.Where(n => !string.IsNullOrWhiteSpace(n)).ToList()),
        Metadata = Metadata.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value.Where(n => !string.IsNullOrWhiteSpace(n)).ToList()),
        CoverSheets = CoverSheets.Where(n => !string.IsNullOrWhiteSpace(n)).ToList(),
        JudgmentSpellings = JudgmentSpellings,
        AnswerSpellings = AnswerSpellings,
    };

    /// <summary>Every problem of the profile, each naming its setting: unknown kinds and fields, blank names, a name under two kinds, targets the scale or the answers do not know.</summary>
    public IReadOnlyList<string> Validate(JudgmentScale scale)
    {
        var errors = new List<string>();
        var kinds = string.Join(", ", Enum.GetNames<ColumnKind>());
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, names) in Columns)
        {
            if (!Enum.TryParse<ColumnKind>(kind, true, out _) || int.TryParse(kind, out _))
                errors.Add($"Recognition:Columns:{kind}: not a column kind; use one of {kinds} / 列の種類が不明です。");
            Names(names, $"Recognition:Columns:{kind}", errors);
            foreach (var n in names.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                var key = Key(n);
                if (seen.TryGetValue(key, out var other) && !other.Equals(kind, StringComparison.OrdinalIgnoreCase))
                    errors.Add($"Recognition:Columns:{kind}: '{n}' is also listed under {other} / 同じ見出し名が {other} にもあります。");
                seen[key] = kind;
            }
        }
        var fields = string.Join(", ", RecognitionProfile.MetadataFields);
        foreach (var (field, names) in Metadata)
        {
            if (!RecognitionProfile.MetadataFields.Contains(field, StringComparer.OrdinalIgnoreCase))
                errors.Add($"Recognition:Metadata:{field}: not a metadata field; use one of {fields} / 項目の種類が不明です。");
            Names(names, $"Recognition:Metadata:{field}", errors);
        }
        Names(CoverSheets, "Recognition:CoverSheets", errors);
        var symbols = string.Join(" ", scale.Classes.Select(c => c.Symbol));
        foreach (var (spelling, target) in JudgmentSpellings)
            if (!scale.Parse(target).IsValid)
                errors.Add($"Recognition:JudgmentSpellings:{spelling}: '{target}' is not a judgment of the scale; give one of {symbols} (or its label) / 判定の区分にない値です。");
        foreach (var (spelling, target) in AnswerSpellings)
            if (VendorAnswers.FromTarget(target) is null)
                errors.Add($"Recognition:AnswerSpellings:{spelling}: '{target}' is not an answer; give 実施, 一部実施, 未実施 or 該当なし / 回答の区分にない値です。");
        return errors;
    }

    private static void Names(List<string> names, string section, List<string> errors)
    {
        for (var i = 0; i < names.Count; i++)
            if (string.IsNullOrWhiteSpace(names[i]))
                errors.Add($"{section}:{i}: blank; give a name as it stands in the files / 名前が空です。");
    }

    private static string Key(string name) =>
        new(name.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());
}
