using Consolidator.Core.Model;

namespace Consolidator.Inbox;

/// <summary>
/// Opens the files of one inbox for reading without ever following a link, so that no name in the
/// share can make the product read (or later change) something outside it. A file is opened only
/// when, at the moment it is opened:
/// <list type="bullet">
/// <item>its name is not a link (O_NOFOLLOW on Linux: a link swapped in after the scan fails to open);</item>
/// <item>the handle is a regular file — not a pipe, socket or device;</item>
/// <item>it is the same file (device and inode) the entry was a moment before, so a swap between the
/// look and the open is seen;</item>
/// <item>it has one link: a hard link to a file elsewhere has the same contents under two names;</item>
/// <item>the handle's real path lies inside the inbox: a folder on the way swapped for a link to
/// elsewhere is seen.</item>
/// </list>
/// Anything else is refused in place (<see cref="InboxRefusedException"/>); nothing is read from it.
/// </summary>
public sealed class InboxReader
{
    private readonly Lazy<string> _realRoot;

    public InboxReader(string inbox)
    {
        Root = Path.GetFullPath(inbox);
        _realRoot = new Lazy<string>(() => NoFollow.RealPath(Root));
    }

    public string Root { get; }

    /// <summary>Opens an inbox file; see the class for what is refused. Throws IOException when it is gone, busy or unreadable.</summary>
    public OpenedFile Open(string fullPath) => Open(fullPath, null);

    /// <summary>Opens the file again, refusing it unless it is still the file <paramref name="expected"/> describes.</summary>
    public OpenedFile Open(string fullPath, FileIdentity? expected)
    {
        var before = NoFollow.Lstat(fullPath);
        switch (before.Kind)
        {
            case EntryKind.Missing: throw new FileNotFoundException("The file is gone.", fullPath);
            case EntryKind.Link: throw new InboxRefusedException(InboxRefusals.SymbolicLink());
            case EntryKind.Directory: throw new FileNotFoundException("A folder now has the file's name.", fullPath);
            case EntryKind.Other: throw new InboxRefusedException(InboxRefusals.NotARegularFile());
        }
        if (before.Links > 1) throw new InboxRefusedException(InboxRefusals.HardLink(before.Links));
        FileStream stream;
        FileIdentity opened;
        try
        {
            (stream, opened) = NoFollow.Open(fullPath);
        }
        catch (LinkException e)
        {
            throw new InboxRefusedException(e.Kind == EntryKind.Link ? InboxRefusals.SymbolicLink() : InboxRefusals.NotARegularFile());
        }
        try
        {
            if (!opened.SameFile(before) || (expected is { } wanted && !opened.SameFile(wanted))) throw new InboxEntryChangedException();
            if (opened.Links > 1) throw new InboxRefusedException(InboxRefusals.HardLink(opened.Links));
            if (!IsInside(fullPath, stream)) throw new InboxRefusedException(InboxRefusals.OutsideInbox());
            return new OpenedFile(stream, opened);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads and hashes an inbox file, refusing it as <see cref="Open(string)"/> does.</summary>
    public (string Sha256, FileIdentity Identity) Hash(string fullPath)
    {
        using var file = Open(fullPath);
        return (SourceFile.Hash(file.Stream), file.Identity);
    }

    private bool IsInside(string fullPath, FileStream stream)
    {
        var real = NoFollow.FinalPath(stream.SafeFileHandle);
        if (real is not null)
        {
            var root = _realRoot.Value.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return real.StartsWith(root, StringComparison.Ordinal);
        }
        // Where the kernel cannot say, no folder between the inbox and the file may be a link.
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(fullPath));
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return false;
        var folder = Root;
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar)[..^1])
        {
            folder = Path.Combine(folder, segment);
            if (NoFollow.Lstat(folder).Kind != EntryKind.Directory) return false;
        }
        return true;
    }
}

/// <summary>An inbox file open for reading, with the identity of what was opened.</summary>
public sealed class OpenedFile(FileStream stream, FileIdentity identity) : IDisposable
{
    public FileStream Stream { get; } = stream;
    public FileIdentity Identity { get; } = identity;

    public void Dispose() => Stream.Dispose();
}
