using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Consolidator.Core.Model;

namespace Consolidator.Core.Writing;

/// <summary>
/// Names of what the product writes — output files, archived and rejected copies of inputs,
/// their error files, worksheets — made from text that came in with a file (a target system's
/// name, a submitted file's name), so valid on Windows and Linux whatever that text holds:
/// characters Windows forbids (&lt;&gt;:"/\|?*), control and invisible formatting characters
/// (bidirectional overrides that disguise an extension) are replaced with '_'; no trailing dot or
/// space; no reserved device name (CON, NUL, COM1 …); short enough for both systems (Linux
/// counts 255 bytes of UTF-8, in which a Japanese character takes three). A name that had to be
/// cut keeps a short hash of the whole, so two long names that share a beginning stay apart.
/// </summary>
public static class OutputNames
{
    /// <summary>
    /// Longest name in UTF-8 bytes, extension included. 255 is the limit on Linux; the rest is
    /// room for the temporary name a file is written under before it is renamed into place.
    /// </summary>
    public const int MaxNameBytes = 200;

    /// <summary>Excel's limit on a worksheet name.</summary>
    public const int MaxSheetName = 31;

    private static readonly string[] Reserved =
    [
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    ];

    private const string ResultSuffix = "_監査結果";

    public static string ResultWorkbook(AuditKey key) => ResultStem(key) + ".xlsx";

    public static string ResultCsv(AuditKey key) => ResultStem(key) + ".csv";

    public const string Overview = "監査結果一覧.xlsx";

    /// <summary>
    /// A name safe on Windows and Linux, at most <paramref name="maxLength"/> characters and
    /// <see cref="MaxNameBytes"/> bytes; cut names end in '~' and 8 hex digits of the whole name's hash.
    /// </summary>
    public static string Safe(string name, int maxLength = 120) => Fit(Replace(name), maxLength, MaxNameBytes, name);

    /// <summary>
    /// A submitted file's name made safe to store (archive/, rejected/), its extension kept when it
    /// is a plain one: <c>チェックリスト.xlsx</c> stays as it is, <c>a:b?.xlsx</c> becomes <c>a_b_.xlsx</c>.
    /// </summary>
    public static string SafeFileName(string fileName, int maxBytes = MaxNameBytes)
    {
        var ext = Path.GetExtension(fileName);
        if (ext.Length is < 2 or > 10 || !ext.Skip(1).All(char.IsAsciiLetterOrDigit)) ext = "";
        var stem = fileName[..^ext.Length];
        var room = maxBytes - Encoding.UTF8.GetByteCount(ext);
        return Fit(Replace(stem), int.MaxValue, room, fileName) + ext;
    }

    /// <summary>The error file that goes beside a refused file: <c>&lt;safe name&gt;.error.txt</c>, within the length limit.</summary>
    public static string ErrorFile(string fileName) => SafeFileName(fileName, MaxNameBytes - ".error.txt".Length) + ".error.txt";

    /// <summary>
    /// A worksheet name Excel accepts: none of []:*?/\ or control characters, not starting or ending
    /// with an apostrophe, not "History" (reserved by Excel), at most 31 characters, and not one of
    /// <paramref name="taken"/> (compared as Excel does, ignoring case): " (2)", " (3)" … is added.
    /// </summary>
    public static string Sheet(string name, IEnumerable<string>? taken = null)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
            sb.Append(IsInvisible(rune) || "[]:*?/\\".Contains(rune.ToString(), StringComparison.Ordinal) ? "_" : rune.ToString());
        var s = sb.ToString().Trim().Trim('\'');
        if (s.Length == 0 || s.Equals("History", StringComparison.OrdinalIgnoreCase)) s = "_" + s;
        s = CutRunes(s, MaxSheetName, int.MaxValue);
        var used = new HashSet<string>(taken ?? [], StringComparer.OrdinalIgnoreCase);
        if (!used.Contains(s)) return s;
        for (var i = 2; ; i++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $" ({i})");
            var candidate = CutRunes(s, MaxSheetName - suffix.Length, int.MaxValue).TrimEnd('\'') + suffix;
            if (!used.Contains(candidate)) return candidate;
        }
    }

    private static string ResultStem(AuditKey key)
    {
        var tail = $"_{key.FiscalYearLabel}{ResultSuffix}";
        var room = MaxNameBytes - Encoding.UTF8.GetByteCount(tail) - ".xlsx".Length;
        // Only the whole name can be a reserved device name (CON_令和5年度_監査結果 is not).
        var target = Fit(ReplaceCharacters(key.Target), 120 - tail.Length, room, key.Target);
        return Safe(target + tail);
    }

    private static string Replace(string name)
    {
        var s = ReplaceCharacters(name);
        if (s.Length == 0) s = "_";
        if (Reserved.Contains(s.Split('.')[0].TrimEnd(' '), StringComparer.OrdinalIgnoreCase)) s = "_" + s;
        return s;
    }

    private static string ReplaceCharacters(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
            sb.Append(IsInvisible(rune) || "<>:\"/\\|?*".Contains(rune.ToString(), StringComparison.Ordinal) ? "_" : rune.ToString());
        return sb.ToString().Trim().TrimEnd('.', ' ');
    }

    /// <summary>Control, formatting (bidirectional overrides, zero-width), unassigned and replacement characters.</summary>
    private static bool IsInvisible(Rune rune) =>
        rune.Value == 0xFFFD || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator;

    private static string Fit(string s, int maxChars, int maxBytes, string original)
    {
        if (s.Length <= maxChars && Encoding.UTF8.GetByteCount(s) <= maxBytes) return s;
        var hash = "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original)))[..8];
        var cut = CutRunes(s, maxChars - hash.Length, maxBytes - hash.Length).TrimEnd('.', ' ');
        return cut + hash;
    }

    /// <summary>The longest prefix of whole characters within both bounds.</summary>
    private static string CutRunes(string s, int maxChars, int maxBytes)
    {
        var chars = 0;
        var bytes = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            if (chars + rune.Utf16SequenceLength > maxChars || bytes + rune.Utf8SequenceLength > maxBytes) break;
            chars += rune.Utf16SequenceLength;
            bytes += rune.Utf8SequenceLength;
        }
        return s[..chars];
    }
}
