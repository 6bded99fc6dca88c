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
    private const string ReportSuffix = "_監査報告書案";

    /// <summary>The audit's result workbook: the name the consolidation gave it (<see cref="Assign"/>), unique among its audits.</summary>
    public static string ResultWorkbook(AuditResult audit) => (audit.OutputStem ?? ResultStem(audit.Key)) + ".xlsx";

    /// <summary>The audit's item list as CSV, beside its workbook.</summary>
    public static string ResultCsv(AuditResult audit) => (audit.OutputStem ?? ResultStem(audit.Key)) + ".csv";

    /// <summary>
    /// The audit report draft beside the result: <c>&lt;対象業務&gt;_&lt;年度&gt;_監査報告書案.docx</c>, named
    /// as its workbook is (unique among the audits, <see cref="Assign"/>), so never another audit's.
    /// </summary>
    public static string ReportDocument(AuditResult audit)
    {
        var stem = audit.OutputStem ?? ResultStem(audit.Key);
        return (stem.EndsWith(ResultSuffix, StringComparison.Ordinal) ? stem[..^ResultSuffix.Length] : stem) + ReportSuffix + ".docx";
    }

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

    /// <summary>
    /// The result names (without extension) of the audits of one consolidation, distinct by
    /// construction however their targets are spelt. Each key is first given its plain name,
    /// <c>&lt;target&gt;_&lt;year&gt;_監査結果</c>. Names are then compared as NTFS and SMB shares compare
    /// them (<see cref="SameOnShares"/>), after every replacement the cleaning makes: 「庶務事務システム.」
    /// loses its dot, 「庶務/事務」 becomes 「庶務_事務」, and ABC meets abc. Of each group that would
    /// share a file, the key whose target needed no cleaning (ordinal order among several) keeps the
    /// plain name; every other gets the hash of its own key after the target
    /// (<c>庶務事務システム~1a2b3c4d_令和5年度_監査結果</c>), so its name does not change with the order
    /// files arrive in. Each member of such a group comes back with the others it collided with.
    /// </summary>
    public static IReadOnlyDictionary<AuditKey, ResultName> Assign(IEnumerable<AuditKey> keys)
    {
        var distinct = keys.Distinct().OrderBy(k => k.FiscalYear).ThenBy(k => k.TargetKey, StringComparer.Ordinal).ToList();
        var plain = distinct.ToDictionary(k => k, ResultStem);
        var names = new Dictionary<AuditKey, ResultName>();
        var taken = new HashSet<string>(SharesComparer.Instance);
        var groups = distinct.GroupBy(k => plain[k], SharesComparer.Instance).ToList();
        // Plain names first, so a name given with a hash never takes one an audit holds plainly.
        foreach (var g in groups)
        {
            var keeper = g.OrderBy(k => NeedsCleaning(k.Target)).ThenBy(k => k.Target, StringComparer.Ordinal).First();
            taken.Add(plain[keeper]);
            names[keeper] = new ResultName(plain[keeper], plain[keeper], g.Where(k => !k.Equals(keeper)).ToList());
        }
        foreach (var g in groups.Where(g => g.Count() > 1))
        {
            foreach (var k in g.Where(k => !names.ContainsKey(k)).OrderBy(k => k.Target, StringComparer.Ordinal))
            {
                var stem = ResultStem(k, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(k.TargetKey)))[..8]);
                // Eight hex digits of two keys' hashes meeting, or a target spelt as another's hashed name: counted on.
                for (var n = 2; taken.Contains(stem); n++) stem = ResultStem(k, string.Create(CultureInfo.InvariantCulture, $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(k.TargetKey)))[..8]}-{n}"));
                taken.Add(stem);
                names[k] = new ResultName(stem, plain[k], g.Where(o => !o.Equals(k)).ToList());
            }
        }
        return names;
    }

    /// <summary>
    /// Whether two names are one file on an NTFS volume or an SMB share: NTFS compares names by
    /// upper-casing each UTF-16 unit through its case table (one-to-one, no normalisation: Ａ is ａ,
    /// Σ is σ and ς, but ß is not SS), Windows SMB servers serve it as it is and Samba emulates it.
    /// Invariant upper-casing per unit is that table as .NET knows it; where it folds more, two names
    /// are kept apart that a share would not have mixed, never the reverse.
    /// </summary>
    public static bool SameOnShares(string a, string b) => SharesComparer.Instance.Equals(a, b);

    /// <summary>
    /// Whether a target names anything: one made only of dots, spaces, slashes, the characters a file
    /// name cannot hold or invisible characters (「.」, 「／」, 「　」, a zero-width space) is no target.
    /// </summary>
    public static bool IsName(string? target)
    {
        if (string.IsNullOrEmpty(target)) return false;
        foreach (var rune in target.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (IsInvisible(rune) || "<>:\"/\\|?*".Contains(rune.ToString(), StringComparison.Ordinal)) continue;
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.OtherSymbol)
                return true;
        }
        return false;
    }

    /// <summary>The plain result name of one key, as if it were the only audit.</summary>
    internal static string ResultStem(AuditKey key) => ResultStem(key, null);

    private static string ResultStem(AuditKey key, string? hash)
    {
        var tail = $"_{key.FiscalYearLabel}{ResultSuffix}";
        var room = MaxNameBytes - Encoding.UTF8.GetByteCount(tail) - ".xlsx".Length;
        var cleaned = ReplaceCharacters(key.Target);
        // Only the whole name can be a reserved device name (CON_令和5年度_監査結果 is not).
        var target = hash is null
            ? Fit(cleaned, 120 - tail.Length, room, key.Target)
            : CutRunes(cleaned, 120 - tail.Length - hash.Length - 1, room - hash.Length - 1).TrimEnd('.', ' ') + "~" + hash;
        return Safe(target + tail);
    }

    private static bool NeedsCleaning(string target) => ReplaceCharacters(target) != target;

    /// <summary>Names compared unit by unit after invariant upper-casing, as NTFS compares them.</summary>
    private sealed class SharesComparer : IEqualityComparer<string>
    {
        public static readonly SharesComparer Instance = new();

        public bool Equals(string? x, string? y) => x is null || y is null ? ReferenceEquals(x, y) : Fold(x) == Fold(y);

        public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Fold(obj));

        private static string Fold(string s) => string.Create(s.Length, s, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++) span[i] = char.ToUpperInvariant(s[i]);
        });
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

/// <summary>
/// An audit's result name within its consolidation: <paramref name="Stem"/> is what it is written
/// as, <paramref name="Plain"/> the name its target alone would give, and <paramref name="CollidedWith"/>
/// the other audits whose names would have been the same file on a share (empty when none).
/// </summary>
public sealed record ResultName(string Stem, string Plain, IReadOnlyList<AuditKey> CollidedWith);

