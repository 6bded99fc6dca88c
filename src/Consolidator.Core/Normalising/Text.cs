using System.Text;

namespace Consolidator.Core.Normalising;

/// <summary>Small text helpers shared by the recognisers and normalisers.</summary>
internal static class Text
{
    /// <summary>NFKC, trimmed (including full-width spaces, which NFKC turns into ASCII spaces).</summary>
    public static string Nfkc(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.Length > ShortText) return text.Normalize(NormalizationForm.FormKC).Trim();
        // Short texts (judgments, answers, ids, headers) repeat on every row of every file; ICU's
        // normalisation of each was a noticeable part of reading (README, Performance).
        if (ShortNfkc.TryGetValue(text, out var known)) return known;
        var normalised = text.Normalize(NormalizationForm.FormKC).Trim();
        if (ShortNfkc.Count < ShortCacheSize) ShortNfkc.TryAdd(text, normalised);
        return normalised;
    }

    private const int ShortText = 24;
    private const int ShortCacheSize = 50_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> ShortNfkc = new(StringComparer.Ordinal);

    /// <summary>NFKC with every run of white space (line breaks included) collapsed to one space.</summary>
    public static string NfkcCollapsed(string? text) => Collapsed(Nfkc(text));

    /// <summary>The text as written, trimmed, with every run of white space collapsed to one space (no NFKC: ㈱ stays ㈱).</summary>
    public static string Collapsed(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0 || !NeedsCollapsing(t)) return t;
        var sb = new StringBuilder(t.Length);
        var space = false;
        foreach (var ch in t)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    // Most texts hold no white space but single ASCII spaces: they are returned as they are, not copied.
    private static bool NeedsCollapsing(string t)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var ch = t[i];
            if (ch == ' ' ? i + 1 < t.Length && char.IsWhiteSpace(t[i + 1]) : char.IsWhiteSpace(ch)) return true;
        }
        return false;
    }

    /// <summary>
    /// The form a column header or a metadata key is compared in: NFKC, without spaces,
    /// line breaks, brackets or trailing colons; ASCII upper-cased.
    /// </summary>
    public static string HeaderKey(string? text)
    {
        var t = Nfkc(text);
        var sb = new StringBuilder(t.Length);
        foreach (var ch in t)
        {
            if (char.IsWhiteSpace(ch) || IsBracket(ch)) continue;
            sb.Append(ch is >= 'a' and <= 'z' ? (char)(ch - 32) : ch);
        }
        while (sb.Length > 0 && sb[^1] is ':' or '：' or '*' or '※') sb.Length--;
        return sb.ToString();
    }

    /// <summary>The header key with the bracketed part removed: 判定（〇/△/×） → 判定.</summary>
    public static string HeaderKeyWithoutBracketed(string? text)
    {
        var t = Nfkc(text);
        var sb = new StringBuilder(t.Length);
        var depth = 0;
        foreach (var ch in t)
        {
            if (IsOpeningBracket(ch)) { depth++; continue; }
            if (IsClosingBracket(ch)) { if (depth > 0) depth--; continue; }
            if (depth == 0) sb.Append(ch);
        }
        return HeaderKey(sb.ToString());
    }

    public static bool IsBracket(char ch) => IsOpeningBracket(ch) || IsClosingBracket(ch);

    private static bool IsOpeningBracket(char ch) => ch is '(' or '[' or '{' or '<' or '（' or '［' or '【' or '「' or '『' or '〈' or '《' or '〔' or '｛';

    private static bool IsClosingBracket(char ch) => ch is ')' or ']' or '}' or '>' or '）' or '］' or '】' or '」' or '』' or '〉' or '》' or '〕' or '｝';

    /// <summary>Removes one trailing bracketed part: 高橋 美咲（監査人） → (高橋 美咲, 監査人).</summary>
    public static (string Main, string? Bracketed) SplitTrailingBracket(string text)
    {
        var t = text.Trim();
        if (t.Length < 2 || !IsClosingBracket(t[^1])) return (t, null);
        var open = t.LastIndexOfAny(['(', '（', '[', '【', '［', '〔']);
        if (open <= 0) return (t, null);
        return (t[..open].Trim(), t[(open + 1)..^1].Trim());
    }

    /// <summary>Case-insensitive for ASCII letters only, ordinal otherwise.</summary>
    public static bool EqualsAsciiIgnoreCase(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
