using Consolidator.Core.Model;
using Consolidator.Core.Reading;
using Consolidator.Core.Recognising;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Support;

/// <summary>
/// The recognition cases (<see cref="RecognitionFixtures"/>) as each writer saved them: the
/// Excel-shaped builder (in process), openpyxl and LibreOffice (.xlsx and .xls), the last three
/// committed under Data/Recognition by scripts/make-recognition-fixtures.sh.
/// </summary>
internal static class RecognitionData
{
    public static readonly DateTimeOffset At = new(2024, 10, 1, 9, 0, 0, TimeSpan.FromHours(9));

    public static readonly string[] Writers = ["builder", "openpyxl", "libreoffice", "libreoffice-xls"];

    /// <summary>The writers that keep dropdown lists (.xls dropdowns are not read).</summary>
    public static readonly string[] XlsxWriters = ["builder", "openpyxl", "libreoffice"];

    /// <summary>The profile of <see cref="RecognitionFixtures.ProfileJson"/>, as the host builds it from settings.</summary>
    public static readonly RecognitionProfile Profile = new()
    {
        Columns = new Dictionary<ColumnKind, IReadOnlyList<string>>
        {
            [ColumnKind.Judgment] = ["結果"],
            [ColumnKind.ItemText] = ["検証要件", "要件"],
            [ColumnKind.Finding] = ["備考"],
        },
        Metadata = new Dictionary<string, IReadOnlyList<string>> { ["Auditor"] = ["テスト実施者名"] },
        CoverSheets = ["Dashboard"],
        JudgmentSpellings = new Dictionary<string, string> { ["Pass"] = "〇", ["Fail"] = "△", ["N/A"] = "―" },
    };

    public static ConsolidationOptions Options(bool profile = true) => new()
    {
        Recognition = new RecognitionOptions
        {
            Profile = profile ? Profile : RecognitionProfile.Empty,
            DefaultTarget = "モバイルアプリ",
            DefaultFiscalYear = 2024,
            ReadDropdowns = true,
        },
        MaxParallelism = 1,
    };

    public static SourceFile File(string book, string writer)
    {
        if (writer == "builder")
            return SourceFile.FromBytes(book + ".xlsx", RecognitionFixtures.All().Single(b => b.Name == book).Xlsx(), At);
        var (folder, extension) = writer switch
        {
            "libreoffice-xls" => ("libreoffice", ".xls"),
            _ => (writer, ".xlsx"),
        };
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "Recognition", folder, book + extension);
        return SourceFile.FromBytes(book + extension, System.IO.File.ReadAllBytes(path), At);
    }

    public static Submission Read(string book, string writer, bool profile = true) =>
        new Consolidation(Options(profile)).Ingest(File(book, writer));

    public static RawWorkbook Raw(string book, string writer)
    {
        using var stream = File(book, writer).Open();
        return WorkbookReader.Read(stream, book + ".xlsx");
    }

    /// <summary>
    /// Counted here on its own, not by the recogniser: the rows below each sheet's header row that
    /// hold any text. The recogniser must account for exactly these.
    /// </summary>
    public static int NonEmptyRowsBelowHeaders(RawWorkbook raw, Submission s)
    {
        var total = 0;
        foreach (var report in s.Sheets.Where(r => r.HeaderRow is not null))
        {
            var sheet = raw.Sheets.Single(x => x.Name == report.Name);
            for (var r = report.HeaderRow!.Value + 1; r <= sheet.RowCount; r++)
                if (sheet.Row(r).Any(c => !string.IsNullOrWhiteSpace(c))) total++;
        }
        return total;
    }

    /// <summary>Asserts that every non-empty row of the file's tables is exactly one kind, and the kinds are as given.</summary>
    public static void AssertAccounted(string book, string writer, Submission s, int items, int headings, int notes, int legend, int headers, int listed)
    {
        var where = $"{book} ({writer})";
        Assert.IsNull(s.Rejection, $"{where}: {s.Rejection}");
        var c = s.Counts!;
        Assert.AreEqual(NonEmptyRowsBelowHeaders(Raw(book, writer), s), c.Read, $"{where}: rows read");
        Assert.AreEqual(c.Read, items + headings + notes + legend + headers + listed, $"{where}: {c.DescribeEn()}");
        Assert.AreEqual((items, headings, notes, legend, headers, listed), (c.Items, c.Headings, c.Notes, c.Legend, c.Headers, c.Listed), $"{where}: {c.DescribeEn()}");
        Assert.AreEqual(c.Read - c.Items, s.OtherRows.Count, $"{where}: every row that is not an item is listed with its kind");
        Assert.AreEqual(listed, s.Notes.Count(n => n.Kind == ReviewKind.MissingItemId), $"{where}: every listed row is in 要確認");
        Assert.AreEqual(s.Sheets.Sum(x => x.Counts.Read), c.Read, $"{where}: per sheet");
    }
}
