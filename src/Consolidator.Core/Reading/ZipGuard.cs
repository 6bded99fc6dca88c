using System.Globalization;
using System.IO.Compression;
using Consolidator.Core.Model;

namespace Consolidator.Core.Reading;

/// <summary>
/// Checks an OOXML package before anything inflates it: the declared uncompressed size and
/// the compression ratio of every part (zip bombs), and external references that would
/// make a reader follow a link.
/// </summary>
internal static class ZipGuard
{
    public static void Check(Stream stream, ReadLimits limits)
    {
        if (stream.Length > limits.MaxFileBytes)
            throw new UnreadableFileException(Rejections.TooLarge(
                Bytes(stream.Length), Bytes(limits.MaxFileBytes), "Limits:MaxFileBytes"));
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (e.Length > limits.MaxPartBytes || total > limits.MaxPartBytes * 4)
                    throw new UnreadableFileException(Rejections.TooLarge(
                        $"展開後 {Bytes(e.Length)} のパーツ / a part that inflates to {Bytes(e.Length)} ({e.FullName})",
                        Bytes(limits.MaxPartBytes), "Limits:MaxPartBytes"));
                if (e.CompressedLength > 0 && e.Length > 1024 * 1024 && (double)e.Length / e.CompressedLength > limits.MaxCompressionRatio)
                    throw new UnreadableFileException(Rejections.Unsafe(
                        $"圧縮率 {e.Length / e.CompressedLength}:1 のパーツ（ZIP 爆弾の疑い） / part {e.FullName} compressed {e.Length / e.CompressedLength}:1 (a zip bomb)"));
            }
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableFileException(Rejections.Corrupt("zip: " + e.Message), e);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static string Bytes(long n) => n >= 1024 * 1024
        ? (n / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (n / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}
