using System.Text;
using Consolidator.Core.Model;

namespace Consolidator.Core.Reading.Xlsx;

/// <summary>
/// Reads .xlsx files with both <see cref="XlsxReader"/> (the product's) and
/// <see cref="ExcelDataReaderXlsxReader"/> (the reference, ExcelDataReader 3.6) and compares what
/// they hand on, cell by cell: each sheet's name and visibility, every cell's text as
/// <see cref="RawWorkbook"/> holds it (merged ranges filled), the merged ranges, the cells cut at
/// the limit; and, when a reader refuses a file, the refusal's code. Used by the differential
/// test over the project's fixtures and by the benchmark's differential mode over other
/// libraries' test files (scripts/reader-differential.sh).
/// </summary>
internal sealed class ReaderDifferential
{
    // ExcelDataReader needs the legacy code pages, as WorkbookReader registers them.
    static ReaderDifferential() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly XlsxReader Own = new();
    private static readonly ExcelDataReaderXlsxReader Reference = new();

    /// <summary>Differences kept with their details; beyond these only counted.</summary>
    public const int MaxDetails = 2_000;

    public int Files { get; private set; }
    public int ReadByBoth { get; private set; }
    public int RefusedByBoth { get; private set; }
    public long Cells { get; private set; }
    public long MergedRanges { get; private set; }
    public SortedDictionary<string, int> Kinds { get; } = new(StringComparer.Ordinal);
    public List<string> Details { get; } = [];

    /// <summary>Refusal codes of files both refused, with the number of files.</summary>
    public SortedDictionary<string, int> BothRefused { get; } = new(StringComparer.Ordinal);

    public int Differences => Kinds.Values.Sum();

    /// <summary>Compares one file (its bytes as they arrive; an encrypted package is compared decrypted); false when it is no .xlsx.</summary>
    public bool Compare(byte[] bytes, string name, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        SniffResult sniff;
        try
        {
            sniff = FormatSniffer.Sniff(new MemoryStream(bytes, writable: false), name, limits);
        }
        catch (UnreadableFileException)
        {
            return false;
        }
        if (sniff.Format != FileFormat.Xlsx) return false;
        var content = sniff.Payload ?? bytes;
        Files++;
        var own = Run(Own, content, name, limits);
        var reference = Run(Reference, content, name, limits);
        switch (own, reference)
        {
            case ({ Rejection: { } a }, { Rejection: { } b }):
                RefusedByBoth++;
                BothRefused[b.Code] = BothRefused.GetValueOrDefault(b.Code) + 1;
                if (a.Code != b.Code) Add("refused-differently", name, $"reference {b.Code}, own {a.Code}: {a.MessageEn}");
                return true;
            case ({ Rejection: { } a }, _):
                Add("refused-by-own-only", name, $"{a.Code}: {a.MessageEn}");
                return true;
            case (_, { Rejection: { } b }):
                Add("refused-by-reference-only", name, $"{b.Code}: {b.MessageEn}");
                return true;
        }
        ReadByBoth++;
        CompareBooks(name, reference.Book!, own.Book!);
        return true;
    }

    private void CompareBooks(string file, RawWorkbook reference, RawWorkbook own)
    {
        if (reference.Sheets.Count != own.Sheets.Count)
            Add("sheet-count", file, $"reference {reference.Sheets.Count}, own {own.Sheets.Count}");
        for (var s = 0; s < Math.Min(reference.Sheets.Count, own.Sheets.Count); s++)
        {
            var a = reference.Sheets[s];
            var b = own.Sheets[s];
            var where = $"{file} [{a.Name}]";
            if (a.Name != b.Name) Add("sheet-name", where, $"own [{b.Name}]");
            if (a.Hidden != b.Hidden) Add("sheet-hidden", where, $"reference {a.Hidden}, own {b.Hidden}");
            var rows = Math.Max(a.RowCount, b.RowCount);
            for (var r = 1; r <= rows; r++)
            {
                var columns = Math.Max(a.Row(r).Length, b.Row(r).Length);
                for (var c = 1; c <= columns; c++)
                {
                    var x = a[r, c];
                    var y = b[r, c];
                    if (x.Length == 0 && y.Length == 0) continue;
                    Cells++;
                    if (x == y) continue;
                    Add(x.Length == 0 ? "cell-only-own" : y.Length == 0 ? "cell-only-reference" : "cell-text", where,
                        $"{CellRef.ColumnName(c)}{r}: reference «{Show(x)}», own «{Show(y)}»");
                }
            }
            MergedRanges += a.Merges.Count;
            if (!a.Merges.SequenceEqual(b.Merges))
                Add("merged-ranges", where, $"reference {string.Join(' ', a.Merges.Select(Range))}; own {string.Join(' ', b.Merges.Select(Range))}");
        }
        if (!reference.CutCells.SequenceEqual(own.CutCells))
            Add("cut-cells", file, $"reference {reference.CutCells.Count}, own {own.CutCells.Count}");
    }

    private void Add(string kind, string where, string detail)
    {
        Kinds[kind] = Kinds.GetValueOrDefault(kind) + 1;
        if (Details.Count < MaxDetails) Details.Add($"{kind}\t{where}\t{detail}");
    }

    private static (RawWorkbook? Book, Rejection? Rejection) Run(IWorkbookReader reader, byte[] bytes, string name, ReadLimits limits)
    {
        try
        {
            return (reader.Read(new MemoryStream(bytes, writable: false), name, new ReadBudget(limits)), null);
        }
        catch (UnreadableFileException e)
        {
            return (null, e.Rejection);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, Rejections.Damaged(e));
        }
    }

    private static string Range(MergedRange m) => $"{CellRef.ColumnName(m.FirstColumn)}{m.FirstRow}:{CellRef.ColumnName(m.LastColumn)}{m.LastRow}";

    private static string Show(string text)
    {
        var shown = text.Length > 60 ? text[..60] + "…" : text;
        return shown.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
    }

    /// <summary>The summary: files, cells and merged ranges compared, differences by kind.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"files compared: {Files} (read by both {ReadByBoth}, refused by both {RefusedByBoth}: {string.Join(", ", BothRefused.Select(k => $"{k.Key} {k.Value}"))})");
        sb.AppendLine($"cells compared: {Cells:N0} (holding a value in either reader), merged ranges compared: {MergedRanges:N0}");
        sb.AppendLine($"differences: {Differences}" + (Kinds.Count == 0 ? "" : " — " + string.Join(", ", Kinds.Select(k => $"{k.Key} {k.Value}"))));
        return sb.ToString();
    }
}
