using System.Text;
using System.Text.RegularExpressions;

namespace Consolidator.Core.Normalising;

/// <summary>
/// Item ids (項目番号) as people type them: full-width digits, every dash, a "No." prefix.
/// Normalised: NFKC, each dash form to '-', "No." removed, trimmed. The displayed text of a
/// numeric cell is read before this (5.10 stays 5.10), so ids arrive here as text.
/// </summary>
internal static partial class ItemIds
{
    // Dash forms beyond ASCII '-' that NFKC leaves alone (it already maps U+FF0D and U+FE63).
    private const string Dashes = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\uFE58\u30FC\uFF70\u2500\u2501";

    public static string Normalise(string? raw)
    {
        var t = Text.Nfkc(raw);
        if (t.Length == 0) return "";
        var sb = new StringBuilder(t.Length);
        foreach (var ch in t)
        {
            if (Dashes.Contains(ch)) sb.Append('-');
            else if (!char.IsWhiteSpace(ch)) sb.Append(ch);
        }
        var s = sb.ToString();
        s = StripPrefix(s);
        return s.Trim('.', ':', '-');
    }

    private static string StripPrefix(string s)
    {
        // "No.1.2", "NO1-2", "№3" (NFKC turns № into "No")
        if (s.Length > 2 && (s[0] is 'N' or 'n') && (s[1] is 'o' or 'O'))
        {
            var rest = s[2..].TrimStart('.', ':');
            if (rest.Length > 0 && char.IsDigit(rest[0])) return rest;
        }
        return s;
    }

    /// <summary>
    /// Whether a normalised id looks like an id at all: it holds a digit. Legend rows put a
    /// judgment symbol (〇, ―) in the id column and notes rows put ※ text there; neither is an item.
    /// </summary>
    public static bool LooksLikeId(string normalised) =>
        normalised.Length is > 0 and <= 40 && normalised.Any(char.IsAsciiDigit);

    /// <summary>
    /// Whether a normalised id is an id and nothing else: segments of ASCII letters and digits (or a
    /// single letter such as ア) joined by - . _ ( ) /, holding a digit — 1, 1-1, 1.2.3, 2.10, A-3, SEC-01,
    /// MSTG-ARCH-1, 1-(1)-ア. Words (5技術的セキュリティ) are not ids.
    /// </summary>
    public static bool IsIdToken(string normalised)
    {
        if (normalised.Length is 0 or > 24 || !normalised.Any(char.IsAsciiDigit)) return false;
        var letters = 0;
        var segment = 0;
        var wide = false;
        foreach (var ch in normalised)
        {
            if (ch is '-' or '.' or '_' or '(' or ')' or '/' or '#')
            {
                segment = 0;
                wide = false;
                continue;
            }
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (wide) return false;
                if (char.IsAsciiLetter(ch)) letters++;
                segment++;
                continue;
            }
            // One letter of another script as a segment of its own: 1-(1)-ア, イ-2.
            if (!char.IsLetter(ch) || segment > 0) return false;
            wide = true;
            segment++;
        }
        return letters <= 12;
    }

    /// <summary>
    /// A heading written in the id column: 【3】物理的セキュリティ, 第5章 技術的対策, "1.1.1: アクセス制御",
    /// "5 技術的セキュリティ", "A.5 情報セキュリティのための方針群" — a number (its id) and words. Returns the
    /// id part (normalised; 【3】 → 3, 第5章 as written) and the words, or null when the text is an id
    /// alone, words alone or neither.
    /// </summary>
    public static (string Id, string Words, string Style)? SplitHeading(string? raw)
    {
        var t = Text.NfkcCollapsed(raw);
        if (t.Length is < 2 or > 200) return null;
        var m = Chapter().Match(t);
        if (m.Success) return (m.Groups["id"].Value.Replace(" ", ""), m.Groups["words"].Value.Trim(), "第9" + m.Groups["unit"].Value);
        m = Lenticular().Match(t);
        if (m.Success && m.Groups["id"].Value.Trim().Length > 0)
            return (Normalise(m.Groups["id"].Value), m.Groups["words"].Value.Trim(), "【" + Style(Normalise(m.Groups["id"].Value)) + "】");
        m = NumberAndWords().Match(t);
        if (m.Success && IsIdToken(Normalise(m.Groups["id"].Value)) && m.Groups["words"].Value.Count(char.IsLetter) >= 2)
        {
            var id = Normalise(m.Groups["id"].Value);
            return (id, m.Groups["words"].Value.Trim(), Style(id));
        }
        return null;
    }

    /// <summary>The numbers of an id in order: 1.2.3 → [1, 2, 3], V1 → [1], A.5.1 → [5, 1].</summary>
    public static IReadOnlyList<string> Numbers(string normalised) =>
        Digits().Matches(normalised).Select(m => m.Value.TrimStart('0') is { Length: > 0 } v ? v : "0").ToList();

    /// <summary>Whether <paramref name="child"/> numbers a level below <paramref name="parent"/>: V1 → 1.1, 1 → 1-2, A.5 → A.5.1.</summary>
    public static bool Extends(string parent, string child)
    {
        var p = Numbers(parent);
        var c = Numbers(child);
        if (p.Count == 0 || c.Count <= p.Count) return false;
        for (var i = 0; i < p.Count; i++)
            if (p[i] != c[i]) return false;
        return true;
    }

    /// <summary>The shape of an id, by which heading levels are told apart: digits as 9, letters as A (1.1 → 9.9, V1 → A9).</summary>
    public static string Style(string normalised)
    {
        var sb = new StringBuilder(normalised.Length);
        foreach (var ch in normalised)
        {
            var c = char.IsAsciiDigit(ch) ? '9' : char.IsAsciiLetter(ch) ? 'A' : ch;
            if (sb.Length > 0 && sb[^1] == c && c is '9' or 'A') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^(?<id>第\s*(?:[0-9]+|[一二三四五六七八九十百]+)\s*(?<unit>[章節部編款]))\s*[:：.、]?\s*(?<words>.*)$")]
    private static partial Regex Chapter();

    [GeneratedRegex(@"^[【\[［](?<id>[^】\]］]{1,12})[】\]］]\s*(?<words>.*)$")]
    private static partial Regex Lenticular();

    [GeneratedRegex(@"^(?<id>[0-9A-Za-z][0-9A-Za-z.\-_()]*?)[.)]?\s*(?:[:：]\s*|\s+)(?<words>\S.*)$")]
    private static partial Regex NumberAndWords();

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex Digits();

    /// <summary>Orders ids as people read them: 1-2 before 1-10, L-02 before L-10.</summary>
    public static int CompareNatural(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                int si = i, sj = j;
                while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                var na = a[si..i].TrimStart('0');
                var nb = b[sj..j].TrimStart('0');
                if (na.Length != nb.Length) return na.Length.CompareTo(nb.Length);
                var c = string.CompareOrdinal(na, nb);
                if (c != 0) return c;
                c = (i - si).CompareTo(j - sj);
                if (c != 0) return c;
            }
            else
            {
                var c = a[i].CompareTo(b[j]);
                if (c != 0) return c;
                i++;
                j++;
            }
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }

    public static readonly IComparer<string> NaturalComparer = Comparer<string>.Create(CompareNatural);
}
