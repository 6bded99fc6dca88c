using System.IO.Enumeration;

namespace Consolidator.Inbox;

/// <summary>What a listing of the inbox found: the files to take, and the entries refused where they are.</summary>
public sealed record InboxListing(IReadOnlyList<(string FullPath, string RelativePath)> Files, IReadOnlyList<InboxRefusal> Refused);

/// <summary>
/// Lists the files waiting in a folder (and its subfolders, one per organisation is common),
/// leaving out what is not a submission: Excel's owner files (~$name.xlsx), LibreOffice lock
/// files (.~lock.name#), temporary and hidden files, and the product's own temporary files.
/// Each entry is looked at without following it, one at a time, so no single entry stops the
/// listing: a link (to a file or a folder), a file with several links or that is not a regular
/// file, a path too long for the system, a folder that cannot be read and a name that does not
/// decode are each refused where they are (<see cref="InboxListing.Refused"/>) while every other
/// file is listed.
/// </summary>
public static class InboxScanner
{
    private static readonly string[] IgnoredNames = ["thumbs.db", "desktop.ini", ".ds_store"];
    private static readonly string[] IgnoredExtensions = [".tmp", ".temp", ".part", ".crdownload", ".partial", ".lnk", ".bak"];

    private static readonly EnumerationOptions OneFolder = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        MatchType = MatchType.Simple,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Files to take, with their path relative to <paramref name="folder"/> (forward slashes), in a stable order.</summary>
    public static IReadOnlyList<(string FullPath, string RelativePath)> Scan(string folder) => List(folder).Files;

    /// <summary>The files to take and the entries refused in place, each in a stable order.</summary>
    public static InboxListing List(string folder)
    {
        if (!Directory.Exists(folder)) return new InboxListing([], []);
        var files = new List<(string, string)>();
        var refused = new List<InboxRefusal>();
        Walk(folder, "", new DateTimeOffset(Directory.GetLastWriteTimeUtc(folder), TimeSpan.Zero), files, refused, root: true);
        return new InboxListing(
            files.OrderBy(f => f.Item2, StringComparer.Ordinal).ToList(),
            refused.OrderBy(r => r.RelativePath, StringComparer.Ordinal).ToList());
    }

    // An entry that cannot be looked at is dated by the folder that holds it.
    private static void Walk(string folder, string relativeFolder, DateTimeOffset folderModified, List<(string, string)> files, List<InboxRefusal> refused, bool root)
    {
        List<string> names;
        try
        {
            names = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry e) => e.FileName.ToString(), OneFolder).ToList();
        }
        catch (Exception e) when (!root && e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            refused.Add(new InboxRefusal(relativeFolder, e is PathTooLongException ? InboxRefusals.PathTooLong(folder.Length) : InboxRefusals.FolderUnreadable(), folderModified));
            return;
        }
        foreach (var name in names)
        {
            var relative = relativeFolder.Length == 0 ? name : relativeFolder + "/" + name;
            var full = Path.Combine(folder, name);
            FileIdentity entry;
            try
            {
                entry = NoFollow.Lstat(full);
            }
            catch (PathTooLongException)
            {
                refused.Add(new InboxRefusal(relative, InboxRefusals.PathTooLong(full.Length), folderModified));
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                refused.Add(new InboxRefusal(relative, InboxRefusals.FolderUnreadable(), folderModified));
                continue;
            }
            var modified = new DateTimeOffset(DateTime.SpecifyKind(entry.ModifiedUtc, DateTimeKind.Utc), TimeSpan.Zero);
            if (entry.Attributes.HasFlag(FileAttributes.Hidden) || entry.Attributes.HasFlag(FileAttributes.System)) continue;
            switch (entry.Kind)
            {
                case EntryKind.Directory:
                    if (!IsIgnored(relative + "/x")) Walk(full, relative, modified, files, refused, root: false);
                    break;
                case EntryKind.File when IsIgnored(relative):
                    break;
                case EntryKind.File when entry.Links > 1:
                    refused.Add(new InboxRefusal(relative, InboxRefusals.HardLink(entry.Links), modified));
                    break;
                case EntryKind.File:
                    files.Add((full, relative));
                    break;
                case EntryKind.Link when !IsIgnored(relative):
                    refused.Add(new InboxRefusal(relative, InboxRefusals.SymbolicLink(), modified));
                    break;
                case EntryKind.Other when !IsIgnored(relative):
                    refused.Add(new InboxRefusal(relative, InboxRefusals.NotARegularFile(), modified));
                    break;
                case EntryKind.Missing when name.Contains('\uFFFD', StringComparison.Ordinal) && !IsIgnored(relative):
                    // Listed, yet not there under the decoded name: its bytes are not UTF-8.
                    refused.Add(new InboxRefusal(relative, InboxRefusals.NameUnreadable(), folderModified));
                    break;
            }
        }
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
