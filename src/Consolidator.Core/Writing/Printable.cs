using System.Globalization;
using System.Text;

namespace Consolidator.Core.Writing;

/// <summary>
/// The one way a name that came in with a file — a file or folder name, a sheet name, a target
/// system, a submitter — is printed where a person or a program reads lines: log entries, the
/// console, <c>status</c>, mail headers and bodies, error notes. Control characters (line breaks
/// that would forge a log line, ESC and OSC sequences that would recolour or retitle a terminal),
/// formatting characters (bidirectional overrides such as U+202E that disguise an extension,
/// zero-width characters), line and paragraph separators, lone surrogates, private-use and
/// unassigned characters are each shown as '?'; everything else is kept, so Japanese names read
/// as they were written.
/// </summary>
public static class Printable
{
    /// <summary>The name with every character that is not safe to print shown as '?', cut with '…' after <paramref name="max"/> characters.</summary>
    public static string Name(string? name, int max = 200)
    {
        if (string.IsNullOrEmpty(name)) return "";
        if (name.Length <= max && IsPrintable(name)) return name;
        var sb = new StringBuilder(Math.Min(name.Length, max));
        foreach (var rune in name.EnumerateRunes())
        {
            if (sb.Length >= max)
            {
                sb.Append('…');
                break;
            }
            sb.Append(IsSafe(rune) ? rune.ToString() : "?");
        }
        return sb.ToString();
    }

    /// <summary>Text of several lines (a stack trace) printed line by line: the line breaks kept, every other unsafe character shown as '?'.</summary>
    public static string Lines(string? text) =>
        string.IsNullOrEmpty(text) ? "" : string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => Name(l, int.MaxValue)));

    /// <summary>Whether every character of <paramref name="text"/> prints as itself.</summary>
    public static bool IsPrintable(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (!IsSafe(rune)) return false;
        return true;
    }

    private static bool IsSafe(Rune rune) => Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
        or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
}
