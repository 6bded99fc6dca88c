namespace Consolidator.Core.Normalising;

/// <summary>
/// One class of the judgment scale (判定), e.g. 〇 適合. The default scale is the seed
/// report's (SPEC §2); offices configure their own in settings or a 判定基準 sheet.
/// </summary>
public sealed record JudgmentClass
{
    /// <summary>The canonical symbol written to the result (〇, ×, ―). Defaults to the label when a scale has no symbols.</summary>
    public required string Symbol { get; init; }

    /// <summary>The label (適合, 重大な不適合) used in the 総括 table and the sentence.</summary>
    public required string Label { get; init; }

    /// <summary>Other ways to write the symbol (○ ◯ O o for 〇), compared after NFKC, ASCII case ignored.</summary>
    public IReadOnlyList<string> SymbolSpellings { get; init; } = [];

    /// <summary>Other ways to write the label (OK for 適合, 該当なし for 対象外).</summary>
    public IReadOnlyList<string> LabelSpellings { get; init; } = [];

    /// <summary>Higher is more severe. Ignored for the out-of-scope class.</summary>
    public int Severity { get; init; }

    /// <summary>Whether the class is a 指摘事項 (a finding): grouped under 指摘事項 in the table and named in the sentence.</summary>
    public bool IsFinding { get; init; }

    /// <summary>Whether the class says the item does not apply (対象外): never "more severe" than a real judgment.</summary>
    public bool IsOutOfScope { get; init; }

    /// <summary>Whether a finding of this class needs 指摘内容 (△ and × by default).</summary>
    public bool RequiresFinding { get; init; }

    /// <summary>Colour of judgment cells of this class in the result (RGB hex, e.g. F8CBAD).</summary>
    public string? Colour { get; init; }

    /// <summary>What the class means, as the report's judgment-method table states it (判定基準). Defaults to none.</summary>
    public string? Criterion { get; init; }

    public override string ToString() => $"{Symbol} {Label}";
}

/// <summary>How a judgment cell read.</summary>
public enum JudgmentState
{
    Empty,
    Valid,
    Invalid,
    Contradictory,
}

/// <summary>The result of reading one judgment cell.</summary>
public readonly record struct ParsedJudgment(JudgmentState State, JudgmentClass? Class, string Original)
{
    public bool IsValid => State == JudgmentState.Valid;
}

/// <summary>
/// The judgment scale: its classes in table order (out of scope first, then by rising
/// severity), how each is spelled, and which are 指摘事項.
/// </summary>
public sealed class JudgmentScale
{
    private readonly Dictionary<string, JudgmentClass> _symbols = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JudgmentClass> _labels = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _symbolsLongestFirst;

    /// <summary>The scale with more spellings (Recognition:JudgmentSpellings): each taken away from any class that had it.</summary>
    private JudgmentScale(JudgmentScale source, IReadOnlyList<(string Spelling, JudgmentClass Class)> extra)
    {
        Name = source.Name;
        Classes = source.Classes;
        foreach (var (k, v) in source._symbols) _symbols[k] = v;
        foreach (var (k, v) in source._labels) _labels[k] = v;
        Extra = extra;
        foreach (var (spelling, c) in extra)
        {
            var key = Text.Nfkc(spelling);
            _symbols.Remove(key);
            _labels[key] = c;
        }
        _symbolsLongestFirst = _symbols.Keys.Where(k => k.Length > 0).OrderByDescending(k => k.Length).ToArray();
    }

    public JudgmentScale(IEnumerable<JudgmentClass> classes, string name = "custom")
    {
        Name = name;
        var list = classes.ToList();
        if (list.Count == 0) throw new ArgumentException("A judgment scale needs at least one class.", nameof(classes));
        Classes = list.Where(c => c.IsOutOfScope).Concat(list.Where(c => !c.IsOutOfScope).OrderBy(c => c.Severity)).ToList();
        foreach (var c in Classes)
        {
            foreach (var s in c.SymbolSpellings.Prepend(c.Symbol))
                _symbols.TryAdd(Text.Nfkc(s), c);
            foreach (var s in c.LabelSpellings.Prepend(c.Label))
                _labels.TryAdd(Text.Nfkc(s), c);
        }
        _symbolsLongestFirst = _symbols.Keys.Where(k => k.Length > 0).OrderByDescending(k => k.Length).ToArray();
    }

    public string Name { get; }

    /// <summary>Spellings added by <see cref="WithSpellings"/>, each with the class it reads as.</summary>
    public IReadOnlyList<(string Spelling, JudgmentClass Class)> Extra { get; } = [];

    /// <summary>
    /// The scale with an office's own spellings ("Pass" → 〇): each target is a symbol, label or
    /// spelling of this scale; targets it does not know are left out (the settings check names them).
    /// A spelling the scale already reads as another class reads as the given one. The classes stay
    /// the same objects, so results count them as the scale's. No spellings: this scale itself.
    /// </summary>
    public JudgmentScale WithSpellings(IReadOnlyDictionary<string, string>? spellings)
    {
        if (spellings is null || spellings.Count == 0) return this;
        var extra = new List<(string, JudgmentClass)>();
        foreach (var (spelling, target) in spellings)
            if (Text.Nfkc(spelling).Length > 0 && Parse(target) is { IsValid: true, Class: { } c })
                extra.Add((spelling, c));
        return extra.Count == 0 ? this : new JudgmentScale(this, [.. Extra, .. extra]);
    }

    /// <summary>Spellings that say the judgment is still open (?, 未確認): read as 未判定, not as an invalid judgment.</summary>
    public static bool IsPendingSpelling(string? text) => Text.NfkcCollapsed(text) is "?" or "??" or "未確認" or "未判定" or "確認中";

    /// <summary>Classes in the order of the 総括 table: out-of-scope, then least to most severe.</summary>
    public IReadOnlyList<JudgmentClass> Classes { get; }

    /// <summary>The 指摘事項 classes, most severe first: the order of the sentence.</summary>
    public IEnumerable<JudgmentClass> FindingsMostSevereFirst => Classes.Where(c => c.IsFinding).OrderByDescending(c => c.Severity);

    public JudgmentClass? BySymbol(string symbol) => _symbols.GetValueOrDefault(Text.Nfkc(symbol));

    /// <summary>
    /// Reads a judgment cell: the symbol, the label, or both ("△ 不適合", "×（重大な不適合）").
    /// Symbol and label that name different classes are <see cref="JudgmentState.Contradictory"/>;
    /// anything unknown is <see cref="JudgmentState.Invalid"/>; blank is <see cref="JudgmentState.Empty"/> (未判定).
    /// </summary>
    public ParsedJudgment Parse(string? raw) => Parse(raw, null);

    /// <summary>
    /// Reads a judgment cell with a file's own vocabulary on top: <paramref name="overrides"/> maps a
    /// spelling (NFKC, ASCII case ignored) to the class the file's legend gives it, or to null where the
    /// legend gives it a meaning that is no class of the scale (O meaning 適用): such a spelling is invalid,
    /// never read by the scale's default. A spelling of 未判定 (?, 未確認) reads as empty.
    /// </summary>
    public ParsedJudgment Parse(string? raw, IReadOnlyDictionary<string, JudgmentClass?>? overrides)
    {
        var original = raw ?? "";
        var t = Text.NfkcCollapsed(raw);
        if (t.Length == 0) return new(JudgmentState.Empty, null, original);
        if (overrides is not null && overrides.TryGetValue(t, out var o))
            return o is null ? new(JudgmentState.Invalid, null, original) : new(JudgmentState.Valid, o, original);
        if (_symbols.TryGetValue(t, out var c) || _labels.TryGetValue(t, out c))
            return new(JudgmentState.Valid, c, original);
        if (IsPendingSpelling(t)) return new(JudgmentState.Empty, null, original);

        // Symbol and label together, in either order, with or without brackets or a space.
        var parts = new string(t.Select(ch => Text.IsBracket(ch) || ch is '/' or '・' or ':' ? ' ' : ch).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1)
            parts = SplitGlued(parts[0]);
        if (parts.Length == 2)
        {
            var (a, b) = (Lookup(parts[0], overrides), Lookup(parts[1], overrides));
            if (a is not null && b is not null)
                return a == b
                    ? new(JudgmentState.Valid, a, original)
                    : new(JudgmentState.Contradictory, null, original);
        }
        return new(JudgmentState.Invalid, null, original);
    }

    private JudgmentClass? Lookup(string part, IReadOnlyDictionary<string, JudgmentClass?>? overrides)
    {
        if (overrides is not null && overrides.TryGetValue(part, out var o)) return o;
        return _symbols.TryGetValue(part, out var c) || _labels.TryGetValue(part, out c) ? c : null;
    }

    /// <summary>How the scale alone reads a spelling: by a symbol or label spelling, an added spelling, or not at all.</summary>
    internal (JudgmentClass? Class, bool Added) Known(string spelling)
    {
        var t = Text.NfkcCollapsed(spelling);
        if (_symbols.TryGetValue(t, out var c) || _labels.TryGetValue(t, out c))
            return (c, Extra.Any(e => Text.EqualsAsciiIgnoreCase(Text.Nfkc(e.Spelling), t)));
        return (null, false);
    }

    // "×重大な不適合" or "適合〇": a known symbol at either end of one word.
    private string[] SplitGlued(string word)
    {
        foreach (var s in _symbolsLongestFirst)
        {
            if (word.Length <= s.Length) continue;
            if (word.StartsWith(s, StringComparison.OrdinalIgnoreCase) && _labels.ContainsKey(word[s.Length..]))
                return [s, word[s.Length..]];
            if (word.EndsWith(s, StringComparison.OrdinalIgnoreCase) && _labels.ContainsKey(word[..^s.Length]))
                return [word[..^s.Length], s];
        }
        return [word];
    }

    /// <summary>
    /// Several auditors' judgments of one item: the most severe; the out-of-scope class only
    /// when every judgment is out of scope.
    /// </summary>
    public static JudgmentClass MostSevere(IEnumerable<JudgmentClass> judgments)
    {
        var list = judgments.ToList();
        if (list.Count == 0) throw new ArgumentException("No judgments.", nameof(judgments));
        var inScope = list.Where(c => !c.IsOutOfScope).ToList();
        return inScope.Count == 0 ? list[0] : inScope.MaxBy(c => c.Severity)!;
    }

    /// <summary>The seed report's scale (SPEC §2).</summary>
    public static JudgmentScale Default { get; } = new(
    [
        new JudgmentClass { Symbol = "―", Label = "対象外", SymbolSpellings = ["—", "–", "-", "ー", "－", "‐", "−"], LabelSpellings = ["N/A", "NA", "該当なし", "該当無し"], IsOutOfScope = true, Colour = "D9D9D9", Criterion = "監査項目が適用される状況がない。" },
        new JudgmentClass { Symbol = "〇", Label = "適合", SymbolSpellings = ["○", "◯", "O", "o"], LabelSpellings = ["OK"], Severity = 1, Colour = "E2EFDA", Criterion = "情報セキュリティポリシーに準拠し、一般的な水準以上の対策が実施されている。" },
        new JudgmentClass { Symbol = "⦿", Label = "参考意見", SymbolSpellings = ["◎", "◉"], LabelSpellings = ["参考"], Severity = 2, Colour = "DDEBF7", Criterion = "情報セキュリティポリシーの範囲内であるが、総務省のガイドライン等の水準には達していない。" },
        new JudgmentClass { Symbol = "□", Label = "注意事項", SymbolSpellings = ["☐", "▢"], LabelSpellings = ["注意"], Severity = 3, IsFinding = true, Colour = "FFF2CC", Criterion = "情報セキュリティポリシーに反しているが、リスクは小さい。" },
        new JudgmentClass { Symbol = "△", Label = "不適合", SymbolSpellings = ["▵"], Severity = 4, IsFinding = true, RequiresFinding = true, Colour = "FCE4D6", Criterion = "情報セキュリティポリシーに反しており、一定のリスクがある。" },
        new JudgmentClass { Symbol = "×", Label = "重大な不適合", SymbolSpellings = ["✕", "✖", "X", "x"], LabelSpellings = ["重大不適合"], Severity = 5, IsFinding = true, RequiresFinding = true, Colour = "F4B6B6", Criterion = "情報セキュリティポリシーに反しており、リスクが大きい。" },
    ], "default");
}
