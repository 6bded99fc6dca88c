using System.Buffers.Binary;
using System.Text;

namespace Consolidator.Core.Reading.Xls;

/// <summary>
/// The structure of a compound file (CFB, [MS-CFB]): .xls, an encrypted OOXML package, .doc, .ppt
/// all are one. Read here only far enough to name what the file is and to check that the
/// structure the .xls reader will walk is sound: a sector size of 512 or 4,096 bytes, every
/// FAT, directory and stream sector inside the file, no sector chain that loops or runs longer
/// than the file. A file that fails is damaged; one that passes cannot make the reader allocate
/// from a bogus size or follow a chain forever.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const int HeaderSize = 512;

    private readonly byte[] _bytes;
    private readonly int _sectorSize;
    private readonly uint[] _fat;
    private readonly long _sectors;

    private const uint NoStream = 0xFFFFFFFF;

    private CompoundFile(byte[] bytes, int sectorSize, uint[] fat, IReadOnlyList<Entry> entries)
    {
        _bytes = bytes;
        _sectorSize = sectorSize;
        _fat = fat;
        _sectors = (bytes.Length - HeaderSize) / sectorSize + ((bytes.Length - HeaderSize) % sectorSize > 0 ? 1 : 0);
        Entries = entries;
    }

    /// <summary>
    /// A directory entry: a stream or storage name, its type, first sector and size, and its
    /// place in the directory's tree (left and right siblings, first child; ids into the directory).
    /// </summary>
    internal sealed record Entry(string Name, int Type, uint Start, long Size)
    {
        public uint Left { get; init; } = NoStream;
        public uint Right { get; init; } = NoStream;
        public uint Child { get; init; } = NoStream;
        public int Id { get; init; }
    }

    private uint _miniFatStart = EndOfChain;
    private uint _miniFatSectors;

    public IReadOnlyList<Entry> Entries { get; }

    public int MiniStreamCutoff { get; private init; } = 4096;

    public bool Has(string name) => Entries.Any(e => e.Type is 1 or 2 && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses the header, the FAT and the directory, or throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static CompoundFile Open(byte[] bytes)
    {
        if (bytes.Length < HeaderSize) throw new InvalidDataException("compound file shorter than its header");
        var h = bytes.AsSpan(0, HeaderSize);
        var major = BinaryPrimitives.ReadUInt16LittleEndian(h[0x1A..]);
        var byteOrder = BinaryPrimitives.ReadUInt16LittleEndian(h[0x1C..]);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(h[0x1E..]);
        var miniShift = BinaryPrimitives.ReadUInt16LittleEndian(h[0x20..]);
        if (byteOrder != 0xFFFE) throw new InvalidDataException("compound file byte order mark");
        if (!(major == 3 && sectorShift == 9) && !(major == 4 && sectorShift == 12))
            throw new InvalidDataException($"compound file version {major} with sector shift {sectorShift}");
        if (miniShift != 6) throw new InvalidDataException($"compound file mini sector shift {miniShift}");
        var sectorSize = 1 << sectorShift;
        long sectors = (bytes.Length - HeaderSize + sectorSize - 1) / sectorSize;

        var fatSectors = BinaryPrimitives.ReadUInt32LittleEndian(h[0x2C..]);
        var directoryStart = BinaryPrimitives.ReadUInt32LittleEndian(h[0x30..]);
        var cutoff = BinaryPrimitives.ReadUInt32LittleEndian(h[0x38..]);
        var difatStart = BinaryPrimitives.ReadUInt32LittleEndian(h[0x44..]);
        var difatSectors = BinaryPrimitives.ReadUInt32LittleEndian(h[0x48..]);
        if (fatSectors == 0 || fatSectors > sectors) throw new InvalidDataException($"compound file declares {fatSectors} FAT sectors in a file of {sectors}");
        if (difatSectors > sectors) throw new InvalidDataException($"compound file declares {difatSectors} DIFAT sectors in a file of {sectors}");

        // The DIFAT: 109 FAT sector numbers in the header, the rest in a chain of DIFAT sectors.
        var fatSectorList = new List<uint>((int)fatSectors);
        for (var i = 0; i < 109 && fatSectorList.Count < fatSectors; i++)
            fatSectorList.Add(BinaryPrimitives.ReadUInt32LittleEndian(h[(0x4C + 4 * i)..]));
        var perSector = sectorSize / 4;
        var difat = difatStart;
        for (var d = 0; d < difatSectors && fatSectorList.Count < fatSectors; d++)
        {
            var span = Sector(bytes, difat, sectorSize, sectors);
            for (var i = 0; i < perSector - 1 && fatSectorList.Count < fatSectors; i++)
                fatSectorList.Add(BinaryPrimitives.ReadUInt32LittleEndian(span[(4 * i)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(span[(sectorSize - 4)..]);
        }
        if (fatSectorList.Count < fatSectors) throw new InvalidDataException("compound file DIFAT is shorter than its FAT");

        var fat = new uint[(long)fatSectors * perSector];
        for (var f = 0; f < fatSectorList.Count; f++)
        {
            var span = Sector(bytes, fatSectorList[f], sectorSize, sectors);
            for (var i = 0; i < perSector; i++)
                fat[(f * perSector) + i] = BinaryPrimitives.ReadUInt32LittleEndian(span[(4 * i)..]);
        }

        var file = new CompoundFile(bytes, sectorSize, fat, []);
        var directory = file.ReadChain(directoryStart, long.MaxValue);
        var entries = new List<Entry>(directory.Length / 128);
        for (var o = 0; o + 128 <= directory.Length; o += 128)
        {
            var e = directory.AsSpan(o, 128);
            var nameLength = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(e[64..]), 64);
            var type = e[66];
            if (type == 0) continue;
            var name = Encoding.Unicode.GetString(e[..Math.Max(0, nameLength - 2)]);
            var size = major == 3 ? BinaryPrimitives.ReadUInt32LittleEndian(e[120..]) : (long)BinaryPrimitives.ReadUInt64LittleEndian(e[120..]);
            entries.Add(new Entry(name, type, BinaryPrimitives.ReadUInt32LittleEndian(e[116..]), size)
            {
                Id = o / 128,
                Left = BinaryPrimitives.ReadUInt32LittleEndian(e[68..]),
                Right = BinaryPrimitives.ReadUInt32LittleEndian(e[72..]),
                Child = BinaryPrimitives.ReadUInt32LittleEndian(e[76..]),
            });
        }
        if (entries.Count == 0 || entries[0].Type != 5) throw new InvalidDataException("compound file has no root entry");
        return new CompoundFile(bytes, sectorSize, fat, entries)
        {
            MiniStreamCutoff = (int)Math.Min(cutoff, int.MaxValue),
            _miniFatStart = BinaryPrimitives.ReadUInt32LittleEndian(h[0x3C..]),
            _miniFatSectors = BinaryPrimitives.ReadUInt32LittleEndian(h[0x40..]),
        };
    }

    /// <summary>
    /// The streams and storages directly in the root storage, found through the directory's tree
    /// (each storage's child and their left and right siblings). A workbook's own stream is one of
    /// these; a stream of the same name deeper down belongs to an embedded object (a chart or
    /// another workbook pasted into a sheet) and is not the workbook.
    /// </summary>
    public IReadOnlyList<Entry> RootChildren()
    {
        var byId = new Dictionary<uint, Entry>();
        foreach (var e in Entries) byId[(uint)e.Id] = e;
        var found = new List<Entry>();
        var seen = new HashSet<uint>();
        var pending = new Stack<uint>();
        pending.Push(Entries[0].Child);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (id == NoStream || !seen.Add(id) || !byId.TryGetValue(id, out var e)) continue;
            found.Add(e);
            pending.Push(e.Left);
            pending.Push(e.Right);
        }
        return found;
    }

    /// <summary>
    /// The workbook stream of an .xls: "Workbook" (BIFF8) or, from Excel 5.0/95, "Book", in any
    /// letter case, directly in the root storage (<see cref="RootChildren"/>). A file saved as
    /// "Excel 97-2003 &amp; 5.0/95" holds both; Workbook is the newer and complete one.
    /// </summary>
    public Entry? WorkbookStream()
    {
        var streams = RootChildren().Where(e => e.Type == 2).ToList();
        return streams.FirstOrDefault(e => e.Name.Equals("Workbook", StringComparison.OrdinalIgnoreCase))
            ?? streams.FirstOrDefault(e => e.Name.Equals("Book", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the root storage holds a stream or storage of this name (an encrypted package's parts stand there).</summary>
    public bool RootHas(string name) => RootChildren().Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A whole stream, from regular sectors or, below the cutoff, from the mini stream, after
    /// checking its chain (every sector in the file, no loop, read no further than its size needs).
    /// </summary>
    public byte[] ReadStream(Entry entry)
    {
        if (entry.Size >= MiniStreamCutoff) return ReadPrefix(entry, int.MaxValue);
        var root = Entries[0];
        var ministream = ReadChain(root.Start, (root.Size + _sectorSize - 1) / _sectorSize, root.Size);
        var miniFat = ReadChain(_miniFatStart, Math.Max(_miniFatSectors, 1));
        var output = new byte[entry.Size];
        var written = 0;
        var visited = new HashSet<uint>();
        for (var s = entry.Start; written < output.Length; s = BinaryPrimitives.ReadUInt32LittleEndian(miniFat.AsSpan((int)(4 * s))))
        {
            if ((long)s * 4 + 4 > miniFat.Length || ((long)s + 1) * MiniSectorSize > ministream.Length)
                throw new InvalidDataException($"compound file mini sector {s} is outside the mini stream");
            if (!visited.Add(s)) throw new InvalidDataException("compound file mini sector chain loops");
            var n = Math.Min(MiniSectorSize, output.Length - written);
            ministream.AsSpan((int)(s * MiniSectorSize), n).CopyTo(output.AsSpan(written));
            written += n;
        }
        return output;
    }

    private const int MiniSectorSize = 64;

    /// <summary>
    /// The first bytes (up to <paramref name="max"/>) of a stream held in regular sectors, after
    /// checking its chain: every sector in the file, no loop, read no further than its size needs. A stream small enough for the mini stream gives no bytes.
    /// </summary>
    public byte[] ReadPrefix(Entry entry, int max)
    {
        if (entry.Size < MiniStreamCutoff) return [];
        var needed = (entry.Size + _sectorSize - 1) / _sectorSize;
        var bytes = ReadChain(entry.Start, needed, Math.Min(max, entry.Size));
        return bytes;
    }

    private byte[] ReadChain(uint start, long maxSectors, long keep = long.MaxValue)
    {
        var visited = new bool[_sectors];
        var output = new MemoryStream();
        var count = 0L;
        for (var s = start; s != EndOfChain; s = _fat[s])
        {
            if (s == FreeSector || s >= _sectors || s >= _fat.Length) throw new InvalidDataException($"compound file sector {s} is outside the file");
            if (visited[s]) throw new InvalidDataException("compound file sector chain loops");
            visited[s] = true;
            if (output.Length < keep)
            {
                var span = Sector(_bytes, s, _sectorSize, _sectors);
                output.Write(span[..(int)Math.Min(span.Length, keep - output.Length)]);
            }
            // A chain longer than its stream's size needs is read no further: some writers leave
            // one (POI's 45290.xls), and Excel, like every reader, reads a stream to its size.
            if (++count >= maxSectors) break;
        }
        return output.ToArray();
    }

    private static ReadOnlySpan<byte> Sector(byte[] bytes, uint sector, int sectorSize, long sectors)
    {
        if (sector >= sectors) throw new InvalidDataException($"compound file sector {sector} is outside the file");
        var offset = HeaderSize + ((long)sector * sectorSize);
        var length = (int)Math.Min(sectorSize, bytes.Length - offset);
        if (length < sectorSize)
        {
            // The last sector may be cut short by a writer; pad it, as readers do.
            var padded = new byte[sectorSize];
            bytes.AsSpan((int)offset, length).CopyTo(padded);
            return padded;
        }
        return bytes.AsSpan((int)offset, sectorSize);
    }
}
