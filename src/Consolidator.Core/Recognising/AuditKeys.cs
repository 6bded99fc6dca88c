using System.Text.RegularExpressions;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>
/// The audit key (target system, fiscal year) from a folder path when a file's metadata
/// lacks it: 庶務事務システム_令和5年度/…, 令和5年度/庶務事務システム/…, 庶務事務システム（R5）/….
/// A folder without a year is an organisation's folder (監査室, 人事課), not a target.
/// </summary>
internal static partial class AuditKeys
{
    public static (string? Target, int? FiscalYear) FromFolders(IReadOnlyList<string> folders)
    {
        for (var i = folders.Count - 1; i >= 0; i--)
        {
            var segment = Text.NfkcCollapsed(folders[i]);
            var m = YearInText().Match(segment);
            if (!m.Success || !JapaneseDates.TryParseFiscalYear(m.Value, out var year)) continue;
            var rest = Separators().Replace(segment.Remove(m.Index, m.Length), " ").Trim();
            if (rest.Length > 0) return (rest, year);
            // The year alone: the target is the folder inside it, else the one around it.
            if (i + 1 < folders.Count) return (Text.NfkcCollapsed(folders[i + 1]), year);
            if (i > 0) return (Text.NfkcCollapsed(folders[i - 1]), year);
            return (null, year);
        }
        return (null, null);
    }

    [GeneratedRegex(@"(令和|平成)(元|\d{1,2})年度?|(?<![A-Za-z0-9])[RH]\d{1,2}(年度)?(?![0-9])|(?<!\d)(19|20)\d{2}年度?(?!\d)")]
    private static partial Regex YearInText();

    [GeneratedRegex(@"[\s_\-－―・()（）\[\]【】]+")]
    private static partial Regex Separators();
}
