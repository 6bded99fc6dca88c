namespace Consolidator.Core.Writing;

/// <summary>
/// How a sheet goes onto A4 landscape paper so that its text stays readable (at least 8 pt).
/// Column widths are in Excel's units (the width of a digit of the default font, Calibri 11:
/// Excel draws a unit as 7 px plus 5 px padding per column, 5.25 pt + 3.75 pt; LibreOffice with
/// Calibri's metric twin Carlito about 5.6 pt + 4 pt, the wider of the two is used). Text that
/// is wrapped can be narrowed: <see cref="Narrow"/> caps the widest wrapped columns (never below
/// their minimum; a column's <see cref="Column.Share"/> lets the item text and the findings keep
/// more) until the table fits the page at 100 %, and the rows grow instead. A table that
/// still does not fit is shrunk to the width while its smallest text stays at 8 pt or more; past
/// that it prints at 100 % and its further columns go on to further pages, the first column
/// (the item's No.) repeated on each.
/// </summary>
internal readonly record struct PageFit(bool Shrink, bool RepeatFirstColumn)
{
    /// <summary>The width of A4 landscape less the 0.4-inch side margins, in points.</summary>
    public const double PrintableWidth = 841.89 - 2 * 0.4 * 72;

    /// <summary>Points a column takes per width unit, and for its padding (LibreOffice's, the wider).</summary>
    public const double PointsPerUnit = 5.6, PointsPerColumn = 4;

    /// <summary>The smallest text a page may print, in points.</summary>
    public const double SmallestReadable = 8;

    /// <summary>Fitted to the page width whatever it takes (the templates, whose text is large).</summary>
    public static readonly PageFit FitWidth = new(true, false);

    /// <summary>The width of columns on paper at 100 %, in points.</summary>
    public static double Points(IReadOnlyList<double> widths) => widths.Sum() * PointsPerUnit + widths.Count * PointsPerColumn;

    /// <summary>How to print columns of these widths whose smallest text is <paramref name="smallestFont"/> points.</summary>
    public static PageFit For(IReadOnlyList<double> widths, double smallestFont)
    {
        var scale = PrintableWidth / Points(widths);
        if (scale >= 1) return new(false, false);
        if (scale * smallestFont >= SmallestReadable) return new(true, false);
        return new(false, true);
    }

    /// <summary>
    /// Narrows the widest wrapped columns among the first <paramref name="printed"/> until they fit
    /// the printable width at 100 %: every wrapped column wider than the cap times its share is set
    /// to that (or its minimum), the cap found by bisection. Columns that do not wrap keep their width.
    /// </summary>
    public static void Narrow(double[] widths, IReadOnlyList<Column> columns, int printed)
    {
        var capacity = (PrintableWidth - printed * PointsPerColumn) / PointsPerUnit;
        double Total(double cap)
        {
            var sum = 0.0;
            for (var c = 0; c < printed; c++)
                sum += columns[c].Wrap ? Math.Max(columns[c].MinWidth, Math.Min(widths[c], cap * columns[c].Share)) : widths[c];
            return sum;
        }
        if (Total(double.MaxValue) <= capacity) return;
        double low = 0, high = widths.Take(printed).DefaultIfEmpty(0).Max() + 1;
        for (var i = 0; i < 40; i++)
        {
            var mid = (low + high) / 2;
            if (Total(mid) <= capacity) low = mid;
            else high = mid;
        }
        for (var c = 0; c < printed; c++)
            if (columns[c].Wrap) widths[c] = Math.Max(columns[c].MinWidth, Math.Floor(Math.Min(widths[c], low * columns[c].Share)));
    }
}
