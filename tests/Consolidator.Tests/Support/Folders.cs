namespace Consolidator.Tests.Support;

/// <summary>Looks at the five folders of a root as a person would.</summary>
internal static class Folders
{
    /// <summary>Files under a folder by path relative to it (forward slashes), leaving out error notes.</summary>
    public static Dictionary<string, byte[]> Stored(string folder) =>
        !Directory.Exists(folder) ? [] : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".error.txt", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllBytes);

    public static int Count(string folder) =>
        !Directory.Exists(folder) ? 0 : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(p => !p.EndsWith(".error.txt", StringComparison.Ordinal));

    /// <summary>The product's temporary files anywhere under <paramref name="root"/>.</summary>
    public static List<string> Temporary(string root) =>
        Directory.EnumerateFiles(root, ".*", SearchOption.AllDirectories)
            .Where(p => Consolidator.Inbox.TempFiles.IsOurs(Path.GetFileName(p)))
            .ToList();
}
