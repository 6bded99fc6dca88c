using System.Text;

namespace Consolidator.Core.Normalising;

/// <summary>
/// Item ids (項目番号) as people type them: full-width digits, every dash, a "No." prefix.
/// Normalised: NFKC, each dash form to '-', "No." removed, trimmed. The displayed text of a
/// numeric cell is read before this (5.10 stays 5.10), so ids arrive here as text.
/// </summary>
internal static class ItemIds
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
