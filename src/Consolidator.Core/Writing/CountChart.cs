using System.Globalization;
using System.Security;
using System.Text;

namespace Consolidator.Core.Writing;

/// <summary>Where a chart sits on its sheet: from the top-left corner of one cell to the top-left corner of another (0-based).</summary>
internal readonly record struct ChartAnchor(int FromColumn, int FromRow, int ToColumn, int ToRow);

/// <summary>
/// A picture of the counts, as DrawingML chart parts (ClosedXML 0.95 writes none): on 総括 a bar
/// per class beside the count table, the 指摘事項 classes in their judgment colours; on the overview
/// one stacked bar per audit. The values are literals in the chart, not references to cells —
/// nothing a reader opens recomputes them, and no formula is written — and every label is text
/// the product made (class labels, audits' names cleaned like cell text).
/// </summary>
internal static class CountChart
{
    private const string Neutral = "8EA9DB";

    /// <summary>One bar per class, most severe at the top; finding classes in their colour, the others in the header blue.</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, int Count, string? Colour, bool IsFinding)> classes)
    {
        var sb = Start(title);
        sb.Append("<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>");
        sb.Append("<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:v>件数</c:v></c:tx>");
        Fill(sb, Neutral);
        sb.Append("<c:invertIfNegative val=\"0\"/>");
        for (var i = 0; i < classes.Count; i++)
        {
            if (!classes[i].IsFinding || classes[i].Colour is not { } colour) continue;
            sb.Append(CultureInfo.InvariantCulture, $"<c:dPt><c:idx val=\"{i}\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/>");
            Fill(sb, colour, outline: "7F7F7F");
            sb.Append("</c:dPt>");
        }
        Labels(sb);
        Categories(sb, classes.Select(c => c.Label).ToList());
        Values(sb, classes.Select(c => c.Count).ToList());
        sb.Append("</c:ser><c:gapWidth val=\"50\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>");
        // Categories run bottom to top on a bar chart: reversed, the table's order reads from the top.
        Axes(sb, reverseCategories: true);
        return End(sb, legend: false);
    }

    /// <summary>One stacked bar per audit, a series per class in its colour.</summary>
    public static string Stacked(string title, IReadOnlyList<string> audits, IReadOnlyList<(string Label, string? Colour, IReadOnlyList<int> Counts)> classes)
    {
        var sb = Start(title);
        sb.Append("<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"stacked\"/><c:varyColors val=\"0\"/>");
        for (var s = 0; s < classes.Count; s++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<c:ser><c:idx val=\"{s}\"/><c:order val=\"{s}\"/><c:tx><c:v>{Escape(classes[s].Label)}</c:v></c:tx>");
            Fill(sb, classes[s].Colour ?? Neutral, outline: "7F7F7F");
            sb.Append("<c:invertIfNegative val=\"0\"/>");
            Categories(sb, audits);
            Values(sb, classes[s].Counts);
            sb.Append("</c:ser>");
        }
        sb.Append("<c:gapWidth val=\"40\"/><c:overlap val=\"100\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>");
        Axes(sb, reverseCategories: true);
        return End(sb, legend: true);
    }

    /// <summary>The drawing that places the chart (relationship rId1) on its sheet.</summary>
    public static string Drawing(ChartAnchor a, string name)
    {
        const int margin = 4 * 12700; // 4 pt inside the cells, in EMU
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
            + "<xdr:twoCellAnchor editAs=\"oneCell\">"
            + string.Create(CultureInfo.InvariantCulture, $"<xdr:from><xdr:col>{a.FromColumn}</xdr:col><xdr:colOff>{margin}</xdr:colOff><xdr:row>{a.FromRow}</xdr:row><xdr:rowOff>{margin}</xdr:rowOff></xdr:from>")
            + string.Create(CultureInfo.InvariantCulture, $"<xdr:to><xdr:col>{a.ToColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{a.ToRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>")
            + $"<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"2\" name=\"{Escape(name)}\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
            + "<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
            + "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rId1\"/>"
            + "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>";
    }

    private static StringBuilder Start(string title)
    {
        var sb = new StringBuilder(4096);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        sb.Append("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        sb.Append("<c:roundedCorners val=\"0\"/><c:chart>");
        sb.Append("<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1000\" b=\"1\"/></a:pPr>");
        sb.Append($"<a:r><a:rPr lang=\"ja-JP\" sz=\"1000\" b=\"1\"/><a:t>{Escape(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>");
        sb.Append("<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>");
        return sb;
    }

    private static string End(StringBuilder sb, bool legend)
    {
        sb.Append("</c:plotArea>");
        if (legend) sb.Append("<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend>");
        sb.Append("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>");
        sb.Append("<c:spPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"8EA9DB\"/></a:solidFill></a:ln></c:spPr>");
        sb.Append("<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"900\">");
        sb.Append($"<a:latin typeface=\"{Sheets.Font}\"/><a:ea typeface=\"{Sheets.Font}\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"ja-JP\"/></a:p></c:txPr>");
        sb.Append("</c:chartSpace>");
        return sb.ToString();
    }

    private static void Fill(StringBuilder sb, string colour, string? outline = null)
    {
        sb.Append($"<c:spPr><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill>");
        if (outline is not null) sb.Append($"<a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"{outline}\"/></a:solidFill></a:ln>");
        sb.Append("</c:spPr>");
    }

    private static void Labels(StringBuilder sb) => sb.Append(
        "<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        + "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>");

    private static void Categories(StringBuilder sb, IReadOnlyList<string> labels)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<c:cat><c:strLit><c:ptCount val=\"{labels.Count}\"/>");
        for (var i = 0; i < labels.Count; i++) sb.Append(CultureInfo.InvariantCulture, $"<c:pt idx=\"{i}\"><c:v>{Escape(labels[i])}</c:v></c:pt>");
        sb.Append("</c:strLit></c:cat>");
    }

    private static void Values(StringBuilder sb, IReadOnlyList<int> values)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"{values.Count}\"/>");
        for (var i = 0; i < values.Count; i++) sb.Append(CultureInfo.InvariantCulture, $"<c:pt idx=\"{i}\"><c:v>{values[i]}</c:v></c:pt>");
        sb.Append("</c:numLit></c:val>");
    }

    private static void Axes(StringBuilder sb, bool reverseCategories)
    {
        sb.Append("<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"")
            .Append(reverseCategories ? "maxMin" : "minMax")
            .Append("\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>")
            .Append("<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>")
            .Append("<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>");
        sb.Append("<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/><c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/>")
            .Append("<c:majorGridlines><c:spPr><a:ln w=\"3175\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>")
            .Append("<c:numFmt formatCode=\"0\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>")
            .Append("<c:crossAx val=\"1001\"/><c:crosses val=\"")
            .Append(reverseCategories ? "max" : "autoZero")
            .Append("\"/><c:crossBetween val=\"between\"/></c:valAx>");
    }

    private static string Escape(string text) => SecurityElement.Escape(CellText.Clean(text)) ?? "";
}
