using Consolidator.Options;

namespace Consolidator.Inbox;

/// <summary>The five folders of the moving pipeline, as full paths; none is optional here.</summary>
public sealed record WorkerFolders(string Inbox, string Archive, string Rejected, string Output, string State)
{
    /// <summary>The folders of <paramref name="paths"/>; it must move files (archive and rejected set).</summary>
    public static WorkerFolders From(ResolvedPaths paths) => new(
        paths.Inbox,
        paths.Archive ?? throw new InvalidOperationException("Paths:Archive is not set."),
        paths.Rejected ?? throw new InvalidOperationException("Paths:Rejected is not set."),
        paths.Output,
        paths.State);

    /// <summary>Creates every folder that does not exist yet.</summary>
    public void Create()
    {
        foreach (var f in new[] { Inbox, Archive, Rejected, Output, State })
            Directory.CreateDirectory(f);
    }
}
