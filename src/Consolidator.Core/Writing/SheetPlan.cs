using System.Runtime.CompilerServices;
using System.Text;
using ClosedXML.Excel;

namespace Consolidator.Core.Writing;

/// <summary>
/// One sheet of one audit as a plan: the values, merges, row heights and column widths, and the
/// ClosedXML steps that lay the sheet out (styles, validation, print setup), kept in the order they
/// were planned. <see cref="Replay"/> runs the steps on a ClosedXML sheet — exactly what the writers
/// did before plans — and <see cref="WorkbookFrame"/> does that once per shape of sheet, then writes
/// every further audit of that shape from the plan alone. Each row gets a signature from the steps
/// that touch it (where in the code, which cells, which variant): rows with the same signature are
/// styled alike, so a frame's row stands for every row with its signature.
/// </summary>
internal sealed class SheetPlan(string name)
{
    private readonly List<Action<IXLWorksheet>> _steps = [];
    private readonly StringBuilder _shape = new();

    public string Name { get; } = name;

    /// <summary>Rows by number: their values, height and signature.</summary>
    public SortedDictionary<int, PlannedRow> Rows { get; } = [];

    public List<(int R1, int C1, int R2, int C2)> Merges { get; } = [];

    /// <summary>Column widths as set, in Excel units, by 1-based column.</summary>
    public SortedDictionary<int, double> Widths { get; } = [];

    /// <summary>The auto filter's range, if any.</summary>
    public (int R1, int C1, int R2, int C2)? Filter { get; set; }

    /// <summary>Where the data validation applies, if any.</summary>
    public (int R1, int C1, int R2, int C2)? Validation { get; set; }

    /// <summary>The print area, if any.</summary>
    public (int R1, int C1, int R2, int C2)? PrintArea { get; set; }

    /// <summary>The table whose body is streamed after the planned rows (its probe rows are in the frame only).</summary>
    public TableBody? Body { get; set; }

    /// <summary>What, apart from the rows' signatures, makes ClosedXML write this sheet differently: print fit, filter, validation.</summary>
    public string SheetShape => _shape.ToString();

    public void Replay(IXLWorksheet ws)
    {
        foreach (var step in _steps) step(ws);
    }

    public PlannedRow Row(int r)
    {
        if (!Rows.TryGetValue(r, out var row)) Rows[r] = row = new PlannedRow();
        return row;
    }

    /// <summary>A step on the sheet as a whole (print setup, freeze, filter); <paramref name="shape"/> says how it makes this sheet's frame differ.</summary>
    public void Sheet(Action<IXLWorksheet> step, string shape)
    {
        _steps.Add(step);
        _shape.Append(shape).Append(';');
    }

    public void Put(int r, int c, string? text)
    {
        var clean = CellText.Clean(text);
        var kind = clean.Length == 0 ? 'e' : string.IsNullOrWhiteSpace(clean) ? 'w' : clean.Contains('\n') || clean.Contains('\r') ? 'l' : 's';
        Row(r).Put(c, clean, $"P{c}{kind}");
        _steps.Add(ws => Sheets.Put(ws.Cell(r, c), text));
    }

    public void Put(int r, int c, int number)
    {
        Row(r).Put(c, number, $"P{c}n");
        _steps.Add(ws => Sheets.Put(ws.Cell(r, c), number));
    }

    public void Merge(int r1, int c1, int r2, int c2, bool checkIntersections = false)
    {
        Merges.Add((r1, c1, r2, c2));
        Touch(r1, r2, $"M{c1}-{c2}", edges: true);
        _steps.Add(ws => ws.Range(r1, c1, r2, c2).Merge(checkIntersections));
    }

    public void Height(int r, double height)
    {
        var row = Row(r);
        row.Height = height;
        row.Sign("H");
        _steps.Add(ws => ws.Row(r).Height = height);
    }

    public void Width(int c, double width)
    {
        Widths[c] = width;
        _steps.Add(ws => ws.Column(c).Width = width);
    }

    /// <summary>
    /// A style step on a range. <paramref name="variant"/> names what of the audit the step depends on
    /// (a fill colour); <paramref name="edges"/> when the step treats the range's top and bottom rows
    /// apart from the others (outside borders).
    /// </summary>
    public void Style(int r1, int c1, int r2, int c2, Action<IXLStyle> style, string variant = "", bool edges = false,
        [CallerLineNumber] int line = 0, [CallerFilePath] string file = "")
    {
        Touch(r1, r2, $"{Site(file, line)}{variant}:{c1}-{c2}", edges);
        _steps.Add(ws => style(ws.Range(r1, c1, r2, c2).Style));
    }

    /// <summary>A style step on one cell.</summary>
    public void Style(int r, int c, Action<IXLStyle> style, string variant = "", [CallerLineNumber] int line = 0, [CallerFilePath] string file = "")
    {
        Touch(r, r, $"{Site(file, line)}{variant}:{c}", edges: false);
        _steps.Add(ws => style(ws.Cell(r, c).Style));
    }

    /// <summary>
    /// One cell styled and its style given to a whole range at once (range by range and property by
    /// property ClosedXML looks a style up per cell and property).
    /// </summary>
    public void StyleAs(int r, int c, int r1, int c1, int r2, int c2, Action<IXLStyle> style, string variant = "",
        [CallerLineNumber] int line = 0, [CallerFilePath] string file = "")
    {
        Touch(r1, r2, $"{Site(file, line)}{variant}:{r - r1},{c}:{c1}-{c2}", edges: r != r1);
        _steps.Add(ws =>
        {
            var s = ws.Cell(r, c).Style;
            style(s);
            ws.Range(r1, c1, r2, c2).Style = s;
        });
    }

    private void Touch(int r1, int r2, string sign, bool edges)
    {
        for (var r = r1; r <= r2; r++)
            Row(r).Sign(!edges || r1 == r2 ? sign : r == r1 ? sign + "t" : r == r2 ? sign + "b" : sign + "m");
    }

    private static string Site(string file, int line) => $"{Path.GetFileNameWithoutExtension(file)}{line}";
}

/// <summary>A planned row: its values by column (text or number), its height if set, and its signature.</summary>
internal sealed class PlannedRow
{
    private readonly StringBuilder _signature = new();

    public SortedDictionary<int, object> Values { get; } = [];

    public double? Height { get; set; }

    public string Signature => _signature.ToString();

    public void Put(int c, object value, string sign)
    {
        Values[c] = value;
        Sign(sign);
    }

    public void Sign(string sign) => _signature.Append(sign).Append(' ');
}
