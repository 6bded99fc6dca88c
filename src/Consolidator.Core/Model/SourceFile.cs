namespace Consolidator.Core.Model;

/// <summary>
/// One input file as the pipeline sees it: where it is, what its bytes hash to and when it
/// was received. The host builds it from the inbox (or the archive); tests build it from
/// fixtures. <see cref="Open"/> gives a fresh read-only stream each time it is called.
/// </summary>
public sealed record SourceFile(
    string RelativePath,
    string Sha256,
    long Size,
    DateTimeOffset ModifiedAt,
    Func<Stream> Open)
{
    /// <summary>The file name without folders.</summary>
    public string Name => RelativePath.Contains('/') ? RelativePath[(RelativePath.LastIndexOf('/') + 1)..] : RelativePath;

    /// <summary>The folders between the inbox and the file, outermost first.</summary>
    public IReadOnlyList<string> Folders =>
        RelativePath.Contains('/') ? RelativePath[..RelativePath.LastIndexOf('/')].Split('/') : [];

    /// <summary>Reads and hashes a file on disk.</summary>
    public static SourceFile FromDisk(string fullPath, string relativePath)
    {
        var info = new FileInfo(fullPath);
        string hash;
        using (var stream = File.OpenRead(fullPath))
            hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        return new SourceFile(relativePath.Replace('\\', '/'), hash, info.Length,
            new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), () => File.OpenRead(fullPath));
    }

    /// <summary>A file held in memory (tests, and files already read for hashing).</summary>
    public static SourceFile FromBytes(string relativePath, byte[] bytes, DateTimeOffset modifiedAt) =>
        new(relativePath.Replace('\\', '/'), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            bytes.Length, modifiedAt, () => new MemoryStream(bytes, writable: false));
}
