using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Consolidator.Fixtures;

namespace Consolidator.Tests.Support;

/// <summary>One file as dropped into an inbox: where, which bytes, and its modification time (which decides which submission is newer).</summary>
internal sealed record InputFile(string RelativePath, byte[] Bytes, DateTimeOffset ModifiedAt)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes));

    public string Name => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    public bool IsLockFile => Name.StartsWith("~$", StringComparison.Ordinal);

    /// <summary>Writes the file with its time, as a copy onto a share keeps it.</summary>
    public string WriteTo(string folder)
    {
        if (Path.IsPathRooted(RelativePath) || RelativePath.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException("Not a path inside the folder: " + RelativePath);
        var path = Path.Combine(folder, RelativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Bytes);
        File.SetLastWriteTimeUtc(path, ModifiedAt.UtcDateTime);
        return path;
    }
}

/// <summary>
/// Inbox contents built in code (CI runs on a clean clone): versions of the seed audit — each a
/// little different, so later ones supersede earlier ones, and with byte-identical files among
/// them, so some are duplicates — and the bad files an office receives: random bytes named
/// .xlsx, text named .xlsx, a zip that is no workbook, an empty workbook, a cover letter with no
/// table, and Excel's lock file.
/// </summary>
internal static class Inputs
{
    private static readonly DateTimeOffset Base = new(2023, 10, 1, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly string[] Judgments = ["〇", "―", "⦿"];

    /// <summary>The seed audit's five workbooks with item (version mod 38) judged differently, in folder v{version}/, an hour newer per version.</summary>
    public static IReadOnlyList<InputFile> SeedVersion(int version, string? folder = null)
    {
        var target = version % SeedAudit.Items.Length;
        var items = SeedAudit.Items.Select((item, i) => i == target && version > 0
            ? item with { Judgment = Judgments[version % Judgments.Length], Finding = null, Recommendation = null }
            : item).ToList();
        folder ??= $"v{version:D3}";
        var i = 0;
        return SeedAudit.Build(items)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new InputFile(Join(folder, kv.Key), kv.Value, Base.AddHours(version).AddMinutes(i++)))
            .ToList();
    }

    /// <summary>Bad file number <paramref name="n"/>: one of five kinds, each copy a little different.</summary>
    public static InputFile Bad(int n, string folder = "bad")
    {
        var when = Base.AddDays(-1).AddMinutes(n);
        return (n % 5) switch
        {
            0 => new InputFile(Join(folder, $"破損ファイル_{n:D3}.xlsx"), RandomBytes(n, 3000), when),
            1 => new InputFile(Join(folder, $"議事メモ_{n:D3}.xlsx"), Encoding.UTF8.GetBytes($"議事メモ {n}\n次回の監査日程について\n"), when),
            2 => new InputFile(Join(folder, $"参考資料一式_{n:D3}.xlsx"), Zip($"資料{n}.txt", $"参考資料 {n}"), when),
            3 => new InputFile(Join(folder, $"空のブック_{n:D3}.xlsx"), EmptyWorkbook(n), when),
            _ => new InputFile(Join(folder, $"送付状_{n:D3}.xlsx"), CoverLetter(n), when),
        };
    }

    /// <summary>Excel's owner file for an open workbook: never a submission, left where it is.</summary>
    public static InputFile LockFile(string relativePath = "~$checklist.xlsx") =>
        new(relativePath, Encoding.ASCII.GetBytes("\u0006kansa".PadRight(165, ' ')), Base);

    /// <summary>
    /// <paramref name="count"/> files: seed versions (5 files each), one bad file after every
    /// <paramref name="badEvery"/> good ones.
    /// </summary>
    public static IReadOnlyList<InputFile> Mixed(int count, int badEvery = 9)
    {
        var files = new List<InputFile>();
        var version = 0;
        var bad = 0;
        while (files.Count < count)
        {
            foreach (var f in SeedVersion(version++))
            {
                if (files.Count >= count) break;
                files.Add(f);
                if (files.Count < count && files.Count % (badEvery + 1) == badEvery) files.Add(Bad(bad++));
            }
        }
        return files;
    }

    private static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0x17; // not "PK", not a BOM, not text
        return bytes;
    }

    private static byte[] Zip(string name, string content)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(name);
            entry.LastWriteTime = new DateTimeOffset(2023, 10, 20, 10, 30, 0, TimeSpan.FromHours(9));
            using var w = new StreamWriter(entry.Open(), Encoding.UTF8);
            w.Write(content);
        }
        return ms.ToArray();
    }

    private static byte[] EmptyWorkbook(int n)
    {
        var book = new XlsxBuilder(XlsxFlavour.InlineStrings) { Application = $"Microsoft Excel {n}" };
        book.AddSheet("Sheet1");
        return book.ToBytes();
    }

    private static byte[] CoverLetter(int n)
    {
        var book = new XlsxBuilder();
        var s = book.AddSheet("送付状");
        s.Plain(1, 1, "送付状");
        s.Plain(3, 1, "対象業務").Plain(3, 2, SeedAudit.Target);
        s.Plain(4, 1, "年度").Plain(4, 2, SeedAudit.Year);
        s.Plain(6, 1, $"事前回答書を送付いたします。（第{n}版）");
        return book.ToBytes();
    }
}
