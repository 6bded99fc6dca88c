using System.Globalization;
using System.Text;

namespace Consolidator.Fixtures;

/// <summary>A number with the format Excel shows it in: <c>Num(5.1, "0.00")</c> displays 5.10.</summary>
public sealed record Num(double Value, string? Format = null)
{
    public string Displayed => Format switch
    {
        "0.00" => Value.ToString("0.00", CultureInfo.InvariantCulture),
        "00" => Value.ToString("00", CultureInfo.InvariantCulture),
        _ => Value.ToString("R", CultureInfo.InvariantCulture),
    };
}

/// <summary>A formula with its cached value, as Excel and LibreOffice save it (=ROW()-5 → 1).</summary>
public sealed record Formula(string Text, double Cached);

/// <summary>A text cell with a furigana reading (Japanese Excel keeps it in the shared strings).</summary>
public sealed record Ruby(string Text, string Reading);

/// <summary>
/// One sheet of a submission as people lay it out: a title row, a metadata block of key/value
/// pairs (two pairs per row: A/B and D/E), notes (※ …), then the table. Rows hold strings,
/// numbers, <see cref="Num"/>, <see cref="Formula"/>, <see cref="Ruby"/> or null.
/// </summary>
public sealed class SheetSpec
{
    public string Name { get; set; } = "チェックリスト";
    public bool Hidden { get; set; }
    public string? Title { get; set; }
    public List<(string Key, object Value)> Metadata { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>Rows placed between the notes and the header row (a legend of the scale, say).</summary>
    public List<object?[]> Above { get; } = [];
    public string[] Headers { get; set; } = [];
    public List<object?[]> Rows { get; } = [];

    /// <summary>The 1-based column whose equal, consecutive values are merged vertically (分類), or 0.</summary>
    public int MergeColumn { get; set; }

    /// <summary>Blank rows between the metadata block and the table.</summary>
    public int GapRows { get; set; } = 1;

    public SheetSpec Meta(string key, object value)
    {
        Metadata.Add((key, value));
        return this;
    }

    public SheetSpec Row(params object?[] cells)
    {
        Rows.Add(cells);
        return this;
    }

    /// <summary>The row of the header, 1-based, as laid out.</summary>
    public int HeaderRow
    {
        get
        {
            var row = Title is null ? 1 : 3;
            row += (Metadata.Count + 1) / 2;
            row += Notes.Count;
            row += Above.Count;
            return row + (Metadata.Count + Notes.Count + Above.Count > 0 || Title is not null ? GapRows : 0);
        }
    }

    /// <summary>Every cell as laid out: (row, column, value), 1-based.</summary>
    public IEnumerable<(int Row, int Col, object Value)> Cells()
    {
        var row = 1;
        if (Title is not null)
        {
            yield return (1, 1, Title);
            row = 3;
        }
        for (var i = 0; i < Metadata.Count; i += 2)
        {
            yield return (row, 1, Metadata[i].Key);
            yield return (row, 2, Metadata[i].Value);
            if (i + 1 < Metadata.Count)
            {
                yield return (row, 4, Metadata[i + 1].Key);
                yield return (row, 5, Metadata[i + 1].Value);
            }
            row++;
        }
        foreach (var note in Notes) yield return (row++, 1, note);
        foreach (var above in Above)
        {
            for (var c = 0; c < above.Length; c++)
                if (above[c] is { } v) yield return (row, c + 1, v);
            row++;
        }
        row = HeaderRow;
        for (var c = 0; c < Headers.Length; c++) yield return (row, c + 1, Headers[c]);
        foreach (var r in Rows)
        {
            row++;
            for (var c = 0; c < r.Length; c++)
                if (r[c] is { } v && !(MergeColumn == c + 1 && IsContinuation(r, row)))
                    yield return (row, c + 1, v);
        }
    }

    /// <summary>Vertical merges of the merge column: runs of equal values, top cell only holding the value.</summary>
    public IEnumerable<(int First, int Last)> MergedRuns()
    {
        if (MergeColumn == 0) yield break;
        var start = -1;
        object? value = null;
        for (var i = 0; i <= Rows.Count; i++)
        {
            var v = i < Rows.Count && Rows[i].Length >= MergeColumn ? Rows[i][MergeColumn - 1] : null;
            if (i < Rows.Count && v is not null && Equals(v, value)) continue;
            if (start >= 0 && i - 1 > start) yield return (HeaderRow + 1 + start, HeaderRow + i);
            start = i;
            value = v;
        }
    }

    private bool IsContinuation(object?[] r, int row)
    {
        var i = row - HeaderRow - 1;
        return i > 0 && Rows[i - 1].Length >= MergeColumn && Equals(Rows[i - 1][MergeColumn - 1], r[MergeColumn - 1]);
    }

    /// <summary>The text Excel displays for a value.</summary>
    public static string Displayed(object value) => value switch
    {
        string s => s,
        Ruby r => r.Text,
        Num n => n.Displayed,
        Formula f => f.Cached.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>Writes <see cref="SheetSpec"/>s as .xlsx (Japanese Excel or inline-string flavour) or as CSV bytes.</summary>
public static class Books
{
    public static byte[] Xlsx(XlsxFlavour flavour, params SheetSpec[] sheets)
    {
        var book = new XlsxBuilder(flavour);
        foreach (var spec in sheets)
        {
            var s = book.AddSheet(spec.Name, spec.Hidden);
            foreach (var (row, col, value) in spec.Cells())
            {
                var isHeader = row == spec.HeaderRow && spec.Headers.Length > 0;
                var inTable = row > spec.HeaderRow;
                switch (value)
                {
                    case Ruby r: s.Text(row, col, r.Text, r.Reading, inTable ? 1 : 0); break;
                    case Num n: s.Number(row, col, n.Value, n.Format); break;
                    case Formula f: s.Formula(row, col, f.Text, f.Cached); break;
                    case double d: s.Number(row, col, d); break;
                    case int i: s.Number(row, col, i); break;
                    case string t when isHeader: s.Header(row, col, t); break;
                    case string t: s.Text(row, col, t, null, inTable ? 1 : 0); break;
                }
            }
            if (spec.Title is not null) s.Merge(1, 1, 1, Math.Max(2, spec.Headers.Length));
            foreach (var (first, last) in spec.MergedRuns())
            {
                for (var r = first + 1; r <= last; r++) s.Styled(r, spec.MergeColumn);
                s.Merge(first, spec.MergeColumn, last, spec.MergeColumn);
            }
        }
        return book.ToBytes();
    }

    public static byte[] Xlsx(params SheetSpec[] sheets) => Xlsx(XlsxFlavour.JapaneseExcel, sheets);

    /// <summary>CSV as Excel writes it: CRLF, fields quoted when needed, in the given encoding (Shift_JIS: code page 932).</summary>
    public static byte[] Csv(SheetSpec spec, Encoding encoding, bool bom = false)
    {
        var cells = spec.Cells().ToList();
        var rows = cells.Count == 0 ? 0 : cells.Max(c => c.Row);
        var cols = cells.Count == 0 ? 0 : cells.Max(c => c.Col);
        var grid = new string[rows, cols];
        foreach (var (r, c, v) in cells) grid[r - 1, c - 1] = SheetSpec.Displayed(v);
        var sb = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (c > 0) sb.Append(',');
                var v = grid[r, c] ?? "";
                sb.Append(v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v);
            }
            sb.Append("\r\n");
        }
        var body = encoding.GetBytes(sb.ToString());
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }

    public static Encoding ShiftJis
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(932);
        }
    }
}
