using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Consolidator.Core.Reading.Xls;

namespace Consolidator.Core.Reading.Xlsx;

/// <summary>
/// An encrypted OOXML package ([MS-OFFCRYPTO]: EncryptionInfo and EncryptedPackage streams in a
/// compound file) opened with Excel's built-in password, "VelvetSweatshop": Excel encrypts with it
/// a workbook that is only protected against changes (書き込みパスワード / read-only recommended),
/// and opens it without asking. Standard (ECMA-376, AES-ECB, SHA-1) and Agile (AES-CBC, SHA-1 to
/// SHA-512) encryption are decrypted here, with System.Security.Cryptography, so that the plain
/// package goes through the same guards and reader as any .xlsx. A package under a real password,
/// or with a cipher other than AES, gives null and is refused as encrypted.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do not use weak cryptographic algorithms",
    Justification = "[MS-OFFCRYPTO] prescribes SHA-1 for Standard encryption and allows it for Agile; this only decrypts what Excel wrote.")]
internal static class EncryptedPackage
{
    public const string DefaultPassword = "VelvetSweatshop";

    /// <summary>Excel's own limit on the key derivation's iterations; more is not from Excel and would only cost time.</summary>
    private const int MaxSpinCount = 10_000_000;

    private static readonly byte[] VerifierInputBlock = [0xFE, 0xA7, 0xD2, 0x76, 0x3B, 0x4B, 0x9E, 0x79];
    private static readonly byte[] VerifierHashBlock = [0xD7, 0xAA, 0x0F, 0x6D, 0x30, 0x61, 0x34, 0x4E];
    private static readonly byte[] KeyValueBlock = [0x14, 0x6E, 0x0B, 0xE7, 0xAB, 0xAC, 0xD0, 0xD6];

    /// <summary>Whether the compound file holds an encrypted OOXML package.</summary>
    public static bool IsEncryptedPackage(CompoundFile cfb) => cfb.RootHas("EncryptedPackage") && cfb.RootHas("EncryptionInfo");

    /// <summary>The decrypted package (a zip) when the default password opens it, else null.</summary>
    public static byte[]? TryDefaultPassword(CompoundFile cfb, string password = DefaultPassword)
    {
        var root = cfb.RootChildren();
        var info = root.FirstOrDefault(e => e.Type == 2 && e.Name.Equals("EncryptionInfo", StringComparison.OrdinalIgnoreCase));
        var package = root.FirstOrDefault(e => e.Type == 2 && e.Name.Equals("EncryptedPackage", StringComparison.OrdinalIgnoreCase));
        if (info is null || package is null) return null;
        var infoBytes = cfb.ReadStream(info);
        if (infoBytes.Length < 8) return null;
        var major = BinaryPrimitives.ReadUInt16LittleEndian(infoBytes);
        var minor = BinaryPrimitives.ReadUInt16LittleEndian(infoBytes.AsSpan(2));
        try
        {
            if (major == 4 && minor == 4) return Agile(infoBytes.AsSpan(8), cfb.ReadStream(package), password);
            if (major is 2 or 3 or 4 && minor == 2) return Standard(infoBytes.AsSpan(4), cfb.ReadStream(package), password);
        }
        catch (Exception e) when (e is CryptographicException or XmlException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            // Damaged encryption data opens with no password.
        }
        return null;
    }

    private static byte[]? Standard(ReadOnlySpan<byte> info, byte[] package, string password)
    {
        var headerSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(info[4..]);
        var header = info.Slice(8, headerSize);
        var algorithm = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        var keyBits = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        if (algorithm is not (0x660E or 0x660F or 0x6610) || keyBits is not (128 or 192 or 256)) return null;
        var verifier = info[(8 + headerSize)..];
        var saltSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(verifier);
        var salt = verifier.Slice(4, saltSize).ToArray();
        var encryptedVerifier = verifier.Slice(4 + saltSize, 16).ToArray();
        var encryptedVerifierHash = verifier.Slice(4 + saltSize + 16 + 4, 32).ToArray();

        var hash = Derive(SHA1.HashData, salt, password, 50_000);
        var final = SHA1.HashData([.. hash, 0, 0, 0, 0]);
        var key = XorDerive(final, keyBits / 8);
        using var aes = Aes.Create();
        aes.Key = key;
        var plainVerifier = aes.DecryptEcb(encryptedVerifier, PaddingMode.None);
        var plainHash = aes.DecryptEcb(encryptedVerifierHash, PaddingMode.None);
        if (!SHA1.HashData(plainVerifier).AsSpan().SequenceEqual(plainHash.AsSpan(0, 20))) return null;

        var size = Size(package);
        var data = package.AsSpan(8, (package.Length - 8) / 16 * 16).ToArray();
        return aes.DecryptEcb(data, PaddingMode.None).AsSpan(0, size).ToArray();
    }

    /// <summary>[MS-OFFCRYPTO] 2.3.4.7: the SHA-1 of the final hash XORed into 0x36 and 0x5C blocks, cut to the key's length.</summary>
    private static byte[] XorDerive(byte[] hash, int length)
    {
        var a = new byte[64];
        var b = new byte[64];
        Array.Fill(a, (byte)0x36);
        Array.Fill(b, (byte)0x5C);
        for (var i = 0; i < hash.Length; i++)
        {
            a[i] ^= hash[i];
            b[i] ^= hash[i];
        }
        byte[] x = [.. SHA1.HashData(a), .. SHA1.HashData(b)];
        return x[..length];
    }

    private static byte[]? Agile(ReadOnlySpan<byte> xml, byte[] package, string password)
    {
        var doc = new XmlDocument { XmlResolver = null };
        using (var reader = XmlReader.Create(new MemoryStream(xml.ToArray()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
            doc.Load(reader);
        var keyData = doc.GetElementsByTagName("keyData", "http://schemas.microsoft.com/office/2006/encryption").OfType<XmlElement>().FirstOrDefault();
        var encryptedKey = doc.GetElementsByTagName("encryptedKey", "http://schemas.microsoft.com/office/2006/keyEncryptor/password").OfType<XmlElement>().FirstOrDefault();
        if (keyData is null || encryptedKey is null) return null;
        if (!IsAesCbc(keyData) || !IsAesCbc(encryptedKey)) return null;
        var hashOf = HashFunction(encryptedKey.GetAttribute("hashAlgorithm"));
        var dataHash = HashFunction(keyData.GetAttribute("hashAlgorithm"));
        if (hashOf is null || dataHash is null) return null;
        var spin = int.Parse(encryptedKey.GetAttribute("spinCount"), System.Globalization.CultureInfo.InvariantCulture);
        if (spin is < 0 or > MaxSpinCount) return null;
        var keyBits = int.Parse(encryptedKey.GetAttribute("keyBits"), System.Globalization.CultureInfo.InvariantCulture);
        var hashSize = int.Parse(encryptedKey.GetAttribute("hashSize"), System.Globalization.CultureInfo.InvariantCulture);
        var salt = Convert.FromBase64String(encryptedKey.GetAttribute("saltValue"));

        var hash = Derive(hashOf, salt, password, spin);
        byte[] KeyFor(byte[] block)
        {
            var k = hashOf([.. hash, .. block]);
            var key = new byte[keyBits / 8];
            Array.Fill(key, (byte)0x36);
            k.AsSpan(0, Math.Min(k.Length, key.Length)).CopyTo(key);
            return key;
        }
        byte[] Decrypt(byte[] key, byte[] iv, byte[] data)
        {
            using var aes = Aes.Create();
            aes.Key = key;
            return aes.DecryptCbc(data, iv[..16], PaddingMode.None);
        }

        var input = Decrypt(KeyFor(VerifierInputBlock), salt, Convert.FromBase64String(encryptedKey.GetAttribute("encryptedVerifierHashInput")));
        var expected = Decrypt(KeyFor(VerifierHashBlock), salt, Convert.FromBase64String(encryptedKey.GetAttribute("encryptedVerifierHashValue")));
        var actual = hashOf(input[..salt.Length]);
        if (expected.Length < hashSize || actual.Length < hashSize || !actual.AsSpan(0, hashSize).SequenceEqual(expected.AsSpan(0, hashSize))) return null;

        var dataKeyBits = int.Parse(keyData.GetAttribute("keyBits"), System.Globalization.CultureInfo.InvariantCulture);
        var intermediate = Decrypt(KeyFor(KeyValueBlock), salt, Convert.FromBase64String(encryptedKey.GetAttribute("encryptedKeyValue")))[..(dataKeyBits / 8)];
        var dataSalt = Convert.FromBase64String(keyData.GetAttribute("saltValue"));

        var size = Size(package);
        var output = new byte[size];
        using var cipher = Aes.Create();
        cipher.Key = intermediate;
        const int Segment = 4096;
        for (var (i, at) = (0, 8); at < package.Length && (long)i * Segment < size; i++, at += Segment)
        {
            var length = Math.Min(Segment, package.Length - at) / 16 * 16;
            if (length == 0) break;
            var iv = dataHash([.. dataSalt, .. BitConverter.GetBytes(i)]);
            var plain = cipher.DecryptCbc(package.AsSpan(at, length), iv.AsSpan(0, 16), PaddingMode.None);
            var take = (int)Math.Min(plain.Length, size - (long)i * Segment);
            plain.AsSpan(0, take).CopyTo(output.AsSpan(i * Segment));
        }
        return output;
    }

    private static bool IsAesCbc(XmlElement e) =>
        e.GetAttribute("cipherAlgorithm") == "AES" && e.GetAttribute("cipherChaining") == "ChainingModeCBC";

    private static Func<byte[], byte[]>? HashFunction(string name) => name switch
    {
        "SHA1" or "SHA-1" => SHA1.HashData,
        "SHA256" or "SHA-256" => SHA256.HashData,
        "SHA384" or "SHA-384" => SHA384.HashData,
        "SHA512" or "SHA-512" => SHA512.HashData,
        _ => null,
    };

    /// <summary>H0 = H(salt + password), then H(i + previous) for each iteration ([MS-OFFCRYPTO] 2.3.4.7 and 2.3.4.11).</summary>
    private static byte[] Derive(Func<byte[], byte[]> hash, byte[] salt, string password, int spin)
    {
        var h = hash([.. salt, .. Encoding.Unicode.GetBytes(password)]);
        var buffer = new byte[4 + h.Length];
        for (var i = 0; i < spin; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, i);
            h.CopyTo(buffer, 4);
            h = hash(buffer);
        }
        return h;
    }

    /// <summary>The package's declared plain size, which may not exceed what the stream holds.</summary>
    private static int Size(byte[] package)
    {
        if (package.Length < 8) throw new ArgumentException("encrypted package shorter than its size field");
        var size = BinaryPrimitives.ReadUInt64LittleEndian(package);
        if (size > (ulong)(package.Length - 8)) throw new ArgumentException("encrypted package declares more than it holds");
        return (int)size;
    }
}
