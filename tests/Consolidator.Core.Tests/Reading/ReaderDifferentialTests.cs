using Consolidator.Core.Reading;
using Consolidator.Core.Reading.Xlsx;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// The product's one-pass .xlsx reader (<see cref="XlsxReader"/>) against ExcelDataReader
/// (<see cref="ExcelDataReaderXlsxReader"/>, the reader it replaced), cell by cell, on every
/// .xlsx/.xlsm the project builds or keeps: the committed fixtures under Data/, every scenario's
/// files, the hostile inputs, the recognition fixtures, the seed audit in both flavours and a small
/// generated corpus. Every cell, sheet, merged range and refusal must be the same; the few places
/// where ExcelDataReader 3.6 is wrong have their own tests below.
/// </summary>
[TestClass]
public sealed class ReaderDifferentialTests
{
    public TestContext TestContext { get; set; } = null!;

    private static IEnumerable<(string Name, byte[] Bytes)> Fixtures()
    {
        string[] extensions = [".xlsx", ".xlsm", ".xltx", ".xltm"];
        var data = Path.Combine(AppContext.BaseDirectory, "Data");
        foreach (var path in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            if (extensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
                yield return (Path.GetRelativePath(data, path), File.ReadAllBytes(path));
        foreach (var scenario in Scenarios.All())
            foreach (var file in scenario.Files)
                yield return ($"{scenario.Name}/{file.Path}", file.Bytes);
        foreach (var hostile in HostileInputs.All())
            yield return ("hostile/" + hostile.Name, hostile.Bytes);
        foreach (var book in RecognitionFixtures.All())
            yield return ("recognition/" + book.Name, book.Xlsx());
        foreach (var (name, bytes) in SeedAudit.Build())
            yield return ("seed/" + name, bytes);
        var folder = Path.Combine(Path.GetTempPath(), "consolidator-differential-" + Guid.NewGuid().ToString("N"));
        try
        {
            CorpusGenerator.Generate(folder, 3, 40);
            foreach (var path in Directory.EnumerateFiles(folder, "*.xlsx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                yield return ("generated/" + Path.GetRelativePath(folder, path), File.ReadAllBytes(path));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [TestMethod]
    public void EveryFixture_ReadsCellForCellAsExcelDataReaderReadsIt()
    {
        var diff = new ReaderDifferential();
        foreach (var (name, bytes) in Fixtures()) diff.Compare(bytes, name);

        TestContext.WriteLine(diff.Summary());
        foreach (var line in diff.Details.Take(50)) TestContext.WriteLine(line);
        Assert.AreEqual(0, diff.Differences, diff.Summary() + string.Join("\n", diff.Details.Take(20)));
        Assert.IsGreaterThan(140, diff.Files, "the fixtures compared");
        Assert.IsGreaterThan(5, diff.RefusedByBoth, "hostile fixtures refused by both");
        Assert.IsGreaterThan(10_000L, diff.Cells, "cells compared");
        Assert.IsGreaterThan(100L, diff.MergedRanges, "merged ranges compared");
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    /// <summary>A package of one sheet, its cells as given, with shared strings and number formats.</summary>
    internal static byte[] Package(string cells, string workbookPr = "", string merges = "", bool strict = false, string sheetPath = "xl/worksheets/sheet1.xml")
    {
        var main = strict ? StrictMain : Main;
        var rel = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var target = sheetPath.StartsWith("xl/", StringComparison.Ordinal) ? sheetPath[3..] : "/" + sheetPath;
        static byte[] U(string s) => System.Text.Encoding.UTF8.GetBytes(s);
        return Zips.Create([
            ("[Content_Types].xml", U("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>""")),
            ("_rels/.rels", U($"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""")),
            ("xl/workbook.xml", U($"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><workbookPr {workbookPr}/><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>""")),
            ("xl/_rels/workbook.xml.rels", U($"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="{target}"/><Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>""")),
            ("xl/sharedStrings.xml", U($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="3" uniqueCount="3"><si><t>監査</t><rPh sb="0" eb="2"><t>カンサ</t></rPh><phoneticPr fontId="1"/></si><si><r><t>適</t></r><r><rPr><b/></rPr><t xml:space="preserve">合 </t></r><rPh sb="0" eb="1"><t>テキ</t></rPh></si><si><t>a_x000D_b</t></si></sst>""")),
            ("xl/styles.xml", U($"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main}"><numFmts count="3"><numFmt numFmtId="176" formatCode="0.00"/><numFmt numFmtId="177" formatCode="[$-ja-JP-x-gannen]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/><numFmt numFmtId="178" formatCode="[h]:mm"/></numFmts><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="177" applyNumberFormat="1"/><xf numFmtId="178" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="0"/></cellXfs></styleSheet>""")),
            (sheetPath, U($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData><row r="1">{cells}</row></sheetData>{merges}</worksheet>""")),
        ]);
    }

    /// <summary>Each kind of stored value, as both readers show it.</summary>
    [TestMethod]
    [DataRow("""<c r="A1" t="s"><v>0</v></c>""", "監査", DisplayName = "shared string, furigana left out")]
    [DataRow("""<c r="A1" t="s"><v>1</v></c>""", "適合 ", DisplayName = "shared string of runs, furigana left out")]
    [DataRow("""<c r="A1" t="s"><v>2</v></c>""", "a\rb", DisplayName = "escaped carriage return")]
    [DataRow("""<c r="A1" t="s"><v>7</v></c>""", "7", DisplayName = "shared string index out of range")]
    [DataRow("""<c r="A1" t="inlineStr"><is><t>内部</t><rPh sb="0" eb="2"><t>ナイブ</t></rPh></is></c>""", "内部", DisplayName = "inline string, furigana left out")]
    [DataRow("""<c r="A1" t="str"><f>A2&amp;"x"</f><v>計算済</v></c>""", "計算済", DisplayName = "cached formula text")]
    [DataRow("""<c r="A1"><f>1+1</f><v>2</v></c>""", "2", DisplayName = "cached formula number")]
    [DataRow("""<c r="A1" t="b"><v>1</v></c>""", "TRUE", DisplayName = "boolean")]
    [DataRow("""<c r="A1" t="b"><v>0</v></c>""", "FALSE", DisplayName = "boolean false")]
    [DataRow("""<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B1"><v>1</v></c>""", "", DisplayName = "error: no value")]
    [DataRow("""<c r="A1" s="1"><v>1.1</v></c>""", "1.10", DisplayName = "number format 0.00")]
    [DataRow("""<c r="A1" s="5"><v>1.1</v></c>""", "1.1", DisplayName = "number format not applied")]
    [DataRow("""<c r="A1"><v>0.1</v></c>""", "0.1", DisplayName = "General")]
    [DataRow("""<c r="A1" s="2"><v>45223</v></c>""", "2023/10/24", DisplayName = "built-in date format 14")]
    [DataRow("""<c r="A1" s="3"><v>45223</v></c>""", "令和5年10月24日", DisplayName = "era date format")]
    [DataRow("""<c r="A1" s="2"><v>45223.5</v></c>""", "2023/10/24 12:00", DisplayName = "date and time")]
    [DataRow("""<c r="A1" s="4"><v>1.5</v></c>""", "1.12:00:00", DisplayName = "duration")]
    [DataRow("""<c r="A1" t="d"><v>2023-10-24</v></c>""", "2023/10/24", DisplayName = "ISO date")]
    [DataRow("""<c r="A1" t="n"><v>abc</v></c>""", "abc", DisplayName = "text where a number was expected")]
    [DataRow("""<c r="A1" s="99"><v>3</v></c>""", "3", DisplayName = "style index out of range")]
    [DataRow("""<c><v>1</v></c><c><v>2</v></c>""", "1", DisplayName = "cells without references follow each other")]
    [DataRow("""<c r="A1"><v>1</v></c><c r="A1"><v>2</v></c>""", "2", DisplayName = "a later cell at the same column replaces")]
    public void Value_IsShownAsExcelShowsIt(string cells, string expected)
    {
        var bytes = Package(cells);
        var own = new XlsxReader().Read(new MemoryStream(bytes), "v.xlsx", new ReadBudget(ReadLimits.Default));
        var reference = new ExcelDataReaderXlsxReader().Read(new MemoryStream(bytes), "v.xlsx", new ReadBudget(ReadLimits.Default));

        Assert.AreEqual(expected, own.Sheets[0][1, 1]);
        Assert.AreEqual(reference.Sheets[0][1, 1], own.Sheets[0][1, 1]);
        Assert.AreEqual(reference.Sheets[0][1, 2], own.Sheets[0][1, 2]);
    }

    [TestMethod]
    public void StrictPackage_AtAnUnusualPath_ReadsItsValuesAndMerges()
    {
        var bytes = Package("""<c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>2</v></c>""",
            merges: """<mergeCells count="1"><mergeCell ref="A1:A3"/></mergeCells>""", strict: true, sheetPath: "sheets/first.xml");

        var own = new XlsxReader().Read(new MemoryStream(bytes), "s.xlsx", new ReadBudget(ReadLimits.Default));
        var reference = new ExcelDataReaderXlsxReader().Read(new MemoryStream(bytes), "s.xlsx", new ReadBudget(ReadLimits.Default));

        Assert.AreEqual("監査", own.Sheets[0][1, 1]);
        Assert.AreEqual("2.00", own.Sheets[0][1, 2]);
        Assert.AreEqual(new Consolidator.Core.Model.MergedRange(1, 1, 1, 1), own.Sheets[0].Merges.Single());
        CollectionAssert.AreEqual(reference.Sheets[0].Merges.ToList(), own.Sheets[0].Merges.ToList());
        Assert.AreEqual("表", own.Sheets[0].Name);
    }

    /// <summary>
    /// date1904 is an xsd:boolean: "true" is the 1904 date system as much as "1" (ExcelDataReader
    /// 3.6 reads only "1"; its issue 649, fixed in later versions). The serial 0 is 1 January 1904.
    /// </summary>
    [TestMethod]
    [DataRow("1")]
    [DataRow("true")]
    public void Date1904_EitherSpelling_CountsFrom1904(string spelling)
    {
        var bytes = Package("""<c r="A1" s="2"><v>45223</v></c>""", workbookPr: $"date1904=\"{spelling}\"");

        var book = new XlsxReader().Read(new MemoryStream(bytes), "d.xlsx", new ReadBudget(ReadLimits.Default));

        // The serial 45223 is 24 October 2023 in the 1900 system; in the 1904 system it is 1,462 days later.
        Assert.AreEqual("2027/10/25", book.Sheets[0][1, 1]);
    }
}
