using System.Text;

namespace Consolidator.Core.Reading;

/// <summary>
/// Text as the readers hand it on: characters no worksheet can hold (C0 and C1 control
/// characters other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF) removed, so
/// that they reach neither an output workbook (where they make the XML unreadable) nor a console
/// (where escape sequences would act); long text cut at the limit without splitting a surrogate pair.
/// </summary>
internal static class RawText
{
    /// <summary>Longest sheet name kept; Excel allows 31 characters, other writers more.</summary>
    public const int MaxSheetName = 100;

    public static string Clean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsKept(text, i, out var pair)) return Rebuild(text, i);
            if (pair) i++;
        }
        return text;
    }

    /// <summary>The text cut to at most <paramref name="max"/> characters, not inside a surrogate pair.</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }

    /// <summary>A sheet name fit to be shown and written: cleaned, cut, never empty.</summary>
    public static string SheetName(string? name, int index)
    {
        var clean = Clean(name ?? "").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ').Trim();
        if (clean.Length == 0) return $"Sheet{index}";
        return clean.Length > MaxSheetName ? Cut(clean, MaxSheetName - 1) + "…" : clean;
    }

    private static string Rebuild(string text, int first)
    {
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (!IsKept(text, i, out var pair)) continue;
            sb.Append(text[i]);
            if (pair) sb.Append(text[++i]);
        }
        return sb.ToString();
    }

    private static bool IsKept(string text, int i, out bool pair)
    {
        pair = false;
        var ch = text[i];
        if (char.IsHighSurrogate(ch))
        {
            pair = i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            return pair;
        }
        if (char.IsLowSurrogate(ch)) return false;
        if (ch is '\t' or '\n' or '\r') return true;
        if (ch < 0x20 || ch is >= '\u007F' and <= '\u009F') return false;
        return ch is not ('\uFFFE' or '\uFFFF');
    }
}
