namespace Consolidator.Options;

/// <summary>The folders in effect, as full paths. Archive and Rejected are null when files are left where they are.</summary>
public sealed record ResolvedPaths(string Inbox, string Output, string State, string? Archive, string? Rejected)
{
    /// <summary>True when accepted and refused files are moved out of the inbox (watch, or run with --root/--archive/--rejected).</summary>
    public bool MovesFiles => Archive is not null || Rejected is not null;

    public static ResolvedPaths From(PathsSettings p, string currentDirectory)
    {
        string Full(string path) => Path.GetFullPath(path, currentDirectory);
        string? Under(string name) => p.Root is null ? null : Path.Combine(Full(p.Root), name);
        return new ResolvedPaths(
            Full(p.Inbox ?? Under("inbox") ?? "input-samples"),
            Full(p.Output ?? Under("output") ?? "output"),
            Full(p.State ?? Under("state") ?? "state"),
            p.Archive is not null ? Full(p.Archive) : Under("archive"),
            p.Rejected is not null ? Full(p.Rejected) : Under("rejected"));
    }
}
