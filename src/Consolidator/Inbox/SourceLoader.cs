using Consolidator.Core;
using Consolidator.Core.Model;

namespace Consolidator.Inbox;

/// <summary>A file read once from an opened handle: its size and hash, and its bytes unless it is over the size limit.</summary>
internal sealed record LoadedFile(long Size, string Sha256, byte[]? Bytes)
{
    /// <summary>True when the handle gave more bytes than its size said (written to while it was read).</summary>
    public bool Grew { get; init; }

    /// <summary>True when the file is over <see cref="Core.Reading.ReadLimits.MaxFileBytes"/>: hashed, never held.</summary>
    public bool TooLarge => Bytes is null;
}

/// <summary>
/// The one way a path of the inbox (or the archive) becomes a <see cref="SourceFile"/> for run,
/// watch, validate and template: the handle is read once (opened without following a link by
/// <see cref="InboxReader"/> where the inbox is read), hashed, and held only within
/// <see cref="Core.Reading.ReadLimits.MaxFileBytes"/>; a file over it is refused unread.
/// </summary>
internal static class SourceLoader
{
    /// <summary>Whether a file of <paramref name="size"/> bytes is read at all.</summary>
    public static bool Fits(Consolidation pipeline, long size) => size <= pipeline.Options.Limits.MaxFileBytes;

    /// <summary>Reads <paramref name="size"/> bytes from the handle and hashes them; a file over the limit is only hashed.</summary>
    public static LoadedFile Read(Consolidation pipeline, Stream stream, long size)
    {
        if (!Fits(pipeline, size)) return new LoadedFile(size, SourceFile.Hash(stream), null);
        var bytes = new byte[size];
        stream.ReadExactly(bytes);
        return new LoadedFile(size, SourceFile.Hash(bytes), bytes) { Grew = stream.ReadByte() != -1 };
    }

    /// <summary>The file as the pipeline sees it, under <paramref name="path"/>.</summary>
    public static SourceFile Source(string path, string sha256, long size, DateTimeOffset modified, Func<Stream> reopen) =>
        new(path, sha256, size, modified, reopen);

    /// <summary>An entry that was never read (refused where it is, or gone): its hash names the entry.</summary>
    public static SourceFile Unread(string path, DateTimeOffset modified, Func<Stream> open) => Source(path, "unread:" + path, 0, modified, open);

    /// <summary>Opens, reads and judges a file outside the inbox (the master list <c>template</c> is given) under <paramref name="path"/>.</summary>
    public static Submission Load(Consolidation pipeline, string fullPath, string path)
    {
        using var input = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920);
        var modified = new DateTimeOffset(DateTime.SpecifyKind(File.GetLastWriteTimeUtc(input.SafeFileHandle), DateTimeKind.Utc), TimeSpan.Zero);
        return Ingest(pipeline, Read(pipeline, input, input.Length), path, modified, () => File.OpenRead(fullPath));
    }

    /// <summary>Reads <paramref name="loaded"/> through the pipeline under <paramref name="path"/>; a file over the limit is refused with its size.</summary>
    public static Submission Ingest(Consolidation pipeline, LoadedFile loaded, string path, DateTimeOffset modified, Func<Stream> reopen) =>
        Ingest(pipeline, Source(path, loaded.Sha256, loaded.Size, modified, reopen), loaded.Bytes);

    /// <summary>Reads the bytes of <paramref name="source"/> through the pipeline; without bytes (over the limit) it is refused with its size.</summary>
    public static Submission Ingest(Consolidation pipeline, SourceFile source, byte[]? bytes)
    {
        if (bytes is null)
            return new Submission { Source = source, Format = "", Rejection = TooLarge(pipeline, source.Size) };
        using var memory = new MemoryStream(bytes, writable: false);
        return pipeline.Ingest(source, memory);
    }

    public static Rejection TooLarge(Consolidation pipeline, long size) => Core.Reading.Rejections.FileTooLarge(size, pipeline.Options.Limits.MaxFileBytes);
}
