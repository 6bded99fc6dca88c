using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>
/// The words recognition looks for, built once per profile: column headers (SPEC §3 and the
/// profile's Recognition:Columns), metadata keys (and Recognition:Metadata), cover-sheet names
/// (and Recognition:CoverSheets), answer spellings (and Recognition:AnswerSpellings). Headers and
/// keys are compared in <see cref="Text.HeaderKey"/> form; a profile name wins over a built-in one.
/// </summary>
internal sealed class Lexicon
{
    private readonly Dictionary<string, ColumnKind> _columns = ColumnSynonyms.Defaults();
    private readonly Dictionary<string, MetaKey> _keys = MetadataReader.DefaultKeys();
    private readonly List<string> _coverSheets = [.. MetadataReader.CoverSheetNames];

    public Lexicon(RecognitionProfile profile)
    {
        foreach (var (kind, names) in profile.Columns)
            foreach (var n in names)
                if (Text.HeaderKey(n) is { Length: > 0 } key) _columns[key] = kind;
        foreach (var (field, names) in profile.Metadata)
        {
            if (!Enum.TryParse<MetaKey>(field, ignoreCase: true, out var k)) continue;
            foreach (var n in names)
                if (Text.HeaderKey(n) is { Length: > 0 } key) _keys[key] = k;
        }
        _coverSheets.AddRange(profile.CoverSheets.Select(Text.Nfkc).Where(n => n.Length > 0));
        var answers = new Dictionary<string, VendorAnswer>(StringComparer.OrdinalIgnoreCase);
        foreach (var (spelling, target) in profile.AnswerSpellings)
            if (VendorAnswers.FromTarget(target) is { } a && Text.NfkcCollapsed(spelling) is { Length: > 0 } s) answers[s] = a;
        Answers = answers;
    }

    public static Lexicon Default { get; } = new(RecognitionProfile.Empty);

    /// <summary>The profile's answer spellings (NFKC, ASCII case ignored).</summary>
    public IReadOnlyDictionary<string, VendorAnswer> Answers { get; }

    /// <summary>The column kind a header names, after NFKC without spaces and brackets; 判定（〇/△/×） is 判定.</summary>
    public ColumnKind? Column(string? header)
    {
        var key = Text.HeaderKey(header);
        if (key.Length == 0 || key.Length > 40) return null;
        if (_columns.TryGetValue(key, out var kind)) return kind;
        var stripped = Text.HeaderKeyWithoutBracketed(header);
        if (stripped.Length > 0 && _columns.TryGetValue(stripped, out kind)) return kind;
        return null;
    }

    public MetaKey? MetaKey(string? text) => _keys.TryGetValue(Text.HeaderKey(text), out var k) ? k : null;

    /// <summary>Whether a sheet is a cover sheet (表紙, 基本情報, a profile's Dashboard …) by its name.</summary>
    public bool IsCoverSheet(string name)
    {
        var n = Text.Nfkc(name);
        return _coverSheets.Any(c => n.Contains(c, StringComparison.OrdinalIgnoreCase));
    }
}
