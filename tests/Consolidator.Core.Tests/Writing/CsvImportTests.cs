using System.Text;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Writing;

/// <summary>
/// The result CSV read back as a Japanese spreadsheet reads it. Data/CsvImport/ holds the CSV
/// export of the seed audit with ids and texts Japanese Excel turns into dates or numbers
/// (<see cref="CsvTraps"/>) and every cell as LibreOffice's Japanese-locale CSV import read it
/// (made by scripts/make-csv-import-fixtures.sh, which also shows the same import without the
/// protection: 68 of 359 cells become numbers, dates or TRUE).
/// </summary>
[TestClass]
public sealed class CsvImportTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "CsvImport");

    [TestMethod]
    public void TheFixture_IsWhatTheWriterWritesToday()
    {
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(Folder, "items.csv")), CsvTraps.Csv(),
            "the CSV writer changed: run scripts/make-csv-import-fixtures.sh and commit Data/CsvImport/");
    }

    [TestMethod]
    public void LibreOfficesJapaneseImport_ReadsEveryCellAsTheTextItHolds()
    {
        var fields = Parse(File.ReadAllText(Path.Combine(Folder, "items.csv"), Encoding.UTF8));
        var expected = new Dictionary<(int Row, int Column), string>();
        for (var r = 0; r < fields.Count; r++)
            for (var c = 0; c < fields[r].Count; c++)
                if (Shown(fields[r][c]) is { Length: > 0 } text) expected[(r + 1, c + 1)] = text;

        var read = File.ReadAllLines(Path.Combine(Folder, "items.libreoffice-ja.tsv"), Encoding.UTF8)
            .Select(l => l.Split('\t'))
            .ToDictionary(f => (int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)), f => (Type: f[2], Value: Unescape(f[3])));

        CollectionAssert.AreEquivalent(expected.Keys.ToList(), read.Keys.ToList(), "every non-empty field is a cell");
        var converted = read.Where(kv => kv.Value.Type != "s").Select(kv => $"{kv.Key}: {kv.Value.Type} {kv.Value.Value}").ToList();
        Assert.AreEqual(0, converted.Count, "read as a number or date: " + string.Join(", ", converted));
        foreach (var (cell, text) in expected)
            Assert.AreEqual(text, read[cell].Value, $"row {cell.Row}, column {cell.Column}");
        // The traps are there: the seed's ids and the added ones.
        var ids = fields.Skip(1).Select(f => Shown(f[0])).ToList();
        foreach (var id in new[] { "1-1", "5-10", "001", "1.10", "1/2", "5-10-1", "2023/10/24" })
            CollectionAssert.Contains(ids, id);
    }

    /// <summary>What the product means the cell to show: the text inside ="…", else the field.</summary>
    private static string Shown(string field) =>
        field.StartsWith("=\"", StringComparison.Ordinal) && field.EndsWith('"') ? field[2..^1] : field;

    private static string Unescape(string v) => v.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal)
        .Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    /// <summary>RFC 4180 fields (every field of the export is quoted).</summary>
    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; }
            else if (ch != '\r') field.Append(ch);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
