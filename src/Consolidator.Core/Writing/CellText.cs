using System.Text;

namespace Consolidator.Core.Writing;

/// <summary>
/// Text made safe for a worksheet cell: characters XML cannot hold are removed (control
/// characters, lone surrogates, U+FFFE/U+FFFF make the file unreadable, or make the writer
/// throw), and text over Excel's 32,767-character limit is cut with a visible "…". Every text a
/// writer puts into a workbook goes through here, including document properties.
/// </summary>
public static class CellText
{
    public const int ExcelLimit = 32_767;

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            bool ok;
            if (char.IsHighSurrogate(ch))
            {
                ok = i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (ok)
                {
                    sb?.Append(ch).Append(text[i + 1]);
                    i++;
                    continue;
                }
            }
            else
            {
                ok = ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD);
            }
            if (ok)
            {
                sb?.Append(ch);
                continue;
            }
            sb ??= new StringBuilder(text, 0, i, text.Length);
        }
        var clean = sb?.ToString() ?? text;
        if (clean.Length <= ExcelLimit) return clean;
        // Cut with a visible mark, never between the halves of a surrogate pair (a lone half is not XML).
        var keep = ExcelLimit - 1;
        if (char.IsHighSurrogate(clean[keep - 1])) keep--;
        return string.Concat(clean.AsSpan(0, keep), "…");
    }

    /// <summary>
    /// Width of text in Excel column units: wide (Japanese) characters count two, the
    /// longest line counts. Used instead of AdjustToContents, which needs GDI+.
    /// </summary>
    public static double DisplayWidth(string? text) => string.IsNullOrEmpty(text) ? 0 : DisplayWidth(text.AsSpan());

    /// <inheritdoc cref="DisplayWidth(string?)"/>
    public static double DisplayWidth(ReadOnlySpan<char> text)
    {
        double widest = 0, current = 0;
        foreach (var ch in text)
        {
            if (ch == '\n')
            {
                widest = Math.Max(widest, current);
                current = 0;
                continue;
            }
            current += IsWide(ch) ? 2 : 1;
        }
        return Math.Max(widest, current);
    }

    private static bool IsWide(char ch) =>
        ch >= 0x1100 && (ch <= 0x115F || ch is >= '\u2E80' and <= '\uA4CF' || ch is >= '\uAC00' and <= '\uD7A3'
            || ch is >= '\uF900' and <= '\uFAFF' || ch is >= '\uFE30' and <= '\uFE4F' || ch is >= '\uFF00' and <= '\uFF60'
            || ch is >= '\uFFE0' and <= '\uFFE6' || ch is >= '\u25A0' and <= '\u27BF' || ch == '\u29BF' || ch == '\u2015' || ch == '\u00D7');
}
