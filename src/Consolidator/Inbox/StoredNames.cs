namespace Consolidator.Inbox;

/// <summary>
/// The name a file keeps in archive/ or rejected/: its path in the inbox, so 取込履歴 and 要確認
/// show what the sender called it. A name already used by an earlier file (a vendor sends
/// 事前回答.xlsx again a week later) gets " (2)", " (3)" … before the extension, as Windows
/// names copies; both files stay, and the newer one supersedes the older by its date.
/// </summary>
public static class StoredNames
{
    /// <summary>
    /// The inbox path with each folder and file name made valid on Windows and Linux and short
    /// enough that the name with " (2)" and ".error.txt" still fits (names as the sender gave them
    /// are kept whenever they already are).
    /// </summary>
    public static string Safe(string relativePath) =>
        string.Join('/', relativePath.Split('/').Select(segment => Core.Writing.OutputNames.SafeFileName(segment)));

    /// <summary>The first free name for <paramref name="relativePath"/>; <paramref name="isUsed"/> says whether a candidate is taken.</summary>
    public static string Choose(string relativePath, Func<string, bool> isUsed) => Choose(relativePath, isUsed, _ => false);

    /// <summary>
    /// The first free name for <paramref name="relativePath"/>. <paramref name="isUsed"/> says whether a
    /// name is taken (by a file, or by a folder of that name); <paramref name="isFolderBlocked"/> whether a
    /// folder on the way cannot be one because a file has its name. A folder and a file of the same
    /// name never block each other: the one that comes second is numbered (監査室 (2)/…, 監査室 (2)).
    /// </summary>
    public static string Choose(string relativePath, Func<string, bool> isUsed, Func<string, bool> isFolderBlocked)
    {
        var segments = relativePath.Split('/');
        var folder = "";
        foreach (var segment in segments[..^1])
        {
            var candidate = folder + segment;
            for (var n = 2; isFolderBlocked(candidate); n++) candidate = $"{folder}{segment} ({n})";
            folder = candidate + "/";
        }
        var name = segments[^1];
        if (!isUsed(folder + name)) return folder + name;
        var dot = name.LastIndexOf('.');
        var (stem, ext) = dot > 0 ? (name[..dot], name[dot..]) : (name, "");
        for (var n = 2; ; n++)
        {
            var candidate = $"{folder}{stem} ({n}){ext}";
            if (!isUsed(candidate)) return candidate;
        }
    }
}
