using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Consolidator.Core.Tests.Reading.Fuzz;

/// <summary>A mutated input and how it was made, so that a failing case can be named and replayed.</summary>
internal sealed record Mutant(byte[] Bytes, string How);

/// <summary>
/// Mutations of valid inputs, each drawn from a <see cref="Random"/> the caller seeds per case:
/// bytes flipped, overwritten with values that break size fields, cut, repeated or removed;
/// for an .xlsx also its XML edited part by part (numbers made extreme, spans cut or doubled,
/// types swapped, markup and escapes inserted, encodings changed) and the package re-zipped;
/// for CSV, quotes, NULs, broken multi-byte sequences and long fields.
/// </summary>
internal static partial class Mutator
{
    private static readonly long[] Extremes = [0, -1, 1, 255, 256, 65535, 65536, 16384, 16385, 1048576, 1048577, int.MaxValue, (long)int.MaxValue + 1, uint.MaxValue, 99999999999, long.MaxValue];

    private static readonly string[] Insertions =
    [
        "<c r=\"A1\">", "</row>", "<row>", "<row r=\"0\">", "<c r=\"XFD1048576\" t=\"s\"><v>0</v></c>", "<![CDATA[", "]]>", "&#1;", "&#xFFFF;", "&amp", "&unknown;",
        "_x0000_", "_x001B_", "_xD800_", "\uFFFF", "\u0001", "<?pi x?>", "<!-- -->", "<si><t>", "</t></si>", "<v>1E+308</v>", "<v>NaN</v>", "<v>-0</v>",
        "<mergeCell ref=\"A1:XFD1048576\"/>", "<mergeCell ref=\"B2:A1\"/>", "<f>SUM(A1:A9)</f>", "<is><t>inline</t></is>", "xml:space=\"preserve\"", " t=\"e\"", " s=\"99999\"",
        "<numFmt numFmtId=\"200\" formatCode=\"[$-ja-JP-x-gannen]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;;;@\"/>", "<numFmt numFmtId=\"201\" formatCode=\"0.0000000000000000000000000000000000000E+99999\"/>",
    ];

    private static readonly string[] CellTypes = ["s", "n", "b", "e", "str", "inlineStr", "d", "x", ""];

    private static readonly string[] Encodings = ["UTF-16", "UTF-32", "ISO-8859-1", "shift_jis", "EBCDIC", "x-unknown", "UTF-7"];

    /// <summary>One mutation of a file of the given kind (xlsx, xls, csv).</summary>
    public static Mutant Mutate(byte[] input, string kind, Random random)
    {
        var roll = random.Next(100);
        return kind switch
        {
            "xlsx" when roll < 60 => MutateXlsx(input, random),
            "csv" when roll < 50 => MutateCsv(input, random),
            _ => MutateBytes(input, random),
        };
    }

    public static Mutant MutateBytes(byte[] input, Random random)
    {
        var bytes = (byte[])input.Clone();
        switch (random.Next(7))
        {
            case 0:
            {
                var n = random.Next(1, 17);
                for (var i = 0; i < n; i++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return new(bytes, $"flip {n} bytes");
            }
            case 1:
            {
                var n = random.Next(1, 9);
                for (var i = 0; i < n; i++) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return new(bytes, $"flip {n} bits");
            }
            case 2:
            {
                var length = random.Next(bytes.Length);
                return new(bytes[..length], $"truncate to {length}");
            }
            case 3:
            {
                // An extreme value where a size or an index may stand (headers, records).
                var at = random.Next(Math.Max(1, bytes.Length - 8));
                var value = Extremes[random.Next(Extremes.Length)];
                var width = random.Next(2) == 0 ? 2 : 4;
                for (var i = 0; i < width && at + i < bytes.Length; i++) bytes[at + i] = (byte)(value >> (8 * i));
                return new(bytes, $"write {value} ({width} bytes) at {at}");
            }
            case 4:
            {
                var at = random.Next(bytes.Length);
                var length = Math.Min(random.Next(1, 4096), bytes.Length - at);
                return new([.. bytes[..at], .. bytes[(at + length)..]], $"delete {length} bytes at {at}");
            }
            case 5:
            {
                var at = random.Next(bytes.Length);
                var length = Math.Min(random.Next(1, 4096), bytes.Length - at);
                var times = random.Next(1, 8);
                var span = bytes[at..(at + length)];
                return new([.. bytes[..(at + length)], .. Enumerable.Repeat(span, times).SelectMany(b => b), .. bytes[(at + length)..]], $"repeat {length} bytes at {at} {times} times");
            }
            default:
            {
                var at = random.Next(bytes.Length);
                var fill = (byte)(random.Next(2) == 0 ? 0x00 : 0xFF);
                var length = Math.Min(random.Next(1, 512), bytes.Length - at);
                Array.Fill(bytes, fill, at, length);
                return new(bytes, $"fill {length} bytes at {at} with {fill:X2}");
            }
        }
    }

    /// <summary>Edits the XML of one part (or the package itself) and zips it again.</summary>
    public static Mutant MutateXlsx(byte[] input, Random random)
    {
        List<(string Name, byte[] Bytes)> parts;
        using (var zip = new ZipArchive(new MemoryStream(input), ZipArchiveMode.Read))
            parts = zip.Entries.Select(e =>
            {
                using var s = e.Open();
                var ms = new MemoryStream();
                s.CopyTo(ms);
                return (e.FullName, ms.ToArray());
            }).ToList();

        if (random.Next(10) == 0)
        {
            // Package-level: a part removed, doubled or renamed.
            var i = random.Next(parts.Count);
            var name = parts[i].Name;
            switch (random.Next(3))
            {
                case 0:
                    parts.RemoveAt(i);
                    return new(Zip(parts, random), $"remove part {name}");
                case 1:
                    parts.Add(parts[i]);
                    return new(Zip(parts, random), $"duplicate part {name}");
                default:
                    parts[i] = (name.ToUpperInvariant(), parts[i].Bytes);
                    return new(Zip(parts, random), $"rename part {name}");
            }
        }

        // Sheets and shared strings are where a reader spends its time: edit them most.
        var weighted = parts.Select((p, i) => (i, w: p.Name.Contains("worksheets", StringComparison.Ordinal) ? 5 : p.Name.Contains("sharedStrings", StringComparison.Ordinal) ? 4 : p.Name.Contains("styles", StringComparison.Ordinal) ? 2 : 1)).ToList();
        var pick = random.Next(weighted.Sum(x => x.w));
        var index = weighted.First(x => (pick -= x.w) < 0).i;
        var (part, bytes) = parts[index];
        var xml = Encoding.UTF8.GetString(bytes);
        var (edited, how) = EditXml(xml, random);
        parts[index] = (part, Encoding.UTF8.GetBytes(edited));
        return new(Zip(parts, random), $"{part}: {how}");
    }

    private static (string Xml, string How) EditXml(string xml, Random random)
    {
        switch (random.Next(10))
        {
            case 0:
            case 1:
            {
                var numbers = Number().Matches(xml);
                if (numbers.Count == 0) goto default;
                var m = numbers[random.Next(numbers.Count)];
                var value = Extremes[random.Next(Extremes.Length)].ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (xml[..m.Index] + value + xml[(m.Index + m.Length)..], $"number {m.Value} at {m.Index} → {value}");
            }
            case 2:
            {
                var at = random.Next(xml.Length);
                var length = Math.Min(random.Next(1, 400), xml.Length - at);
                return (xml.Remove(at, length), $"delete {length} characters at {at}");
            }
            case 3:
            {
                var at = random.Next(xml.Length);
                var length = Math.Min(random.Next(1, 400), xml.Length - at);
                var times = random.Next(1, 50);
                return (xml.Insert(at + length, string.Concat(Enumerable.Repeat(xml.Substring(at, length), times))), $"repeat {length} characters at {at} {times} times");
            }
            case 4:
            {
                var types = CellType().Matches(xml);
                if (types.Count == 0) goto default;
                var m = types[random.Next(types.Count)];
                var type = CellTypes[random.Next(CellTypes.Length)];
                return (xml[..m.Index] + $" t=\"{type}\"" + xml[(m.Index + m.Length)..], $"cell type at {m.Index} → '{type}'");
            }
            case 5:
            {
                var at = random.Next(xml.Length);
                var insert = Insertions[random.Next(Insertions.Length)];
                return (xml.Insert(at, insert), $"insert {Visible(insert)} at {at}");
            }
            case 6:
            {
                var length = random.Next(xml.Length);
                return (xml[..length], $"truncate XML to {length} characters");
            }
            case 7:
            {
                var encoding = Encodings[random.Next(Encodings.Length)];
                var declared = Declaration().Replace(xml, $"encoding=\"{encoding}\"", 1);
                return (declared, $"declare encoding {encoding}");
            }
            case 8:
            {
                // Long text: a value far over the cell limit, or many cells.
                var t = Text().Match(xml);
                if (!t.Success) goto default;
                var repeat = random.Next(2) == 0 ? 40_000 : 300;
                return (xml[..(t.Index + 3)] + new string('長', repeat) + xml[(t.Index + 3)..], $"text of {repeat} characters at {t.Index}");
            }
            default:
            {
                var chars = xml.ToCharArray();
                var n = random.Next(1, 9);
                for (var i = 0; i < n; i++) chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7F);
                return (new string(chars), $"replace {n} characters");
            }
        }
    }

    public static Mutant MutateCsv(byte[] input, Random random)
    {
        var bytes = input.ToList();
        var at = random.Next(bytes.Count);
        switch (random.Next(8))
        {
            case 0:
                bytes.Insert(at, (byte)'"');
                return new([.. bytes], $"insert a quote at {at}");
            case 1:
                bytes.Insert(at, 0);
                return new([.. bytes], $"insert NUL at {at}");
            case 2:
            {
                byte[] broken = random.Next(3) switch { 0 => [0xFF], 1 => [0xC0, 0x80], _ => [0x81] };
                bytes.InsertRange(at, broken);
                return new([.. bytes], $"insert invalid bytes {Convert.ToHexString(broken)} at {at}");
            }
            case 3:
            {
                var field = Encoding.UTF8.GetBytes("\"" + new string('長', random.Next(2) == 0 ? 40_000 : 1_000) + "\",");
                bytes.InsertRange(at, field);
                return new([.. bytes], $"insert a field of {field.Length} bytes at {at}");
            }
            case 4:
            {
                var line = Encoding.UTF8.GetBytes("\r\n" + string.Join(",", Enumerable.Repeat("x", random.Next(2) == 0 ? 300 : 20)));
                var times = random.Next(1, 200);
                bytes.InsertRange(at, Enumerable.Repeat(line, times).SelectMany(l => l));
                return new([.. bytes], $"insert {times} lines at {at}");
            }
            case 5:
            {
                for (var i = 0; i < bytes.Count; i++) if (bytes[i] == '\n') bytes[i] = (byte)'\r';
                return new([.. bytes], "line breaks CR only");
            }
            case 6:
            {
                byte[] bom = random.Next(3) switch { 0 => [0xFF, 0xFE], 1 => [0xFE, 0xFF], _ => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] };
                return new([.. bom, .. bytes], $"prefix BOM {Convert.ToHexString(bom)}");
            }
            default:
            {
                var text = Encoding.UTF8.GetBytes(Insertions[random.Next(Insertions.Length)] + "=cmd|' /C calc'!A0\t,;");
                bytes.InsertRange(at, text);
                return new([.. bytes], $"insert markup at {at}");
            }
        }
    }

    private static byte[] Zip(List<(string Name, byte[] Bytes)> parts, Random random)
    {
        var ms = new MemoryStream();
        var level = random.Next(4) == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in parts)
            {
                var entry = zip.CreateEntry(name, level);
                using var s = entry.Open();
                s.Write(bytes);
            }
        return ms.ToArray();
    }

    private static string Visible(string s) => string.Concat(s.Select(c => char.IsControl(c) || c > 0xFFF0 ? $"\\u{(int)c:X4}" : c.ToString()));

    [GeneratedRegex("(?<=[\">])-?[0-9]+(?=[\"<])")]
    private static partial Regex Number();

    [GeneratedRegex(" t=\"[a-zA-Z]*\"")]
    private static partial Regex CellType();

    [GeneratedRegex("encoding=\"[^\"]*\"")]
    private static partial Regex Declaration();

    [GeneratedRegex("<t>|<t ")]
    private static partial Regex Text();
}
