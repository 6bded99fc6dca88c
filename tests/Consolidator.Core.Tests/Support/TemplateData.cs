using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Reading;
using Consolidator.Core.Writing.Templates;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Support;

/// <summary>
/// Templates for tests: written from the seed audit's master list, read back through the real
/// reader, and the committed fixtures of Data/Templates/ (made by scripts/make-template-fixtures.sh:
/// filled with openpyxl, re-saved by LibreOffice).
/// </summary>
internal static class TemplateData
{
    public static readonly DateTimeOffset At = new(2023, 9, 1, 9, 0, 0, TimeSpan.FromHours(9));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "Templates");

    /// <summary>A fixture as a file of the inbox, named by its path under Data/Templates (e.g. openpyxl/チェックリスト_高橋.xlsx).</summary>
    public static SourceFile Fixture(string relative, string? asName = null) =>
        SourceFile.FromBytes(asName ?? relative, File.ReadAllBytes(Path.Combine(Folder, relative)), At);

    public static SourceFile MasterFile() => SourceFile.FromBytes(SeedAudit.MasterFile, SeedAudit.Build()[SeedAudit.MasterFile], At);

    public static Submission Master() => new Consolidation().Ingest(MasterFile());

    public static TemplateDefinition Template(SubmissionRole role, string? name = "高橋 美咲（監査人）", IEnumerable<string>? items = null, JudgmentScale? scale = null) =>
        TemplateDefinition.FromMaster(Master(), role, name, items, scale ?? JudgmentScale.Default, At);

    public static byte[] Bytes(TemplateDefinition t)
    {
        using var ms = new MemoryStream();
        TemplateWorkbook.Write(t, ms);
        return ms.ToArray();
    }

    public static RawWorkbook Read(byte[] bytes) => WorkbookReader.Read(new MemoryStream(bytes, writable: false), "template.xlsx");

    /// <summary>The workbook with one cell's text replaced, as if a person had typed it.</summary>
    public static RawWorkbook WithCell(RawWorkbook book, string sheet, int row, int column, string text) =>
        book with { Sheets = book.Sheets.Select(s => s.Name == sheet ? WithCell(s, row, column, text) : s).ToList() };

    public static RawSheet WithCell(RawSheet s, int row, int column, string text)
    {
        var rows = s.Rows.Select(r => (string[])r.Clone()).ToList();
        while (rows.Count < row) rows.Add([]);
        var cells = rows[row - 1];
        if (cells.Length < column)
        {
            var old = cells.Length;
            Array.Resize(ref cells, column);
            for (var i = old; i < column; i++) cells[i] = "";
        }
        cells[column - 1] = text;
        rows[row - 1] = cells;
        return new RawSheet(s.Name, s.Hidden, rows, s.Merges);
    }

    /// <summary>The sheet's rows reordered: rows <paramref name="a"/> and <paramref name="b"/> swapped.</summary>
    public static RawWorkbook WithRowsSwapped(RawWorkbook book, string sheet, int a, int b) =>
        book with
        {
            Sheets = book.Sheets.Select(s =>
            {
                if (s.Name != sheet) return s;
                var rows = s.Rows.ToList();
                (rows[a - 1], rows[b - 1]) = (rows[b - 1], rows[a - 1]);
                return new RawSheet(s.Name, s.Hidden, rows, s.Merges);
            }).ToList(),
        };
}
