namespace Consolidator.Inbox;

/// <summary>What a folder entry is, looked at without following it.</summary>
public enum EntryKind
{
    /// <summary>Nothing of that name (gone, or a name that does not decode back to the bytes on disk).</summary>
    Missing,
    /// <summary>A regular file.</summary>
    File,
    Directory,
    /// <summary>A symbolic link (on Windows any reparse point: symbolic link, junction, mount point).</summary>
    Link,
    /// <summary>A named pipe, socket or device.</summary>
    Other,
}

/// <summary>
/// An entry as the file system describes it without following a link: its kind, its identity
/// (device and inode; the volume serial and file index on Windows) and its number of links. Two
/// looks at the same name that differ in identity saw two different files.
/// </summary>
public readonly record struct FileIdentity(EntryKind Kind, ulong Device, ulong Inode, uint Links, long Size, DateTime ModifiedUtc, FileAttributes Attributes = 0)
{
    public static readonly FileIdentity Missing = new(EntryKind.Missing, 0, 0, 0, 0, default);

    /// <summary>Whether the identity is known (0 when the platform gave none).</summary>
    public bool HasIdentity => Inode != 0 || Device != 0;

    /// <summary>The same file as <paramref name="other"/>: the same device and inode (when both are known).</summary>
    public bool SameFile(FileIdentity other) =>
        Kind == other.Kind && (!HasIdentity || !other.HasIdentity || (Device == other.Device && Inode == other.Inode));

    /// <summary>The same file, unchanged: same identity, size and modification time.</summary>
    public bool Unchanged(FileIdentity other) => SameFile(other) && Size == other.Size && ModifiedUtc == other.ModifiedUtc;
}
