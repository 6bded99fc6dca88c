using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using Consolidator.Core.Model;

namespace Consolidator.Core.Reading.Xlsx;

/// <summary>
/// One worksheet part read in a single streaming pass over its XML: the guard's checks (no DTD,
/// row and cell references inside Excel's grid, merged ranges within the limit), every cell's
/// displayed text and the merged ranges, handed row by row to a <see cref="SheetCollector"/>.
/// <para>
/// Cells are read as ExcelDataReader 3.6 reads them, so that both give the same text: rows in
/// the order they come (a row element without r follows the previous one; consecutive elements
/// of one row are one row); a cell at its reference's column (capital letters then digits; any
/// other reference, or none, puts it after the previous cell; the reference's row is not used),
/// a later cell at the same column replacing an earlier one; the last &lt;v&gt; or inline string
/// of a cell its value. By type: s a shared string (an index out of range is shown as it is),
/// str and inlineStr text, b TRUE or FALSE, d an ISO date (yyyy-MM-dd), e (an error) no value;
/// otherwise a number, shown by its style's number format — a date format makes it a date
/// (1900 or 1904 date system, Excel's 1900 leap-year bug kept), a duration format a time span —
/// and text that is no number as it is. _xHHHH_ escapes in text are decoded.
/// </para>
/// Every row of the used range is charged to <see cref="ReadLimits.MaxScannedCells"/> as
/// ExcelDataReader's rows were (rows × the sheet's widest row), every 256th row checks the time.
/// </summary>
internal sealed class XlsxSheetPass(
    ZipArchiveEntry entry, XmlReaderSettings settings, XlsxNames names, XlsxStyles styles, string[] strings,
    bool date1904, ReadBudget budget, SheetCollector collector)
{
    /// <summary>Columns a row may reach; only cells without a reference get further (each after the previous one).</summary>
    private const int MaxBufferedColumns = XlsxPartGuard.MaxColumn;

    private static readonly Regex Escape = new("_x([0-9A-F]{4,4})_", RegexOptions.CultureInvariant);

    private readonly string _part = entry.FullName;
    private string?[] _texts = new string?[16];
    private int _blockWidth;
    private int _pendingIndex = -1;
    private bool _pending;
    private int _rowsYielded;
    private int _fieldCount;
    private long _charged;
    private int _merges;

    /// <summary>Cells holding a value (a non-empty &lt;v&gt; or inline string, errors aside), as the guard counts them.</summary>
    public long Values { get; private set; }

    /// <summary>Reads the part; gives its merged ranges (0-based, inclusive, as the file lists them).</summary>
    public List<(int FromRow, int FromColumn, int ToRow, int ToColumn)> Run()
    {
        var merges = new List<(int, int, int, int)>();
        using var reader = XmlReader.Create(entry.Open(), settings);
        reader.Read();
        XlsxNames.RefuseDtd(reader, _part);
        if (!names.IsStart(reader, names.Worksheet))
        {
            OtherSheet(reader);
            return merges;
        }
        if (!XlsxNames.ReadFirstContent(reader)) return merges;
        while (!reader.EOF)
        {
            if (names.IsStart(reader, names.SheetData)) ReadSheetData(reader);
            else if (names.IsStart(reader, names.MergeCells)) merges = ReadMergeCells(reader) ?? merges;
            else if (!XlsxNames.SkipContent(reader)) break;
        }
        Charge();
        return merges;
    }

    /// <summary>A chart, dialog or macro sheet, or a worksheet in no SpreadsheetML namespace: no cell is read; the guard checks it.</summary>
    private void OtherSheet(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName is not ("worksheet" or "dialogsheet" or "macrosheet" or "chartsheet")) return;
        var census = new PartCensus();
        try
        {
            XlsxPartGuard.CheckSheet(reader, _part, budget, census);
        }
        catch (XmlException)
        {
            // Broken XML in a sheet nothing is read from.
        }
        Values += census.Values.Values.Sum();
    }

    private void ReadSheetData(XmlReader reader)
    {
        if (!XlsxNames.ReadFirstContent(reader)) return;
        var next = 0;
        while (!reader.EOF)
        {
            if (names.IsStart(reader, names.Row)) next = ReadRow(reader, next) + 1;
            else if (!XlsxNames.SkipContent(reader)) break;
        }
        Flush();
    }

    private int ReadRow(XmlReader reader, int next)
    {
        var r = reader.GetAttribute("r");
        if (r is not null && !XlsxPartGuard.IsRowNumber(r)) throw XlsxPartGuard.OutOfGrid(_part, "row " + r);
        var index = r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 1 : next;
        if (_pending && index != _pendingIndex) Flush();
        _pending = true;
        _pendingIndex = index;
        if (!XlsxNames.ReadFirstContent(reader)) return index;
        var column = 0;
        while (!reader.EOF)
        {
            if (names.IsStart(reader, names.C)) column = ReadCell(reader, column) + 1;
            else if (!XlsxNames.SkipContent(reader)) break;
        }
        return index;
    }

    private int ReadCell(XmlReader reader, int next)
    {
        var type = reader.GetAttribute(names.T);
        // Text, booleans and errors are shown without their style's number format.
        var style = type is "s" or "str" or "inlineStr" or "b" or "e" ? null : reader.GetAttribute(names.S);
        var reference = reader.GetAttribute(names.R);
        if (reference is not null && reference.AsSpan().ContainsAnyInRange('A', 'Z') | reference.AsSpan().ContainsAnyInRange('a', 'z') && !XlsxPartGuard.IsCell(reference))
            throw XlsxPartGuard.OutOfGrid(_part, reference);
        var column = ParseReference(reference, out var c, out _) ? c - 1 : next;
        string? text = null;
        if (XlsxNames.ReadFirstContent(reader))
        {
            while (!reader.EOF)
            {
                string raw;
                if (names.IsStart(reader, names.V)) raw = reader.ReadElementContentAsString();
                else if (names.IsStart(reader, names.Is)) raw = names.ReadStringItem(reader);
                else if (!XlsxNames.SkipContent(reader)) break;
                else continue;
                if (raw.Length == 0) continue;
                if (type != "e") Values++;
                text = Convert(raw, type, style);
            }
        }
        Set(column, text);
        return column;
    }

    /// <summary>A cell's stored value as the text Excel shows (null: no value).</summary>
    private string? Convert(string raw, string? type, string? style)
    {
        switch (type)
        {
            case "s":
                // The shared strings were unescaped when read.
                return (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                        || int.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out i)) && i >= 0 && i < strings.Length
                    ? strings[i] : raw;
            case "inlineStr":
            case "str":
                return Unescape(raw);
            case "b":
                return raw == "1" ? "TRUE" : "FALSE";
            case "d":
                return DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite, out var date)
                    ? DisplayText.Of(date, styles.Of(style).Text) : raw;
            case "e":
                return null;
            default:
                if (!double.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var number)) return raw;
                var format = styles.Of(style);
                if (format.Date) return DisplayText.Of(FromOADate(number, date1904), format.Text);
                if (format.Duration) return DisplayText.Of(TimeSpan.FromDays(number), format.Text);
                return DisplayText.Number(number, format.Text);
        }
    }

    /// <summary>A serial date as a date; the number itself when it is outside the dates a workbook can hold.</summary>
    private static object FromOADate(double value, bool date1904)
    {
        // Excel's 1900 system counts a 29 February 1900 that never was; the 1904 system starts 1,462 days later.
        var adjusted = date1904 ? value + 1462.0 : value is >= 0.0 and < 60.0 ? value + 1 : value;
        if (adjusted is > -657435.0 and < 2958466.0)
        {
            try
            {
                return DateTime.FromOADate(adjusted);
            }
            catch (ArgumentException)
            {
                return value;
            }
        }
        return value;
    }

    internal static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal) ? Escape.Replace(text, m => ((char)uint.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()) : text;

    private void Set(int column, string? text)
    {
        if (column >= _texts.Length)
        {
            if (column >= MaxBufferedColumns)
            {
                // Only cells without a reference get here, one after another: their width is
                // charged, an empty one is not kept, a value is refused as the collector would.
                _blockWidth = Math.Max(_blockWidth, column + 1);
                if (!string.IsNullOrEmpty(text))
                    throw new UnreadableFileException(Rejections.TooLarge(
                        $"シート「{collector.Name}」のセル {CellRef.ColumnName(column + 1)} が {Rejections.Count(budget.Limits.MaxColumns)} 列目より右にあります",
                        $"sheet '{collector.Name}' has a value in column {CellRef.ColumnName(column + 1)}, right of column {Rejections.Count(budget.Limits.MaxColumns)}",
                        budget.Limits.MaxColumns, "列", "columns", nameof(ReadLimits.MaxColumns)));
                return;
            }
            Array.Resize(ref _texts, Math.Min(MaxBufferedColumns, Math.Max(column + 1, _texts.Length * 2)));
        }
        _texts[column] = text;
        _blockWidth = Math.Max(_blockWidth, column + 1);
    }

    /// <summary>The row being gathered goes to the collector, at the place ExcelDataReader gives it.</summary>
    private void Flush()
    {
        if (!_pending) return;
        _pending = false;
        var row = Math.Max(_rowsYielded, _pendingIndex) + 1;
        _rowsYielded = row;
        _fieldCount = Math.Max(_fieldCount, _blockWidth);
        if ((row & 255) == 0) budget.CheckTime();
        Charge();
        var width = Math.Min(_blockWidth, _texts.Length);
        collector.Row(row, _texts.AsSpan(0, width));
        Array.Clear(_texts, 0, width);
        _blockWidth = 0;
    }

    /// <summary>Charges the rows met so far at the widest row met so far (at the end: every row at the sheet's width).</summary>
    private void Charge()
    {
        var owed = (long)_rowsYielded * Math.Max(1, _fieldCount) - _charged;
        if (owed <= 0) return;
        _charged += owed;
        budget.Scanned(owed, collector.Name, _rowsYielded, _fieldCount);
    }

    private List<(int, int, int, int)>? ReadMergeCells(XmlReader reader)
    {
        if (!XlsxNames.ReadFirstContent(reader)) return null;
        var ranges = new List<(int, int, int, int)>();
        while (!reader.EOF)
        {
            if (names.IsStart(reader, names.MergeCell))
            {
                var reference = reader.GetAttribute(names.Ref);
                if (reference is not null && !XlsxPartGuard.IsRange(reference)) throw XlsxPartGuard.OutOfGrid(_part, reference);
                if (++_merges > budget.Limits.MaxMergedRanges) throw XlsxPartGuard.TooManyMerges(_part, budget.Limits);
                if (reference is not null)
                {
                    var ends = reference.Split(':');
                    string from = "", to = "";
                    if (ends.Length == 2) (from, to) = (ends[0], ends[1]);
                    ParseReference(from, out var fromColumn, out var fromRow);
                    ParseReference(to, out var toColumn, out var toRow);
                    ranges.Add((fromRow - 1, fromColumn - 1, toRow - 1, toColumn - 1));
                }
                reader.Skip();
            }
            else if (!XlsxNames.SkipContent(reader)) break;
        }
        return ranges;
    }

    /// <summary>
    /// An A1 reference as ExcelDataReader reads it: capital letters, then a row number; anything
    /// else (a $ sign, small letters, no letters) is no reference.
    /// </summary>
    internal static bool ParseReference(string? value, out int column, out int row)
    {
        column = 0;
        row = 0;
        var position = 0;
        if (value is not null)
        {
            while (position < value.Length)
            {
                var c = value[position];
                if (c is >= 'A' and <= 'Z')
                {
                    position++;
                    column = column * 26 + (c - 'A' + 1);
                    continue;
                }
                if (char.IsDigit(c)) break;
                position = 0;
                break;
            }
        }
        if (position == 0)
        {
            column = 0;
            return false;
        }
        return int.TryParse(value.AsSpan(position), NumberStyles.None, CultureInfo.InvariantCulture, out row);
    }
}
