using System.Buffers.Binary;
using System.Text;

namespace Consolidator.Core.Reading.Xls;

/// <summary>
/// The record structure of an .xls workbook stream (BIFF8): a type and a length, then that many
/// bytes, record after record to the end of the stream (or to the zeros Excel pads a small stream
/// with). Walked once before the reader parses the stream: a record longer than BIFF8 allows
/// (8,224 bytes) or one that runs past the end means the stream is damaged, and a reader that
/// parsed it would resynchronise on garbage — in one damaged 13 KB file, for six seconds and
/// 1.3 GB of allocations.
/// </summary>
internal static class BiffRecords
{
    /// <summary>The largest record data BIFF8 allows; longer content continues in CONTINUE records.</summary>
    public const int MaxRecordLength = 8224;

    /// <summary>What is wrong with the record structure, or null when it is sound.</summary>
    public static string? Check(ReadOnlySpan<byte> stream)
    {
        var offset = 0;
        while (offset + 4 <= stream.Length)
        {
            var type = BinaryPrimitives.ReadUInt16LittleEndian(stream[offset..]);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(stream[(offset + 2)..]);
            if (type == 0 && length == 0 && stream[offset..].IndexOfAnyExcept((byte)0) < 0) return null;
            if (length > MaxRecordLength)
                return $"workbook stream record {type:X4} at {offset} declares {length} bytes, more than BIFF8 allows";
            if (offset + 4 + length > stream.Length)
                return $"workbook stream record {type:X4} at {offset} runs past the end of the stream";
            offset += 4 + length;
        }
        return stream[offset..].IndexOfAnyExcept((byte)0) < 0 ? null : "workbook stream ends inside a record";
    }

    /// <summary>Whether the workbook globals start with a FILEPASS record (0x002F): the .xls is encrypted.</summary>
    public static bool HasFilePass(ReadOnlySpan<byte> stream)
    {
        var offset = 0;
        for (var records = 0; records < 64 && offset + 4 <= stream.Length; records++)
        {
            var type = BinaryPrimitives.ReadUInt16LittleEndian(stream[offset..]);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(stream[(offset + 2)..]);
            if (type == 0x002F) return true;
            if (type is 0x0085 or 0x000A or 0x00FC) return false; // BOUNDSHEET, EOF, SST: past where FILEPASS stands
            offset += 4 + length;
        }
        return false;
    }

    private const ushort Bof = 0x0809;
    private const ushort Continue = 0x003C;
    private const ushort BoundSheet = 0x0085;
    private const ushort Sst = 0x00FC;
    private const ushort FormulaString = 0x0207;
    private const ushort FilePass = 0x002F;

    /// <summary>
    /// The BIFF version of a stream from its first BOF record: 8 (Excel 97-2003), 5 (Excel 5.0/95),
    /// 2, 3 or 4 (Excel 2.x–4.0), or 0 when it does not start with a BOF.
    /// </summary>
    public static int Version(ReadOnlySpan<byte> stream)
    {
        if (stream.Length < 8) return 0;
        var type = BinaryPrimitives.ReadUInt16LittleEndian(stream);
        var length = BinaryPrimitives.ReadUInt16LittleEndian(stream[2..]);
        var version = BinaryPrimitives.ReadUInt16LittleEndian(stream[4..]);
        var kind = BinaryPrimitives.ReadUInt16LittleEndian(stream[6..]);
        return type switch
        {
            0x0009 when length == 4 && kind is 0x10 or 0x20 or 0x40 => 2,
            0x0209 when length == 6 && kind is 0x10 or 0x20 or 0x40 or 0x100 => 3,
            0x0409 when length == 6 && kind is 0x10 or 0x20 or 0x40 or 0x100 => 4,
            Bof when length >= 4 && kind is 0x5 or 0x6 or 0x10 or 0x20 or 0x40 or 0x100 => version switch
            {
                0x0600 => 8,
                0x0500 or 0 => 5,
                0x0400 => 4,
                0x0300 => 3,
                0x0200 => 2,
                _ => 0,
            },
            _ => 0,
        };
    }

    /// <summary>The name of a BIFF version as Excel's users know it.</summary>
    public static string VersionName(int version) => version switch
    {
        8 => "Excel 97-2003",
        5 => "Excel 5.0/95",
        _ => "Excel 2.x–4.0",
    };

    /// <summary>
    /// The stream with the record shapes ExcelDataReader 3.6 fails on, though Excel and other readers
    /// open them, rewritten into the shapes it reads; or null when there is nothing to rewrite.
    /// <list type="bullet">
    /// <item>Records of type 0 with no data between other records (report generators write them
    /// after each record): the reader takes type 0 for BIFF2's DIMENSIONS and fails. Dropped.</item>
    /// <item>A CONTINUE of the shared-string table that holds only the option byte of a string's
    /// characters and no character: the reader expects a character after it. Dropped; the next
    /// CONTINUE starts with its own option byte.</item>
    /// <item>A formula's cached string (STRING) continued in CONTINUE records: the reader reads the
    /// first record alone and runs off its end. Joined into one STRING record.</item>
    /// <item>A BOUNDSHEET whose offset is not that of a BOF record: the reader finds no sheet
    /// there and reads it as empty. Pointed at its sheet's BOF, the sheets being in order.</item>
    /// </list>
    /// Every BOUNDSHEET's offset of its sheet is moved by what was dropped or joined before it. An
    /// encrypted stream is never rewritten: its RC4 key stream is keyed to each byte's position.
    /// </summary>
    public static byte[]? Repair(byte[] stream)
    {
        var records = Walk(stream);
        if (records.Count == 0 || records.Any(r => r.Type == FilePass)) return null;
        var biff8 = Version(stream) == 8;
        var dropped = new bool[records.Count];
        var joined = new Dictionary<int, byte[]>();
        var changed = false;
        var lastReal = records.FindLastIndex(x => x.Type != 0 || x.Length != 0);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r.Type == 0 && r.Length == 0 && i < lastReal)
            {
                dropped[i] = changed = true;
            }
            else if (r.Type == Sst && biff8)
            {
                foreach (var j in FlagOnlyContinues(stream, records, i))
                    dropped[j] = changed = true;
            }
            else if (r.Type == FormulaString && biff8 && i + 1 < records.Count && records[i + 1].Type == Continue)
            {
                var last = i + 1;
                while (last + 1 < records.Count && records[last + 1].Type == Continue) last++;
                if (JoinString(stream, records, i, last) is { } data)
                {
                    joined[i] = data;
                    for (var j = i + 1; j <= last; j++) dropped[j] = true;
                    changed = true;
                }
            }
        }
        // BOUNDSHEET k names where sheet k's BOF stands; a writer that got it wrong (ExcelDataReader's
        // Test_git_issue624.xls points 20 bytes past it) is pointed at the k-th sheet's BOF.
        var bofs = records.Skip(1).Where(r => r.Type == Bof).Select(r => r.Offset).ToList();
        var sheetStarts = records.Where(r => r.Type == BoundSheet && r.Length >= 4)
            .Select(r => BinaryPrimitives.ReadInt32LittleEndian(stream.AsSpan(r.Offset + 4))).ToList();
        var misplaced = sheetStarts.Count == bofs.Count && sheetStarts.Where((at, k) => at != bofs[k] && !bofs.Contains(at)).Any();
        changed |= misplaced;
        if (!changed) return null;

        var output = new MemoryStream(stream.Length);
        var moved = new Dictionary<int, int>();
        var boundSheets = new List<int>();
        Span<byte> header = stackalloc byte[4];
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            moved[r.Offset] = (int)output.Length;
            if (dropped[i]) continue;
            if (r.Type == BoundSheet) boundSheets.Add((int)output.Length);
            var data = joined.TryGetValue(i, out var j) ? j : stream.AsSpan(r.Offset + 4, r.Length).ToArray();
            BinaryPrimitives.WriteUInt16LittleEndian(header, r.Type);
            BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)data.Length);
            output.Write(header);
            output.Write(data);
        }
        var end = records[^1].Offset + 4 + records[^1].Length;
        moved[end] = (int)output.Length;
        output.Write(stream.AsSpan(end));
        var bytes = output.ToArray();
        for (var k = 0; k < boundSheets.Count; k++)
        {
            var at = boundSheets[k];
            var old = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4));
            if (misplaced && !bofs.Contains(old) && k < bofs.Count) old = bofs[k];
            if (moved.TryGetValue(old, out var now)) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 4), now);
        }
        return bytes;
    }

    private readonly record struct Record(int Offset, ushort Type, int Length);

    /// <summary>The records of a sound stream (see <see cref="Check"/>), up to the zeros that pad it.</summary>
    private static List<Record> Walk(ReadOnlySpan<byte> stream)
    {
        var records = new List<Record>();
        var offset = 0;
        while (offset + 4 <= stream.Length)
        {
            var type = BinaryPrimitives.ReadUInt16LittleEndian(stream[offset..]);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(stream[(offset + 2)..]);
            if (type == 0 && length == 0 && stream[offset..].IndexOfAnyExcept((byte)0) < 0) break;
            if (offset + 4 + length > stream.Length) break;
            records.Add(new Record(offset, type, length));
            offset += 4 + length;
        }
        return records;
    }

    /// <summary>
    /// The CONTINUE records after the SST at <paramref name="sst"/> that hold nothing but the option
    /// byte of a string's characters. Walks the strings as [MS-XLS] 2.5.293 lays them out: count,
    /// options, run and extension sizes, then characters (each CONTINUE that starts among them
    /// starts with an option byte), formatting runs and the extension (which continue without one).
    /// </summary>
    private static List<int> FlagOnlyContinues(byte[] stream, List<Record> records, int sst)
    {
        var found = new List<int>();
        var index = sst;
        var position = records[sst].Offset + 4 + 8; // past cstTotal and cstUnique
        var recordEnd = records[sst].Offset + 4 + records[sst].Length;
        if (position > recordEnd) return found;
        var total = BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(records[sst].Offset + 8));

        bool Next()
        {
            if (index + 1 >= records.Count || records[index + 1].Type != Continue) return false;
            index++;
            position = records[index].Offset + 4;
            recordEnd = position + records[index].Length;
            return true;
        }

        for (var s = 0u; s < total; s++)
        {
            if (position >= recordEnd && !Next()) break;
            if (position + 3 > recordEnd) break;
            var cch = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(position));
            var flags = stream[position + 2];
            position += 3;
            var runs = 0;
            var ext = 0L;
            if ((flags & 0x08) != 0)
            {
                if (position + 2 > recordEnd) break;
                runs = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(position));
                position += 2;
            }
            if ((flags & 0x04) != 0)
            {
                if (position + 4 > recordEnd) break;
                ext = BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(position));
                position += 4;
            }
            var wide = (flags & 0x01) != 0;
            var left = (int)cch;
            while (left > 0)
            {
                if (position >= recordEnd)
                {
                    if (!Next()) return found;
                    wide = (stream[position] & 0x01) != 0;
                    position++;
                    if (position >= recordEnd)
                    {
                        found.Add(index);
                        continue;
                    }
                }
                var fit = Math.Min(left, (recordEnd - position) / (wide ? 2 : 1));
                if (fit == 0) return found;
                position += fit * (wide ? 2 : 1);
                left -= fit;
            }
            var tail = 4L * runs + ext;
            while (tail > 0)
            {
                if (position >= recordEnd && !Next()) return found;
                var take = (int)Math.Min(tail, recordEnd - position);
                position += take;
                tail -= take;
            }
        }
        return found;
    }

    /// <summary>
    /// A STRING record's text with its CONTINUE records joined ([MS-XLS] 2.4.268: count, option
    /// byte, characters; each CONTINUE starts with its own option byte), written back as one record
    /// of UTF-16 characters, or null when the records do not hold the characters the count says.
    /// </summary>
    private static byte[]? JoinString(byte[] stream, List<Record> records, int first, int last)
    {
        var r = records[first];
        if (r.Length < 3) return null;
        var cch = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(r.Offset + 4));
        var text = new StringBuilder(cch);
        var wide = (stream[r.Offset + 6] & 0x01) != 0;
        var position = r.Offset + 7;
        var end = r.Offset + 4 + r.Length;
        var index = first;
        while (text.Length < cch)
        {
            if (position >= end)
            {
                if (++index > last) return null;
                position = records[index].Offset + 4;
                end = position + records[index].Length;
                if (position >= end) continue;
                wide = (stream[position] & 0x01) != 0;
                position++;
                continue;
            }
            if (wide)
            {
                if (position + 2 > end) return null;
                text.Append((char)BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(position)));
                position += 2;
            }
            else
            {
                text.Append((char)stream[position]);
                position++;
            }
        }
        var data = new byte[3 + 2 * text.Length];
        if (data.Length > ushort.MaxValue) return null;
        BinaryPrimitives.WriteUInt16LittleEndian(data, cch);
        data[2] = 0x01;
        for (var i = 0; i < text.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(3 + 2 * i), text[i]);
        return data;
    }
}
