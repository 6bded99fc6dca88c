namespace Consolidator.Core.Model;

/// <summary>
/// Where a value came from: file, sheet and A1 cell address, printed as
/// <c>監査人A.xlsx!チェックリスト!F12</c> in 要確認, <c>validate</c> and error files.
/// </summary>
/// <param name="File">The file's path relative to the inbox (forward slashes).</param>
/// <param name="Sheet">Sheet name; for CSV the file name without extension, as Excel shows it.</param>
/// <param name="Row">1-based row (for CSV: the record number, not the line number).</param>
/// <param name="Column">1-based column.</param>
public sealed record CellRef(string File, string Sheet, int Row, int Column)
{
    public string Address => ColumnName(Column) + Row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"{File}!{Sheet}!{Address}";

    /// <summary>1 → A, 27 → AA.</summary>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        Span<char> buffer = stackalloc char[4];
        var i = buffer.Length;
        while (column > 0)
        {
            column--;
            buffer[--i] = (char)('A' + column % 26);
            column /= 26;
        }
        return new string(buffer[i..]);
    }
}
