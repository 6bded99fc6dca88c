using System.Security.Cryptography;

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

    /// <summary>The hash a file is known by (ledger, history, duplicates): SHA-256 of its bytes, lower-case hex.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <inheritdoc cref="Hash(ReadOnlySpan{byte})"/>
    public static string Hash(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));

    /// <summary>The hash of a file on disk, read without keeping others from writing or removing it.</summary>
    public static string HashFile(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920);
        return Hash(s);
    }

    /// <summary>Reads and hashes a file on disk.</summary>
    public static SourceFile FromDisk(string fullPath, string relativePath)
    {
        var info = new FileInfo(fullPath);
        return new SourceFile(relativePath.Replace('\\', '/'), HashFile(fullPath), info.Length,
            new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), () => File.OpenRead(fullPath));
    }

    /// <summary>A file held in memory (tests, and files already read for hashing).</summary>
    public static SourceFile FromBytes(string relativePath, byte[] bytes, DateTimeOffset modifiedAt) =>
        new(relativePath.Replace('\\', '/'), Hash(bytes), bytes.Length, modifiedAt, () => new MemoryStream(bytes, writable: false));
}
