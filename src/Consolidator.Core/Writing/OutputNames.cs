using System.Text;
using Consolidator.Core.Model;

namespace Consolidator.Core.Writing;

/// <summary>Output file names: from target and year, valid on Windows (&lt;&gt;:"/\|?* and control characters replaced, no trailing dot or space, not a reserved device name, not too long).</summary>
public static class OutputNames
{
    private static readonly string[] Reserved = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    public static string ResultWorkbook(AuditKey key) => Safe($"{key.Target}_{key.FiscalYearLabel}_監査結果") + ".xlsx";

    public static string ResultCsv(AuditKey key) => Safe($"{key.Target}_{key.FiscalYearLabel}_監査結果") + ".csv";

    public const string Overview = "監査結果一覧.xlsx";

    /// <summary>A name safe on Windows and Linux, at most <paramref name="maxLength"/> characters.</summary>
    public static string Safe(string name, int maxLength = 120)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name.Normalize(NormalizationForm.FormC))
            sb.Append(ch < 0x20 || "<>:\"/\\|?*".Contains(ch) ? '_' : ch);
        var s = sb.ToString().Trim().TrimEnd('.', ' ');
        if (s.Length == 0) s = "_";
        if (Reserved.Contains(s.Split('.')[0], StringComparer.OrdinalIgnoreCase)) s = "_" + s;
        if (s.Length > maxLength)
        {
            s = s[..maxLength];
            if (char.IsHighSurrogate(s[^1])) s = s[..^1];
        }
        return s;
    }
}
