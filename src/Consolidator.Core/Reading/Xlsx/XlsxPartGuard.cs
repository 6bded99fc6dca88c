using System.IO.Compression;
using System.Xml;
using Consolidator.Core.Model;

namespace Consolidator.Core.Reading.Xlsx;

/// <summary>
/// Reads every part of an OOXML package once as XML, the way the workbook reader will, before
/// that reader does, and refuses what would make it misbehave:
/// <list type="bullet">
/// <item>a DTD (<c>&lt;!DOCTYPE&gt;</c>) in any part: seen at the DocumentType node, before any
/// entity is expanded; no resolver is set, so no external reference is ever fetched;</item>
/// <item>in worksheets, row and cell references outside Excel's grid (1,048,576 rows × 16,384
/// columns), which would make the reader allocate a row of billions of cells, and more merged
/// ranges than allowed.</item>
/// </list>
/// Parts that are not XML (pictures, vbaProject.bin) fail at their first byte and are skipped:
/// the workbook reader never parses them. Macros and external links are data here; nothing in a
/// package is ever run or followed.
/// </summary>
internal static class XlsxPartGuard
{
    public const int MaxRow = 1_048_576;
    public const int MaxColumn = 16_384;

    internal static readonly XmlReaderSettings Settings = new()
    {
        // Parse (not Prohibit) so that a DTD is reported as a node and named in the rejection;
        // the read stops at that node, before any entity is expanded. No resolver: nothing external.
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
        CloseInput = true,
    };

    /// <summary>
    /// Checks every part; gives, for each worksheet part (by part name), the number of cells it
    /// holds with a value (a non-empty &lt;v&gt; or inline text), so that a workbook is called
    /// empty only when the sheets read hold none.
    /// </summary>
    public static PartCensus Check(ZipArchive zip, ReadBudget budget) => Check(zip, budget, null);

    /// <summary>
    /// <see cref="Check(ZipArchive, ReadBudget)"/> for every part but those in <paramref name="skip"/>
    /// (part names), which the caller reads itself with the same checks.
    /// </summary>
    public static PartCensus Check(ZipArchive zip, ReadBudget budget, IReadOnlySet<string>? skip)
    {
        var census = new PartCensus();
        foreach (var entry in zip.Entries)
        {
            if (entry.Length == 0) continue;
            if (skip is not null && skip.Contains(WorkbookPackage.PartName(entry.FullName))) continue;
            budget.CheckTime();
            CheckPart(entry, budget, census);
        }
        return census;
    }

    private static void CheckPart(ZipArchiveEntry entry, ReadBudget budget, PartCensus census)
    {
        using var reader = XmlReader.Create(entry.Open(), Settings);
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.DocumentType)
                    throw new UnreadableFileException(Rejections.Dtd(entry.FullName));
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName is "worksheet" or "dialogsheet" or "macrosheet" or "chartsheet")
                    CheckSheet(reader, entry.FullName, budget, census);
                return;
            }
        }
        catch (XmlException)
        {
            // Not XML, or broken XML: the workbook reader refuses it as damaged if it ever reads it.
        }
    }

    internal static void CheckSheet(XmlReader reader, string part, ReadBudget budget, PartCensus census)
    {
        var name = WorkbookPackage.PartName(part);
        var merges = 0;
        var nodes = 0;
        var values = 0L;
        var inValue = false;
        var errorCell = false;
        while (reader.Read())
        {
            if (++nodes % 4096 == 0) budget.CheckTime();
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                if (inValue && reader.Value.Length > 0) values++;
                inValue = false;
                continue;
            }
            if (reader.NodeType == XmlNodeType.EndElement) inValue = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            // An error (t="e": #REF!, #NAME?) is no value the reader hands on, nor data to read.
            if (reader.LocalName == "c") errorCell = reader.GetAttribute("t") == "e";
            inValue = reader.LocalName is "v" or "t" && !reader.IsEmptyElement && !errorCell;
            switch (reader.LocalName)
            {
                case "col":
                    // ExcelDataReader 3.6 parses the width of every column definition and fails on one without it.
                    if (reader.GetAttribute("width") is null) census.ColumnsWithoutWidth.Add(name);
                    break;
                case "row":
                    if (reader.GetAttribute("r") is { } r && !IsRowNumber(r))
                        throw OutOfGrid(part, "row " + r);
                    break;
                case "c":
                    // A reference without column letters ("0", "1": ExcelDataReader's Fillreport.xlsx)
                    // is ignored by the reader, which places the cell after the previous one.
                    if (reader.GetAttribute("r") is { } c && c.Any(char.IsAsciiLetter) && !IsCell(c))
                        throw OutOfGrid(part, c);
                    break;
                case "mergeCell":
                    if (reader.GetAttribute("ref") is { } m && !IsRange(m))
                        throw OutOfGrid(part, m);
                    if (++merges > budget.Limits.MaxMergedRanges)
                        throw TooManyMerges(part, budget.Limits);
                    break;
            }
        }
        census.Values[name] = values;
    }

    internal static UnreadableFileException TooManyMerges(string part, ReadLimits limits) =>
        new(Rejections.TooLarge(
            $"結合セルの範囲が {Rejections.Count(limits.MaxMergedRanges)} 個を超えています（パーツ {Rejections.Name(part)}）",
            $"more than {Rejections.Count(limits.MaxMergedRanges)} merged ranges (part {Rejections.Name(part)})",
            limits.MaxMergedRanges, "個", "merged ranges", nameof(ReadLimits.MaxMergedRanges)));

    internal static UnreadableFileException OutOfGrid(string part, string reference) =>
        new(Rejections.Corrupt($"part {Rejections.Name(part)}: reference {Rejections.Name(reference, 24)} is outside Excel's grid of {MaxRow:N0} rows × {MaxColumn:N0} columns"));

    /// <summary>1 to 1,048,576, digits only.</summary>
    internal static bool IsRowNumber(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > 7) return false;
        var n = 0;
        foreach (var ch in s)
        {
            if (ch is < '0' or > '9') return false;
            n = n * 10 + (ch - '0');
        }
        return n is >= 1 and <= MaxRow;
    }

    /// <summary>An A1 reference inside the grid (A1 to XFD1048576), optionally with $ signs.</summary>
    internal static bool IsCell(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '$') i++;
        var column = 0;
        var letters = 0;
        while (i < s.Length && char.IsAsciiLetter(s[i]))
        {
            if (++letters > 3) return false;
            column = column * 26 + (char.ToUpperInvariant(s[i]) - 'A' + 1);
            i++;
        }
        if (letters == 0 || column > MaxColumn) return false;
        if (i < s.Length && s[i] == '$') i++;
        return IsRowNumber(s[i..]);
    }

    /// <summary>A1 or A1:B2 inside the grid.</summary>
    internal static bool IsRange(ReadOnlySpan<char> s)
    {
        var colon = s.IndexOf(':');
        return colon < 0 ? IsCell(s) : IsCell(s[..colon]) && IsCell(s[(colon + 1)..]);
    }
}

/// <summary>What the guard saw in the worksheet parts, by part name.</summary>
internal sealed class PartCensus
{
    /// <summary>Cells holding a value (a non-empty &lt;v&gt; or inline text) per worksheet part.</summary>
    public Dictionary<string, long> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Worksheet parts with a column definition that has no width.</summary>
    public HashSet<string> ColumnsWithoutWidth { get; } = new(StringComparer.OrdinalIgnoreCase);
}
