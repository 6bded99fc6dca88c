using System.Text;

namespace Consolidator.Fixtures;

/// <summary>One input built to break a reader, and how it must end: refused with a code, or read.</summary>
/// <param name="Name">The file name it is dropped under (its extension is often a lie).</param>
/// <param name="Bytes">The file.</param>
/// <param name="Code">The rejection code expected, or null when the file must be read.</param>
/// <param name="What">What the file is, for test names and messages.</param>
public sealed record HostileInput(string Name, byte[] Bytes, string? Code, string What)
{
    public override string ToString() => Name;
}

/// <summary>
/// A catalogue of hostile and broken inputs built in code, each with the outcome it must have.
/// The reader tests check each one; a test of the watch worker can drop them all into the inbox,
/// then a good submission, and expect every one refused or read as stated and the good one
/// consolidated. Files made once with an office application (encrypted workbooks, .ods, PDF,
/// images) are in tests/Consolidator.Core.Tests/Data/Hostile.
/// </summary>
public static class HostileInputs
{
    private const string Sheet = "xl/worksheets/sheet1.xml";
    private const string Strings = "xl/sharedStrings.xml";

    /// <summary>The auditor's checklist shaped the way Japanese Excel saves it; every edit starts from it.</summary>
    public static byte[] Checklist => SeedAudit.Build()[SeedAudit.MemberFile];

    public static IReadOnlyList<HostileInput> All()
    {
        var book = Checklist;
        return
        [
            new("zip-bomb.xlsx", Zips.Bomb(), "zip-bomb", "10 MB zip that inflates to 10 GiB"),
            new("lying-sizes.xlsx", Zips.WithDeclaredSize(Zips.Edit(book, Strings, x => x.Replace("<t>No.</t>", "<t>" + new string('A', 5_000_000) + "</t>")), Strings, 1_000),
                "corrupt", "a part that inflates to 5 MB while its header says 1,000 bytes"),
            new("many-parts.xlsx", Zips.ManyEntries(100_000), "too-large", "a zip directory of 100,000 entries"),
            new("billion-laughs.xlsx", Zips.Edit(book, Strings, x => x.Replace("<sst", BillionLaughs + "<sst").Replace("<t>No.</t>", "<t>&lol9;</t>")),
                "unsafe", "a DTD whose entities expand to 3 GB (billion laughs)"),
            new("external-entity.xlsx", Zips.Edit(book, Sheet, x => x.Replace("<worksheet", """<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet""")),
                "unsafe", "a DTD with an external entity"),
            new("out-of-grid.xlsx", Zips.Edit(book, Sheet, x => x.Replace("</sheetData>", """<row r="200"><c r="ZZZZZZ200" t="s"><v>0</v></c></row></sheetData>""")),
                "corrupt", "a cell reference far right of Excel's last column"),
            new("row-2e9.xlsx", Zips.Edit(book, Sheet, x => x.Replace("</sheetData>", """<row r="2000000000"><c r="A2000000000" t="s"><v>0</v></c></row></sheetData>""")),
                "corrupt", "a row number far below Excel's last row"),
            new("rows-200k.xlsx", Zips.Edit(book, Sheet, x => x.Replace("</sheetData>", """<row r="200000"><c r="A200000" t="s"><v>0</v></c></row></sheetData>""")),
                "too-large", "a value in row 200,000"),
            new("column-300.xlsx", Zips.Edit(book, Sheet, x => x.Replace("</sheetData>", """<row r="200"><c r="KN200" t="s"><v>0</v></c></row></sheetData>""")),
                "too-large", "a value in column 300"),
            new("formatted-last-row.xlsx", Zips.Edit(book, Sheet, x => x.Replace("</sheetData>", """<row r="1048576"><c r="A1048576" s="1"/></row></sheetData>""")),
                null, "an empty formatted cell in Excel's last row"),
            new("xlsb-named.xlsx", Xlsb(), "xlsb", "an Excel binary workbook named .xlsx"),
            new("docx-named.xlsx", Docx(), "not-a-workbook", "a Word document named .xlsx"),
            new("random-bytes.xlsx", RandomBytes(4096), "not-a-workbook", "random bytes named .xlsx"),
            new("empty.xlsx", [], "empty", "an empty file"),
            new("truncated.xlsx", book[..(book.Length / 2)], "corrupt", "the first half of a workbook"),
            new("control-characters.xlsx", Zips.Edit(book, Strings, x => x.Replace("<t>No.</t>", "<t>No._x0001__x001B_[31m</t>")), null,
                "control characters (an escape sequence) in the header text"),
            new("long-text.xlsx", Zips.Edit(book, Strings, x => x.Replace("保守事業者の作業担当者3名", new string('長', 40_000))), null,
                "a finding of 40,000 characters, over Excel's 32,767"),
            new("formula-text.csv", FormulaCsv(), null, "CSV whose texts look like formulas"),
        ];
    }

    /// <summary>Entities that would expand a thousand million times if a parser expanded them.</summary>
    public const string BillionLaughs = """<!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>""";

    /// <summary>The parts by which an .xlsb is known: a zip with xl/workbook.bin and its content type.</summary>
    public static byte[] Xlsb() => Zips.Create(
    [
        ("[Content_Types].xml", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>""")),
        ("_rels/.rels", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>""")),
        ("xl/workbook.bin", [0x83, 0x01, 0x00, 0x84, 0x01, 0x00]),
    ]);

    /// <summary>The parts by which a .docx is known.</summary>
    public static byte[] Docx() => Zips.Create(
    [
        ("[Content_Types].xml", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""")),
        ("word/document.xml", Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>送付状</w:t></w:r></w:p></w:body></w:document>""")),
    ]);

    /// <summary>Bytes from a fixed seed, with a NUL in the first ones so that they are never text.</summary>
    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(20231024).NextBytes(bytes);
        bytes[1] = 0;
        return bytes;
    }

    /// <summary>A vendor's pre-answer in CSV whose every text starts like a formula or a DDE call.</summary>
    public static byte[] FormulaCsv()
    {
        var text = string.Join("\r\n",
            "対象業務,庶務事務システム",
            "年度,令和5年度",
            "事業者名,=HYPERLINK(\"http://example.invalid/\",\"株式会社\")",
            "",
            "No.,監査項目,事前回答,回答内容,証跡",
            "5-1,=1+1,実施,+cmd|' /C calc'!A0,@SUM(A1:A2)",
            "5-2,-2+3,一部実施,\tタブで始まる,\rCRで始まる",
            "5-3,＝全角の等号,実施, =SPACE(1),");
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
    }
}
