using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Consolidator.Core.Writing.Report;

/// <summary>
/// A small writer of Word documents over the Open XML SDK: A4 portrait, Japanese fonts, heading
/// styles with outline levels, tables styled like the workbook's 総括 (header fill, thin borders
/// in the border colour), page numbers in the footer. Every text goes through
/// <see cref="CellText.Clean"/>, so nothing a file brought in can make the XML invalid.
/// </summary>
internal sealed class WordWriter : IDisposable
{
    public const string BodyFont = "游明朝";
    public const string HeadingFont = "游ゴシック";
    public const string HeaderFill = "D9E1F2";
    public const string BorderColour = "8EA9DB";
    public const string PlaceholderText = "【記入してください】";

    /// <summary>A4 in twentieths of a point, and the margins Japanese reports use (30 mm top, 25 mm elsewhere).</summary>
    private const int PageWidth = 11906, PageHeight = 16838, MarginTop = 1701, Margin = 1418;

    /// <summary>The width text may take, in twentieths of a point.</summary>
    public const int TextWidth = PageWidth - 2 * Margin;

    private readonly WordprocessingDocument _document;
    private readonly Body _body;

    public WordWriter(Stream stream, string title)
    {
        _document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        _document.PackageProperties.Title = CellText.Clean(title);
        _document.PackageProperties.Creator = "Consolidator";
        var main = _document.AddMainDocumentPart();
        main.Document = new Document(_body = new Body());
        AddStyles(main);
        AddSettings(main);
        AddFooter(main);
    }

    public void Title(string text) => _body.Append(Paragraph("Title", Run(text)));

    public void Heading(int level, string text) => _body.Append(Paragraph($"Heading{level}", Run(text)));

    /// <summary>A paragraph of body text; line breaks in the text stay line breaks.</summary>
    public void Text(string text, string style = "Normal") => _body.Append(Paragraph(style, Run(text)));

    /// <summary>A paragraph of runs, for text mixed with placeholders or highlights.</summary>
    public void Text(string style, params OpenXmlElement[] runs) => _body.Append(Paragraph(style, runs));

    /// <summary>A line that must not be missed: bold on a yellow band.</summary>
    public void Warning(string text)
    {
        var p = Paragraph("Warning", Run(text, bold: true));
        _body.Append(p);
    }

    /// <summary>The marked place where a person writes what only a person can.</summary>
    public void Placeholder(string style = "Normal") => _body.Append(Paragraph(style, PlaceholderRun()));

    public static Run PlaceholderRun() => Run(PlaceholderText, highlight: true);

    public static Run Run(string text, bool bold = false, bool highlight = false)
    {
        var run = new Run();
        if (bold || highlight)
        {
            var props = new RunProperties();
            if (bold) props.Append(new Bold());
            if (highlight) props.Append(new Highlight { Val = HighlightColorValues.Yellow });
            run.Append(props);
        }
        var lines = CellText.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    /// <summary>
    /// A table: column widths as shares of the text width, the header rows filled and repeated on
    /// each page. Cells are built by the caller (<see cref="Cell"/>) so that merges can be expressed.
    /// </summary>
    public void Table(IReadOnlyList<double> shares, IEnumerable<TableRow> headerRows, IEnumerable<TableRow> bodyRows)
    {
        var total = shares.Sum();
        var widths = shares.Select(s => (int)Math.Round(TextWidth * s / total)).ToList();
        var table = new Table();
        table.Append(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = BorderColour },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = BorderColour },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = BorderColour },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = BorderColour },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = BorderColour },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = BorderColour }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa }),
            new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }));
        var grid = new TableGrid();
        foreach (var w in widths) grid.Append(new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        table.Append(grid);
        foreach (var row in headerRows)
        {
            var props = row.GetFirstChild<TableRowProperties>() ?? row.PrependChild(new TableRowProperties());
            props.Append(new TableHeader(), new CantSplit());
            table.Append(row);
        }
        foreach (var row in bodyRows)
        {
            var props = row.GetFirstChild<TableRowProperties>() ?? row.PrependChild(new TableRowProperties());
            props.Append(new CantSplit());
            table.Append(row);
        }
        _body.Append(table);
        // Word needs a paragraph between two tables and after the last one.
        _body.Append(Paragraph("Normal"));
    }

    /// <summary>Where a cell sits in a merge over rows.</summary>
    public enum RowMerge
    {
        None,
        Start,
        Continue,
    }

    /// <summary>One table cell: its text, its span over grid columns, its part in a merge over rows, header fill or a colour.</summary>
    public static TableCell Cell(string text, int span = 1, RowMerge rowMerge = RowMerge.None, bool header = false, bool center = false,
        string? fill = null, bool bold = false, int? size = null)
    {
        var props = new TableCellProperties();
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (rowMerge != RowMerge.None)
            props.Append(new VerticalMerge { Val = rowMerge == RowMerge.Start ? MergedCellValues.Restart : MergedCellValues.Continue });
        if (header || fill is not null) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill ?? HeaderFill });
        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var run = Run(rowMerge == RowMerge.Continue ? "" : text, bold: header || bold);
        if (size is { } s)
        {
            var rp = run.RunProperties ?? run.PrependChild(new RunProperties());
            rp.Append(new FontSize { Val = (s * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        var paragraph = Paragraph("TableText", run);
        if (header || center)
            paragraph.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Center });
        return new TableCell(props, paragraph);
    }

    /// <summary>A cell holding only the marked placeholder.</summary>
    public static TableCell PlaceholderCell()
    {
        var cell = Cell("");
        var paragraph = cell.GetFirstChild<Paragraph>()!;
        paragraph.RemoveAllChildren<Run>();
        paragraph.Append(PlaceholderRun());
        return cell;
    }

    public static TableRow Row(params TableCell[] cells) => new(cells);

    public void Dispose() => _document.Dispose();

    private static Paragraph Paragraph(string style, params OpenXmlElement[] content)
    {
        var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(content);
        return p;
    }

    private static void AddSettings(MainDocumentPart main)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();
        part.Settings = new Settings(
            new DefaultTabStop { Val = 840 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
    }

    private void AddFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        var page = new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }),
            new Run(new Text("- ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
            new Run(new Text(" -") { Space = SpaceProcessingModeValues.Preserve }));
        part.Footer = new Footer(page);
        var id = main.GetIdOfPart(part);
        _sectionFooterId = id;
    }

    private string? _sectionFooterId;

    /// <summary>Closes the body with the section: A4 portrait, margins, the footer.</summary>
    public void Finish()
    {
        var section = new SectionProperties();
        if (_sectionFooterId is { } id) section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = id });
        section.Append(
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = MarginTop, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 851, Footer = 992, Gutter = 0 },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = 360 });
        _body.Append(section);
        _document.MainDocumentPart!.Document.Save();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };
        static Style ParagraphStyle(string id, string name, string? basedOn, RunProperties run, ParagraphProperties? paragraph = null, int? outline = null)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "Normal" });
            style.Append(new PrimaryStyle());
            paragraph ??= new ParagraphProperties();
            if (outline is { } level) paragraph.Append(new OutlineLevel { Val = level });
            style.Append(paragraph);
            style.Append(run);
            return style;
        }
        static RunProperties RunProps(string font, int halfPoints, bool bold = false)
        {
            var r = new RunProperties(Fonts(font));
            if (bold) r.Append(new Bold());
            r.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return r;
        }

        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(BodyFont),
                    new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" },
                    new Languages { Val = "en-US", EastAsia = "ja-JP", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "300", LineRule = LineSpacingRuleValues.Auto }))));
        var normal = ParagraphStyle("Normal", "Normal", null, RunProps(BodyFont, 21),
            new ParagraphProperties(new SpacingBetweenLines { After = "60" }, new Justification { Val = JustificationValues.Both }));
        normal.Default = true;
        normal.RemoveAllChildren<NextParagraphStyle>();
        styles.Append(normal);
        styles.Append(ParagraphStyle("Title", "Title", "Normal", RunProps(HeadingFont, 32, bold: true),
            new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "240" }, new Justification { Val = JustificationValues.Center })));
        styles.Append(ParagraphStyle("Subtitle", "Subtitle", "Normal", RunProps(HeadingFont, 22),
            new ParagraphProperties(new SpacingBetweenLines { After = "120" }, new Justification { Val = JustificationValues.Center })));
        styles.Append(ParagraphStyle("Heading1", "heading 1", "Normal", RunProps(HeadingFont, 28, bold: true),
            new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }), outline: 0));
        styles.Append(ParagraphStyle("Heading2", "heading 2", "Normal", RunProps(HeadingFont, 24, bold: true),
            new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }), outline: 1));
        styles.Append(ParagraphStyle("Heading3", "heading 3", "Normal", RunProps(HeadingFont, 21, bold: true),
            new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "160", After = "60" }, new Indentation { Left = "210" }), outline: 2));
        styles.Append(ParagraphStyle("Indented", "Indented", "Normal", RunProps(BodyFont, 21),
            new ParagraphProperties(new Indentation { Left = "420" })));
        styles.Append(ParagraphStyle("TableText", "Table Text", "Normal", RunProps(BodyFont, 19),
            new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "260", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Left })));
        styles.Append(ParagraphStyle("Warning", "Warning", "Normal", RunProps(HeadingFont, 21, bold: true),
            new ParagraphProperties(
                new ParagraphBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 8, Color = "BF8F00", Space = 2 },
                    new LeftBorder { Val = BorderValues.Single, Size = 8, Color = "BF8F00", Space = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 8, Color = "BF8F00", Space = 2 },
                    new RightBorder { Val = BorderValues.Single, Size = 8, Color = "BF8F00", Space = 4 }),
                new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "FFEB9C" },
                new SpacingBetweenLines { Before = "120", After = "120" })));
        styles.Append(ParagraphStyle("Closing", "Closing", "Normal", RunProps(BodyFont, 21),
            new ParagraphProperties(new SpacingBetweenLines { Before = "240" }, new Justification { Val = JustificationValues.Right })));
        styles.Append(ParagraphStyle("Footer", "footer", "Normal", RunProps(BodyFont, 18)));
        part.Styles = styles;
    }
}
