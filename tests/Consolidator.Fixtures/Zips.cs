using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Consolidator.Fixtures;

/// <summary>
/// Edits of OOXML packages and zips written byte by byte, for files no office application
/// writes: a part replaced or added, sizes that lie, a directory of a million entries, a bomb.
/// </summary>
public static class Zips
{
    private static readonly DateTime FixedTime = new(2023, 10, 24, 9, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The names of a package's parts, in order.</summary>
    public static IReadOnlyList<string> Names(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>The text of one part (UTF-8).</summary>
    public static string Read(byte[] zip, string part)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry(part)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The package with one part's text changed.</summary>
    public static byte[] Edit(byte[] zip, string part, Func<string, string> change) =>
        Rewrite(zip, (name, bytes) => name == part ? Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(bytes))) : bytes);

    /// <summary>The package with parts added or replaced (null removes a part).</summary>
    public static byte[] With(byte[] zip, IReadOnlyDictionary<string, byte[]?> parts)
    {
        var output = Rewrite(zip, (name, bytes) => parts.TryGetValue(name, out var replaced) ? replaced : bytes);
        var existing = Names(zip).ToHashSet(StringComparer.Ordinal);
        var added = parts.Where(p => !existing.Contains(p.Key) && p.Value is not null).ToList();
        if (added.Count == 0) return output;
        var ms = new MemoryStream();
        ms.Write(output);
        using (var archive = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
            foreach (var (name, bytes) in added)
                Add(archive, name, bytes!);
        return ms.ToArray();
    }

    /// <summary>Every part passed through <paramref name="change"/>; returning null drops the part.</summary>
    public static byte[] Rewrite(byte[] zip, Func<string, byte[], byte[]?> change)
    {
        using var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var ms = new MemoryStream();
        using (var target = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var input = entry.Open();
                var bytes = new MemoryStream();
                input.CopyTo(bytes);
                var changed = change(entry.FullName, bytes.ToArray());
                if (changed is not null) Add(target, entry.FullName, changed);
            }
        }
        return ms.ToArray();
    }

    /// <summary>A zip of the given parts, deflated.</summary>
    public static byte[] Create(IEnumerable<(string Name, byte[] Bytes)> parts)
    {
        var ms = new MemoryStream();
        using (var archive = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in parts)
                Add(archive, name, bytes);
        return ms.ToArray();
    }

    private static void Add(ZipArchive archive, string name, byte[] bytes)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var s = entry.Open();
        s.Write(bytes);
    }

    /// <summary>
    /// A copy of the package in which one part's declared uncompressed size (local header and
    /// central directory) is replaced: a zip that lies about how far a part inflates.
    /// </summary>
    public static byte[] WithDeclaredSize(byte[] zip, string part, uint size)
    {
        var b = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(part);
        for (var i = 0; i + 46 <= b.Length; i++)
        {
            var sig = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i));
            if (sig == 0x04034b50 && i + 30 <= b.Length)
            {
                var n = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(i + 26));
                if (i + 30 + n <= b.Length && b.AsSpan(i + 30, n).SequenceEqual(name))
                    BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i + 22), size);
            }
            else if (sig == 0x02014b50)
            {
                var n = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(i + 28));
                if (i + 46 + n <= b.Length && b.AsSpan(i + 46, n).SequenceEqual(name))
                    BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i + 24), size);
            }
        }
        return b;
    }

    /// <summary>
    /// A zip bomb written without ever holding its content: <paramref name="parts"/> worksheet parts,
    /// each declaring (truthfully) <paramref name="mebibytesPerPart"/> MiB of zeros, deflated about
    /// 1,000 to 1. Five parts of 2,048 MiB make a 10 MB file that inflates to 10 GiB. The deflate
    /// data is one sync-flushed chunk that encodes 1 MiB of zeros by back-references, repeated, then
    /// a final empty block; CRCs are computed for zeros without inflating anything.
    /// </summary>
    public static byte[] Bomb(int parts = 5, int mebibytesPerPart = 2048)
    {
        var chunk = ZerosChunk();
        var size = (long)mebibytesPerPart * 1024 * 1024;
        if (size > uint.MaxValue) throw new ArgumentOutOfRangeException(nameof(mebibytesPerPart), "Each part must stay under 4 GiB (no ZIP64).");
        var crc = Crc32OfZeros(size);
        byte[] end = [0x03, 0x00];
        var compressed = (long)chunk.Length * mebibytesPerPart + end.Length;

        var ms = new MemoryStream();
        var directory = new MemoryStream();
        // A believable package: the bomb parts are worksheets a reader would open.
        var contentTypes = Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""");
        var workbook = Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>""");
        WriteStored(ms, directory, "[Content_Types].xml", contentTypes);
        WriteStored(ms, directory, "xl/workbook.xml", workbook);
        for (var p = 1; p <= parts; p++)
        {
            var name = Encoding.UTF8.GetBytes($"xl/worksheets/sheet{p}.xml");
            var offset = ms.Position;
            WriteHeader(ms, local: true, name, method: 8, crc, (uint)compressed, (uint)size, offset: 0);
            for (var i = 0; i < mebibytesPerPart; i++) ms.Write(chunk);
            ms.Write(end);
            WriteHeader(directory, local: false, name, method: 8, crc, (uint)compressed, (uint)size, (uint)offset);
        }
        var count = (ushort)(parts + 2);
        var directoryOffset = ms.Position;
        directory.Position = 0;
        directory.CopyTo(ms);
        Span<byte> eocd = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(eocd, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(eocd[8..], count);
        BinaryPrimitives.WriteUInt16LittleEndian(eocd[10..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(eocd[12..], (uint)directory.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(eocd[16..], (uint)directoryOffset);
        ms.Write(eocd);
        return ms.ToArray();
    }

    /// <summary>
    /// A zip whose directory lists <paramref name="entries"/> empty files: a small file that makes a
    /// zip reader build an object per entry.
    /// </summary>
    public static byte[] ManyEntries(int entries)
    {
        var ms = new MemoryStream();
        var directory = new MemoryStream();
        WriteStored(ms, directory, "xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook/>"));
        for (var i = 1; i < entries; i++)
            WriteStored(ms, directory, $"x/{i}", []);
        var directoryOffset = ms.Position;
        directory.Position = 0;
        directory.CopyTo(ms);
        var zip64 = entries >= ushort.MaxValue;
        if (zip64)
        {
            var record = ms.Position;
            Span<byte> z = stackalloc byte[56];
            BinaryPrimitives.WriteUInt32LittleEndian(z, 0x06064b50);
            BinaryPrimitives.WriteUInt64LittleEndian(z[4..], 44);
            BinaryPrimitives.WriteUInt16LittleEndian(z[12..], 45);
            BinaryPrimitives.WriteUInt16LittleEndian(z[14..], 45);
            BinaryPrimitives.WriteUInt64LittleEndian(z[24..], (ulong)entries);
            BinaryPrimitives.WriteUInt64LittleEndian(z[32..], (ulong)entries);
            BinaryPrimitives.WriteUInt64LittleEndian(z[40..], (ulong)directory.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(z[48..], (ulong)directoryOffset);
            ms.Write(z);
            Span<byte> locator = stackalloc byte[20];
            BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
            BinaryPrimitives.WriteUInt64LittleEndian(locator[8..], (ulong)record);
            BinaryPrimitives.WriteUInt32LittleEndian(locator[16..], 1);
            ms.Write(locator);
        }
        Span<byte> eocd = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(eocd, 0x06054b50);
        var count = zip64 ? ushort.MaxValue : (ushort)entries;
        BinaryPrimitives.WriteUInt16LittleEndian(eocd[8..], count);
        BinaryPrimitives.WriteUInt16LittleEndian(eocd[10..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(eocd[12..], zip64 ? uint.MaxValue : (uint)directory.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(eocd[16..], zip64 ? uint.MaxValue : (uint)directoryOffset);
        ms.Write(eocd);
        return ms.ToArray();
    }

    private static void WriteStored(Stream data, Stream directory, string name, byte[] bytes)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var crc = Crc32(bytes);
        var offset = (uint)data.Position;
        WriteHeader(data, local: true, nameBytes, method: 0, crc, (uint)bytes.Length, (uint)bytes.Length, 0);
        data.Write(bytes);
        WriteHeader(directory, local: false, nameBytes, method: 0, crc, (uint)bytes.Length, (uint)bytes.Length, offset);
    }

    private static void WriteHeader(Stream s, bool local, byte[] name, ushort method, uint crc, uint compressed, uint size, uint offset)
    {
        Span<byte> h = stackalloc byte[local ? 30 : 46];
        if (local)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(h, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(h[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(h[8..], method);
            BinaryPrimitives.WriteUInt16LittleEndian(h[10..], 0x4800);
            BinaryPrimitives.WriteUInt16LittleEndian(h[12..], 0x5758);
            BinaryPrimitives.WriteUInt32LittleEndian(h[14..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(h[18..], compressed);
            BinaryPrimitives.WriteUInt32LittleEndian(h[22..], size);
            BinaryPrimitives.WriteUInt16LittleEndian(h[26..], (ushort)name.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(h, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(h[4..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(h[6..], 20);
            BinaryPrimitives.WriteUInt16LittleEndian(h[10..], method);
            BinaryPrimitives.WriteUInt16LittleEndian(h[12..], 0x4800);
            BinaryPrimitives.WriteUInt16LittleEndian(h[14..], 0x5758);
            BinaryPrimitives.WriteUInt32LittleEndian(h[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(h[20..], compressed);
            BinaryPrimitives.WriteUInt32LittleEndian(h[24..], size);
            BinaryPrimitives.WriteUInt16LittleEndian(h[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], offset);
        }
        s.Write(h);
        s.Write(name);
    }

    /// <summary>Raw deflate data for 1 MiB of zeros, ending on a sync flush so that copies can follow each other.</summary>
    private static byte[] ZerosChunk()
    {
        var ms = new MemoryStream();
        using (var deflate = new DeflateStream(ms, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(new byte[1024 * 1024]);
            deflate.Flush();
            // Taken before disposing, which would add a final block: the caller ends the stream itself.
            return ms.ToArray();
        }
    }

    /// <summary>CRC-32 (as zip uses it) of the bytes.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }

    /// <summary>
    /// CRC-32 of <paramref name="count"/> zero bytes without reading them: appending a zero bit is a
    /// linear map of the CRC register, so appending 8·n of them is that map's matrix raised to 8·n.
    /// </summary>
    public static uint Crc32OfZeros(long count)
    {
        var one = new uint[32];
        one[0] = 0xEDB88320u;
        for (var i = 1; i < 32; i++) one[i] = 1u << (i - 1);
        var result = Identity();
        var power = one;
        for (var bits = count * 8; bits > 0; bits >>= 1)
        {
            if ((bits & 1) != 0) result = Multiply(power, result);
            power = Multiply(power, power);
        }
        return ~Apply(result, 0xFFFFFFFFu);

        static uint[] Identity()
        {
            var m = new uint[32];
            for (var i = 0; i < 32; i++) m[i] = 1u << i;
            return m;
        }

        static uint Apply(uint[] m, uint v)
        {
            var r = 0u;
            for (var i = 0; v != 0; i++, v >>= 1)
                if ((v & 1) != 0) r ^= m[i];
            return r;
        }

        static uint[] Multiply(uint[] a, uint[] b)
        {
            var m = new uint[32];
            for (var i = 0; i < 32; i++) m[i] = Apply(a, b[i]);
            return m;
        }
    }
}
