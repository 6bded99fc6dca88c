namespace Consolidator.Inbox;

/// <summary>
/// Lists the files waiting in a folder (and its subfolders, one per organisation is common),
/// leaving out what is not a submission: Excel's owner files (~$name.xlsx), LibreOffice lock
/// files (.~lock.name#), temporary and hidden files, and the product's own temporary files.
/// </summary>
public static class InboxScanner
{
    private static readonly string[] IgnoredNames = ["thumbs.db", "desktop.ini", ".ds_store"];
    private static readonly string[] IgnoredExtensions = [".tmp", ".temp", ".part", ".crdownload", ".partial", ".lnk", ".bak"];

    /// <summary>Files to take, with their path relative to <paramref name="folder"/> (forward slashes), in a stable order.</summary>
    public static IReadOnlyList<(string FullPath, string RelativePath)> Scan(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
            MatchType = MatchType.Simple,
        };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(p => !IsIgnored(Path.GetRelativePath(folder, p)))
            .Select(p => (p, Path.GetRelativePath(folder, p).Replace('\\', '/')))
            .OrderBy(x => x.Item2, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether a path (relative to the inbox) is not a submission and must be left alone.</summary>
    public static bool IsIgnored(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        if (parts.Take(parts.Length - 1).Any(d => d.StartsWith('.') || d.StartsWith('~'))) return true;
        var name = parts[^1];
        if (name.Length == 0) return true;
        if (name.StartsWith("~$", StringComparison.Ordinal) || name.StartsWith(".~lock.", StringComparison.Ordinal)) return true;
        if (name.StartsWith('.') || name.StartsWith('~')) return true;
        if (name.EndsWith('~') || name.EndsWith('#')) return true;
        if (name.EndsWith(".error.txt", StringComparison.OrdinalIgnoreCase)) return true;
        if (IgnoredNames.Contains(name, StringComparer.OrdinalIgnoreCase)) return true;
        return IgnoredExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);
    }
}
