using ClosedXML.Excel;

namespace Consolidator.Core.Writing;

/// <summary>
/// Shared layout of the result sheets: header and body styles, column widths and row heights
/// estimated from the text (AdjustToContents needs GDI+ and throws on Linux; LibreOffice does
/// not re-measure rows on open), and printing on A4 that stays readable: the columns are sized
/// to the width of an A4 landscape page at 100 % — the widest wrapped columns narrowed and their
/// rows made taller — rather than the sheet shrunk to the page (which printed 4–6 pt text), with
/// the header rows repeated and page numbers in the footer (<see cref="PageFit"/>).
/// </summary>
internal static class Sheets
{
    public const string Font = "游ゴシック";
    public const double FontSize = 10;

    /// <summary>The size of the Small columns (cell references, hashes): readable on paper.</summary>
    public const double SmallFontSize = 9;

    /// <summary>Points per line of 10-point text, with the leading Yu Gothic needs.</summary>
    public const double LineHeight = 14.5;

    public static readonly XLColor HeaderFill = XLColor.FromHtml("#D9E1F2");
    public static readonly XLColor BorderColour = XLColor.FromHtml("#8EA9DB");

    public static void Put(IXLCell cell, string? text) => cell.SetValue(CellText.Clean(text));

    public static void Put(IXLCell cell, int number) => cell.SetValue(number);

    /// <summary>A sheet title in row 1 across the given columns.</summary>
    public static void Title(IXLWorksheet ws, string title, int columns)
    {
        var range = ws.Range(1, 1, 1, Math.Max(1, columns));
        range.Merge();
        Put(ws.Cell(1, 1), title);
        range.Style.Font.Bold = true;
        range.Style.Font.FontSize = 14;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        ws.Row(1).Height = 24;
    }

    /// <summary>Thin borders in the border colour on all four sides of one style: a table's grid, cell by cell.</summary>
    public static void Grid(IXLStyle style)
    {
        var b = style.Border;
        b.LeftBorder = b.RightBorder = b.TopBorder = b.BottomBorder = XLBorderStyleValues.Thin;
        b.LeftBorderColor = b.RightBorderColor = b.TopBorderColor = b.BottomBorderColor = BorderColour;
    }

    /// <summary>Lines a text needs in a column of the given width (Excel units).</summary>
    public static int Lines(string? text, double width)
    {
        if (string.IsNullOrEmpty(text)) return 1;
        var usable = Math.Max(2, width - 1.5);
        var lines = 0;
        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            lines += Math.Max(1, (int)Math.Ceiling(CellText.DisplayWidth(line) / usable));
            if (end < 0) return lines;
            rest = rest[(end + 1)..];
        }
    }

    /// <summary>A row height for the given number of lines, within Excel's limit.</summary>
    public static double Height(int lines) => Math.Min(409, lines * LineHeight + 3);

    /// <summary>A table laid out on a ClosedXML sheet directly (the overview): planned, then replayed; its body goes to <paramref name="bodies"/>.</summary>
    public static void Table(IXLWorksheet ws, int headerRow, IReadOnlyList<Column> columns, IReadOnlyList<string?[]> rows,
        TableBodies bodies, Func<int, int, string?>? fill = null)
    {
        var plan = new SheetPlan(ws.Name);
        Table(plan, headerRow, columns, rows, fill);
        if (plan.Body is { } body) bodies.Add(body);
        plan.Replay(ws);
    }

    /// <summary>
    /// A table: header row, body rows, borders, wrap, frozen header, filter, widths, heights, print
    /// setup. <paramref name="fill"/> gives a body cell's fill colour (#RRGGBB), or null. ClosedXML
    /// lays out one probe row per body style and the rows themselves are streamed into the saved
    /// package (<see cref="TableBodies"/>); a table without rows is laid out by ClosedXML alone.
    /// </summary>
    public static void Table(SheetPlan plan, int headerRow, IReadOnlyList<Column> columns, IReadOnlyList<string?[]> rows,
        Func<int, int, string?>? fill = null)
    {
        var streamed = rows.Count > 0;
        var fills = new List<string>();
        if (fill is not null)
            for (var r = 0; r < rows.Count; r++)
                for (var c = 0; c < columns.Count; c++)
                    if (fill(r, c) is { } f && !fills.Contains(f)) fills.Add(f);
        // Rows styled by ClosedXML: the probe rows standing for the body, or the one empty row.
        var styledRows = streamed ? 1 + fills.Count : 1;
        Base(plan, headerRow + styledRows, columns.Count);
        var widths = new double[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var col = columns[c];
            var widest = rows.Count == 0 ? 0 : rows.Max(r => c < r.Length ? CellText.DisplayWidth(r[c]) : 0);
            var headerWidth = col.Header.Split('\n').Max(l => CellText.DisplayWidth(l));
            widths[c] = Math.Clamp(Math.Max(widest, headerWidth) + 2, col.MinWidth, col.MaxWidth);
        }
        var printed = columns.TakeWhile(c => c.Printed).Count();
        PageFit.Narrow(widths, columns, printed);
        for (var c = 0; c < columns.Count; c++)
        {
            plan.Width(c + 1, widths[c]);
            plan.Put(headerRow, c + 1, columns[c].Header);
        }
        plan.Height(headerRow, Height(Enumerable.Range(0, columns.Count).Max(c => Lines(columns[c].Header, widths[c]))));

        var heights = new double[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var values = rows[r];
            var lines = 1;
            for (var c = 0; c < columns.Count && c < values.Length; c++)
                if (columns[c].Wrap) lines = Math.Max(lines, Lines(values[c], widths[c] * (columns[c].Small ? FontSize / SmallFontSize : 1)));
            heights[r] = Height(lines);
        }

        // One cell styled, its style given to a whole range at once: range by range and property by
        // property ClosedXML looks a style up per cell and property (the inside borders most).
        var lastRow = headerRow + styledRows;
        plan.StyleAs(headerRow, 1, headerRow, 1, headerRow, columns.Count, headStyle =>
        {
            headStyle.Font.Bold = true;
            headStyle.Fill.BackgroundColor = HeaderFill;
            headStyle.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            headStyle.Alignment.Vertical = XLAlignmentVerticalValues.Center;
            headStyle.Alignment.WrapText = true;
            Grid(headStyle);
        });
        for (var c = 0; c < columns.Count; c++)
        {
            var col = columns[c];
            plan.StyleAs(headerRow + 1, c + 1, headerRow + 1, c + 1, lastRow, c + 1, style =>
            {
                style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
                style.Alignment.WrapText = col.Wrap;
                if (col.Center) style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                if (col.Small) style.Font.FontSize = SmallFontSize;
                Grid(style);
            }, variant: $"{(col.Wrap ? "w" : "")}{(col.Center ? "c" : "")}{(col.Small ? "s" : "")}");
        }
        if (streamed)
        {
            for (var k = 0; k < fills.Count; k++)
            {
                var f = fills[k];
                plan.Style(headerRow + 2 + k, 1, headerRow + 2 + k, columns.Count, s => s.Fill.BackgroundColor = XLColor.FromHtml(f), variant: f);
            }
            plan.Body = new TableBody(plan.Name, headerRow, columns, rows, heights, fills, fill);
        }
        if (rows.Count > 0)
        {
            var filter = (headerRow, 1, headerRow + rows.Count, columns.Count);
            plan.Filter = filter;
            plan.Sheet(ws => ws.Range(filter.headerRow, 1, filter.Item3, filter.Item4).SetAutoFilter(), "filter");
        }
        plan.Sheet(ws => ws.SheetView.FreezeRows(headerRow), $"freeze {headerRow}");
        var smallest = columns.Take(printed).Any(c => c.Small) ? SmallFontSize : FontSize;
        Print(plan, headerRow, headerRow, PageFit.For(widths.Take(printed).ToList(), smallest));
        if (printed < columns.Count)
        {
            var area = (1, 1, headerRow + Math.Max(rows.Count, 1), printed);
            plan.PrintArea = area;
            plan.Sheet(ws => ws.PageSetup.PrintAreas.Add(area.Item1, area.Item2, area.Item3, area.Item4), "area");
        }
    }

    /// <summary>A sheet title in row 1 across the given columns.</summary>
    public static void Title(SheetPlan plan, string title, int columns)
    {
        var last = Math.Max(1, columns);
        plan.Merge(1, 1, 1, last, checkIntersections: true);
        plan.Put(1, 1, title);
        plan.Style(1, 1, 1, last, s =>
        {
            s.Font.Bold = true;
            s.Font.FontSize = 14;
            s.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        });
        plan.Height(1, 24);
    }

    /// <inheritdoc cref="Note(IXLWorksheet, int, int, string)"/>
    public static void Note(SheetPlan plan, int row, int columns, string text)
    {
        var last = Math.Max(1, columns);
        plan.Merge(row, 1, row, last, checkIntersections: true);
        plan.Put(row, 1, text);
        plan.Style(row, 1, row, last, s =>
        {
            s.Alignment.WrapText = false;
            s.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            s.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        });
        plan.Height(row, Height(1));
    }

    /// <inheritdoc cref="Print(IXLWorksheet, int, int, PageFit)"/>
    public static void Print(SheetPlan plan, int repeatFrom, int repeatTo, PageFit fit) =>
        plan.Sheet(ws => Print(ws, repeatFrom, repeatTo, fit), $"print {repeatFrom}-{repeatTo} {fit}");

    /// <inheritdoc cref="Base(IXLWorksheet, int, int)"/>
    public static void Base(SheetPlan plan, int lastRow, int lastColumn) =>
        plan.Style(1, 1, Math.Max(1, lastRow), Math.Max(1, lastColumn), s =>
        {
            s.Font.FontName = Font;
            s.Font.FontSize = FontSize;
        });

    /// <summary>
    /// A line that stands for an empty table ("要確認の事項はありません。"): across the whole table,
    /// not wrapped, so it is never cut by the width of the first column.
    /// </summary>
    public static void Note(IXLWorksheet ws, int row, int columns, string text)
    {
        var range = ws.Range(row, 1, row, Math.Max(1, columns));
        range.Merge();
        Put(ws.Cell(row, 1), text);
        range.Style.Alignment.WrapText = false;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        ws.Row(row).Height = Height(1);
    }

    /// <summary>A4 landscape fitted to the page width (the templates' layout).</summary>
    public static void Print(IXLWorksheet ws, int repeatFrom, int repeatTo) => Print(ws, repeatFrom, repeatTo, PageFit.FitWidth);

    /// <summary>A4 landscape, at the scale <paramref name="fit"/> chose, header rows repeated, page numbers.</summary>
    public static void Print(IXLWorksheet ws, int repeatFrom, int repeatTo, PageFit fit)
    {
        var p = ws.PageSetup;
        p.PaperSize = XLPaperSize.A4Paper;
        p.PageOrientation = XLPageOrientation.Landscape;
        if (fit.Shrink) p.FitToPages(1, 0);
        else p.Scale = 100;
        p.Margins.Left = 0.4;
        p.Margins.Right = 0.4;
        p.Margins.Top = 0.6;
        p.Margins.Bottom = 0.6;
        p.Margins.Header = 0.3;
        p.Margins.Footer = 0.3;
        p.CenterHorizontally = true;
        // Rows to repeat, written as Excel writes them ('Sheet'!$3:$3): ClosedXML's own form (Sheet!3:3)
        // is ignored by LibreOffice, which then prints the header on the first page only.
        // Columns that go on to further pages (a table too wide even at its narrowest) repeat the first.
        var sheet = $"'{ws.Name.Replace("'", "''", StringComparison.Ordinal)}'";
        if (repeatFrom > 0)
            ws.NamedRanges.Add("_xlnm.Print_Titles", fit.RepeatFirstColumn
                ? $"{sheet}!$A:$A,{sheet}!${repeatFrom}:${repeatTo}"
                : $"{sheet}!${repeatFrom}:${repeatTo}");
        p.Header.Left.AddText(ws.Name);
        p.Footer.Center.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        p.Footer.Center.AddText(" / ", XLHFOccurrence.AllPages);
        p.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
    }

    /// <summary>
    /// The product's font over a block of the sheet, set before the specific styles. Set per
    /// range, not as the workbook style, which would make ClosedXML write a whole-sheet column
    /// entry out of order.
    /// </summary>
    public static void Base(IXLWorksheet ws, int lastRow, int lastColumn)
    {
        var range = ws.Range(1, 1, Math.Max(1, lastRow), Math.Max(1, lastColumn));
        range.Style.Font.FontName = Font;
        range.Style.Font.FontSize = FontSize;
    }
}

/// <summary>
/// A column of a result table: header, width bounds in Excel units, alignment; Small means
/// 9-point text (hashes, cell references); a column not Printed (only at the end of a table) is
/// outside the print area: on screen, not on paper. Share is how much of the page's width the
/// column keeps, relative to the others, when a table must be narrowed to fit A4 (the item text
/// and the findings more than a name).
/// </summary>
internal sealed record Column(string Header, double MinWidth = 6, double MaxWidth = 40, bool Center = false, bool Numeric = false, bool Wrap = true, bool Small = false,
    bool Printed = true, double Share = 1);
