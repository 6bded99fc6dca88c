using System.Text;

namespace Consolidator.Core.Reading;

/// <summary>
/// Chooses the encoding of a CSV file from its bytes: a BOM, else strict UTF-8, else
/// Shift_JIS (CP932, as Japanese Excel writes CSV). Detected, not configured. With a BOM the
/// file says what it is, and a damaged character becomes U+FFFD rather than refusing the file.
/// </summary>
internal static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Bytes, not a u8 literal: "\xEF"u8 would be the UTF-8 encoding of U+00EF, two other bytes.
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static Encoding ShiftJis => Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static (Encoding? Encoding, int BomLength, string Name) Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom)) return (new UTF8Encoding(false), 3, "UTF-8 (BOM)");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return (Encoding.Unicode, 2, "UTF-16LE");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return (Encoding.BigEndianUnicode, 2, "UTF-16BE");
        if (Decodes(StrictUtf8, bytes, allowTruncatedEnd: true)) return (new UTF8Encoding(false), 0, "UTF-8");
        if (Decodes(ShiftJis, bytes, allowTruncatedEnd: true)) return (Encoding.GetEncoding(932), 0, "Shift_JIS (CP932)");
        return (null, 0, "unknown");
    }

    private static bool Decodes(Encoding encoding, ReadOnlySpan<byte> bytes, bool allowTruncatedEnd)
    {
        // A sample cut in the middle of a multi-byte character must not count against it.
        for (var cut = 0; cut <= (allowTruncatedEnd ? 3 : 0) && cut < bytes.Length; cut++)
        {
            try
            {
                encoding.GetCharCount(bytes[..^cut]);
                return true;
            }
            catch (DecoderFallbackException)
            {
            }
        }
        return false;
    }
}
