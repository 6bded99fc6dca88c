using System.Buffers.Binary;
using System.IO.Compression;
using Consolidator.Core.Model;

namespace Consolidator.Core.Reading;

/// <summary>
/// Checks a zip package before anything inflates it (zip bombs). First the end-of-central-directory
/// record, read from the last bytes of the file, so that a directory of millions of entries is
/// refused before <see cref="ZipArchive"/> builds an object per entry; then every entry's declared
/// size and compression ratio, and the total. The declared size is an upper bound the reader
/// keeps to: <see cref="ZipArchive"/> stops inflating an entry at its declared length, so an entry
/// that lies about its size is cut short and fails as damaged XML, however much it would inflate.
/// </summary>
internal static class ZipGuard
{
    private const uint EndOfDirectory = 0x06054b50;
    private const uint Zip64Locator = 0x07064b50;
    private const uint Zip64EndOfDirectory = 0x06064b50;

    /// <summary>Only parts larger than this are held to the ratio: small XML compresses well and is harmless.</summary>
    internal const long RatioFloor = 1024 * 1024;

    /// <summary>Refuses a directory with more entries than allowed, from the end record alone.</summary>
    public static void CheckDirectory(Stream stream, ReadLimits limits) => CheckEntryCount(DeclaredEntries(stream), limits);

    private static void CheckEntryCount(long entries, ReadLimits limits)
    {
        if (entries > limits.MaxZipEntries)
            throw new UnreadableFileException(Rejections.TooLarge(
                $"ZIP のパーツ数 {Rejections.Count(entries)}",
                $"the zip holds {Rejections.Count(entries)} parts",
                limits.MaxZipEntries, "パーツ", "parts", nameof(ReadLimits.MaxZipEntries)));
    }

    /// <summary>Refuses a part that would inflate too far, or too large, and a package too large in total.</summary>
    public static void CheckEntries(ZipArchive zip, ReadLimits limits)
    {
        CheckEntryCount(zip.Entries.Count, limits);
        long total = 0;
        foreach (var e in zip.Entries)
        {
            if (e.Length > RatioFloor)
            {
                var ratio = e.CompressedLength > 0 ? (double)e.Length / e.CompressedLength : double.PositiveInfinity;
                if (ratio > limits.MaxCompressionRatio)
                    throw new UnreadableFileException(Rejections.ZipBomb(e.FullName, Math.Min(ratio, 1e9), limits.MaxCompressionRatio));
            }
            if (e.Length > limits.MaxPartBytes)
                throw new UnreadableFileException(Rejections.TooLarge(
                    $"パーツ {Rejections.Name(e.FullName)} の展開後のサイズ {Rejections.Bytes(e.Length)}",
                    $"part {Rejections.Name(e.FullName)} inflates to {Rejections.Bytes(e.Length)}",
                    Rejections.Bytes(limits.MaxPartBytes),
                    Rejections.Bytes(limits.MaxPartBytes), nameof(ReadLimits.MaxPartBytes)));
            total += e.Length;
            if (total > limits.MaxPackageBytes)
                throw new UnreadableFileException(Rejections.TooLarge(
                    $"展開後の合計サイズが {Rejections.Bytes(limits.MaxPackageBytes)} を超えています",
                    $"the parts inflate to more than {Rejections.Bytes(limits.MaxPackageBytes)} in total",
                    Rejections.Bytes(limits.MaxPackageBytes),
                    Rejections.Bytes(limits.MaxPackageBytes), nameof(ReadLimits.MaxPackageBytes)));
        }
    }

    /// <summary>
    /// The number of entries the end-of-central-directory record declares (the ZIP64 one when the
    /// classic record says so), or 0 when no record is found (then <see cref="ZipArchive"/> reports the damage).
    /// </summary>
    internal static long DeclaredEntries(Stream stream)
    {
        var length = stream.Length;
        var tailLength = (int)Math.Min(length, 22 + ushort.MaxValue);
        var tail = new byte[tailLength];
        stream.Position = length - tailLength;
        stream.ReadExactly(tail);
        stream.Position = 0;
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EndOfDirectory) continue;
            long entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i + 12));
            var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i + 16));
            if (entries == ushort.MaxValue || directorySize == uint.MaxValue || directoryOffset == uint.MaxValue)
                entries = Math.Max(entries, Zip64Entries(stream, length - tailLength + i));
            return entries;
        }
        return 0;
    }

    private static long Zip64Entries(Stream stream, long endRecord)
    {
        if (endRecord < 20) return 0;
        Span<byte> locator = stackalloc byte[20];
        stream.Position = endRecord - 20;
        stream.ReadExactly(locator);
        stream.Position = 0;
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64Locator) return 0;
        var offset = BinaryPrimitives.ReadUInt64LittleEndian(locator[8..]);
        if (offset > (ulong)(stream.Length - 56)) return 0;
        Span<byte> record = stackalloc byte[56];
        stream.Position = (long)offset;
        stream.ReadExactly(record);
        stream.Position = 0;
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndOfDirectory) return 0;
        var entries = BinaryPrimitives.ReadUInt64LittleEndian(record[32..]);
        return entries > long.MaxValue ? long.MaxValue : (long)entries;
    }
}
