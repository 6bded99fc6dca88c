using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>
/// A file's own vocabulary of judgments, on top of the configured scale: what its legends say each
/// spelling means, and what its dropdown on the judgment column offers. A legend meaning that names
/// a class of the scale maps the spelling onto it (x 不適合 → △, though the default reads x as ×); a
/// legend that gives a spelling a label the scale lacks (O 適用) makes that spelling invalid rather
/// than read by the default, unless the office's profile spells it; a legend that only describes a
/// spelling (Pass | 要件は…実装されています。) changes nothing. Order: legend class, then profile,
/// then legend label (invalid), then the scale's own spellings.
/// </summary>
internal sealed class JudgmentVocabulary
{
    private readonly JudgmentScale _scale;
    private readonly Dictionary<string, JudgmentClass?> _overrides = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LegendEntry> _legend = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Value, CellRef Cell)> _dropdown = [];
    private readonly Dictionary<string, (int Cells, CellRef First)> _seen = new(StringComparer.Ordinal);

    public JudgmentVocabulary(JudgmentScale scale, IEnumerable<LegendEntry> legend, IEnumerable<(string Value, CellRef Cell)> dropdown)
    {
        _scale = scale;
        foreach (var e in legend)
        {
            var key = Text.NfkcCollapsed(e.Spelling);
            if (key.Length == 0 || !_legend.TryAdd(key, e)) continue;
            var (known, added) = scale.Known(key);
            if (e.Class is { } k)
            {
                if (k != known) _overrides[key] = k;
            }
            else if (LegendReader.IsLabel(e.Meaning) && !added && LegendReader.MeaningClass(e.Meaning, scale) is null && known is not null
                && !JudgmentScale.IsPendingSpelling(e.Meaning))
            {
                _overrides[key] = null;
            }
        }
        foreach (var d in dropdown)
            if (!_dropdown.Any(x => Text.EqualsAsciiIgnoreCase(x.Value, d.Value))) _dropdown.Add(d);
    }

    public IReadOnlyDictionary<string, JudgmentClass?> Overrides => _overrides;

    public JudgmentScale Scale => _scale;

    /// <summary>Reads one judgment cell and remembers its spelling for <see cref="Mappings"/>.</summary>
    public ParsedJudgment Parse(string? raw, CellRef cell)
    {
        var parsed = _scale.Parse(raw, _overrides.Count == 0 ? null : _overrides);
        var t = Text.NfkcCollapsed(raw);
        if (t.Length > 0)
            _seen[t] = _seen.TryGetValue(t, out var s) ? (s.Cells + 1, s.First) : (1, cell);
        return parsed;
    }

    /// <summary>The legend line that gives a spelling a meaning the scale lacks, for the message of its 不正な判定.</summary>
    public LegendEntry? Unmapped(string? raw) =>
        _overrides.TryGetValue(Text.NfkcCollapsed(raw), out var k) && k is null ? _legend[Text.NfkcCollapsed(raw)] : null;

    /// <summary>Every spelling seen in a judgment cell, in the legend or in the dropdown, with the class it reads as and why.</summary>
    public IReadOnlyList<ScaleMapping> Mappings()
    {
        var list = new List<ScaleMapping>();
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (spelling, (cells, first)) in _seen.OrderByDescending(x => x.Value.Cells).ThenBy(x => x.Key, StringComparer.Ordinal))
        {
            done.Add(spelling);
            list.Add(Mapping(spelling, first, cells));
        }
        foreach (var (spelling, e) in _legend)
            if (done.Add(spelling)) list.Add(Mapping(spelling, e.Cell, 0));
        foreach (var (value, cell) in _dropdown)
            if (done.Add(Text.NfkcCollapsed(value))) list.Add(Mapping(Text.NfkcCollapsed(value), cell, 0));
        return list;
    }

    private ScaleMapping Mapping(string spelling, CellRef cell, int cells)
    {
        var parsed = _scale.Parse(spelling, _overrides.Count == 0 ? null : _overrides);
        var legend = _legend.GetValueOrDefault(spelling);
        var inDropdown = _dropdown.Any(d => Text.EqualsAsciiIgnoreCase(Text.NfkcCollapsed(d.Value), spelling));
        string source;
        if (_overrides.ContainsKey(spelling)) source = parsed.IsValid ? "凡例 legend" : "凡例（判定の区分にない意味） legend, not on the scale";
        else if (_scale.Known(spelling) is { Class: not null, Added: true }) source = "設定 profile";
        else if (parsed.IsValid) source = "判定の区分 scale";
        else if (parsed.State == JudgmentState.Empty) source = "未判定の表記 pending";
        else source = "対応なし not on the scale";
        if (inDropdown) source += " · 入力規則 dropdown";
        if (legend is not null && !_overrides.ContainsKey(spelling)) source += " · 凡例 legend";
        return new ScaleMapping(spelling, parsed.Class?.Symbol, parsed.Class?.Label, source, legend?.Meaning, legend?.Cell ?? cell, cells);
    }
}
