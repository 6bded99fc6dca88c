namespace Consolidator.Core.Normalising;

/// <summary>A vendor's pre-answer (事前回答), normalised.</summary>
public enum VendorAnswer
{
    /// <summary>未回答: the cell was left blank.</summary>
    NoAnswer,
    /// <summary>実施</summary>
    Implemented,
    /// <summary>一部実施</summary>
    Partial,
    /// <summary>未実施</summary>
    NotImplemented,
    /// <summary>該当なし</summary>
    NotApplicable,
    /// <summary>Text that is none of the above; the original is kept.</summary>
    Invalid,
}

/// <summary>
/// Vendor answers as people write them: はい / Yes / 実施済 / 対応済 / ○ → 実施;
/// いいえ / No / × → 未実施; 対象外 / N/A / ― → 該当なし; blank → 未回答 (SPEC §3).
/// </summary>
public static class VendorAnswers
{
    private static readonly Dictionary<string, VendorAnswer> Spellings = Build();

    public static VendorAnswer Parse(string? raw) => Parse(raw, null);

    /// <summary>
    /// Reads an answer with an office's own spellings on top (Recognition:AnswerSpellings, keys NFKC,
    /// ASCII case ignored), which win over the built-in ones.
    /// </summary>
    public static VendorAnswer Parse(string? raw, IReadOnlyDictionary<string, VendorAnswer>? extra)
    {
        var t = Text.NfkcCollapsed(raw);
        if (t.Length == 0) return VendorAnswer.NoAnswer;
        if (extra is not null && extra.TryGetValue(t, out var a)) return a;
        if (Spellings.TryGetValue(t, out a)) return a;
        // "実施（一部委託先）", "〇 実施": take a leading known word or symbol.
        var head = t.Split([' ', '(', '（', '、', ',', '。'], StringSplitOptions.RemoveEmptyEntries);
        if (head.Length > 0 && head[0] != t && (extra is not null && extra.TryGetValue(head[0], out a) || Spellings.TryGetValue(head[0], out a))) return a;
        return VendorAnswer.Invalid;
    }

    /// <summary>An answer named by its label (実施, 一部実施, 未実施, 該当なし) or any built-in spelling; null for anything else.</summary>
    public static VendorAnswer? FromTarget(string? target) =>
        Parse(target) is var a && a is not (VendorAnswer.Invalid or VendorAnswer.NoAnswer) ? a : null;

    /// <summary>The Japanese word written to the result: 実施, 一部実施, 未実施, 該当なし, 未回答.</summary>
    public static string Label(this VendorAnswer answer) => answer switch
    {
        VendorAnswer.Implemented => "実施",
        VendorAnswer.Partial => "一部実施",
        VendorAnswer.NotImplemented => "未実施",
        VendorAnswer.NotApplicable => "該当なし",
        VendorAnswer.NoAnswer => "未回答",
        _ => "不正な回答",
    };

    private static Dictionary<string, VendorAnswer> Build()
    {
        var d = new Dictionary<string, VendorAnswer>(StringComparer.OrdinalIgnoreCase);
        void Add(VendorAnswer a, params string[] words)
        {
            foreach (var w in words) d[Text.Nfkc(w)] = a;
        }
        Add(VendorAnswer.Implemented, "実施", "実施済", "実施済み", "実施している", "対応済", "対応済み", "済", "はい", "Yes", "Y", "○", "〇", "◯", "O", "有", "あり");
        Add(VendorAnswer.Partial, "一部実施", "一部", "一部対応", "一部実施済", "一部実施済み", "部分的に実施", "△");
        Add(VendorAnswer.NotImplemented, "未実施", "未対応", "実施していない", "いいえ", "No", "N", "×", "✕", "✖", "X", "無", "なし");
        Add(VendorAnswer.NotApplicable, "該当なし", "該当無し", "非該当", "対象外", "N/A", "NA", "―", "—", "–", "-", "ー", "－");
        return d;
    }
}
