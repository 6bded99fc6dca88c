using Consolidator.Core.Reading.Xlsx;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>XML with DTDs or external entities is refused, naming the part; references outside Excel's grid are damage.</summary>
[TestClass]
public sealed class XlsxPartGuardTests
{
    [TestMethod]
    [DataRow("[Content_Types].xml", "<Types")]
    [DataRow("_rels/.rels", "<Relationships")]
    [DataRow("xl/workbook.xml", "<workbook")]
    [DataRow("xl/_rels/workbook.xml.rels", "<Relationships")]
    [DataRow("xl/styles.xml", "<styleSheet")]
    [DataRow("xl/sharedStrings.xml", "<sst")]
    [DataRow("xl/worksheets/sheet1.xml", "<worksheet")]
    [DataRow("docProps/core.xml", "<cp:coreProperties")]
    public void Read_RefusesADtdInAnyPart_NamingThePart(string part, string root)
    {
        var book = Zips.Edit(HostileInputs.Checklist, part, x => x.Replace(root, "<!DOCTYPE x [<!ENTITY e \"e\">]>" + root));

        var rejection = Reads.Rejection(book, "dtd.xlsx");

        Assert.AreEqual("unsafe", rejection?.Code, rejection?.ToString());
        Assert.Contains(part, rejection!.MessageEn);
        Assert.Contains("DTD", rejection.MessageJa);
        HostileInputTests.AssertBilingual(rejection);
    }

    [TestMethod]
    public void Read_NeverFetchesAnExternalEntityOrDtd()
    {
        using var listener = new LoopbackListener();
        var entity = Zips.Edit(HostileInputs.Checklist, "xl/sharedStrings.xml",
            x => x.Replace("<sst", $"<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"{listener.Url}entity\">]><sst").Replace("<t>No.</t>", "<t>&xxe;</t>"));
        var externalDtd = Zips.Edit(HostileInputs.Checklist, "xl/worksheets/sheet1.xml",
            x => x.Replace("<worksheet", $"<!DOCTYPE worksheet SYSTEM \"{listener.Url}dtd\"><worksheet"));
        var parameterEntity = Zips.Edit(HostileInputs.Checklist, "xl/workbook.xml",
            x => x.Replace("<workbook", $"<!DOCTYPE workbook [<!ENTITY % p SYSTEM \"{listener.Url}p\"> %p;]><workbook"));

        Assert.AreEqual("unsafe", Reads.Rejection(entity, "a.xlsx")?.Code);
        Assert.AreEqual("unsafe", Reads.Rejection(externalDtd, "b.xlsx")?.Code);
        Assert.IsNotNull(Reads.Rejection(parameterEntity, "c.xlsx"));
        Assert.AreEqual(0, listener.Connections, "a reference was followed");
    }

    [TestMethod]
    public void Read_RefusesBillionLaughs_BeforeExpandingAnything()
    {
        var book = Zips.Edit(HostileInputs.Checklist, "xl/sharedStrings.xml",
            x => x.Replace("<sst", HostileInputs.BillionLaughs + "<sst").Replace("<t>No.</t>", "<t>&lol9;</t>"));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rejection = Reads.Rejection(book, "lol.xlsx");

        Assert.AreEqual("unsafe", rejection?.Code);
        Assert.IsLessThan(16L * 1024 * 1024, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [TestMethod]
    [DataRow("""<row r="200"><c r="ZZZZ200" t="s"><v>0</v></c></row>""", "ZZZZ200")]
    [DataRow("""<row r="200"><c r="XFE200" t="s"><v>0</v></c></row>""", "XFE200")]
    [DataRow("""<row r="1048577"><c r="A1048577" t="s"><v>0</v></c></row>""", "1048577")]
    [DataRow("""<row r="200"><c r="A0" t="s"><v>0</v></c></row>""", "A0")]
    [DataRow("""<row r="-5"><c t="s"><v>0</v></c></row>""", "-5")]
    [DataRow("""<row r="200"><c r="200A" t="s"><v>0</v></c></row>""", "200A")]
    public void Read_RefusesReferencesOutsideExcelsGrid_AsDamage(string row, string reference)
    {
        var book = Zips.Edit(HostileInputs.Checklist, "xl/worksheets/sheet1.xml", x => x.Replace("</sheetData>", row + "</sheetData>"));

        var rejection = Reads.Rejection(book, "grid.xlsx");

        Assert.AreEqual("corrupt", rejection?.Code, rejection?.ToString());
        Assert.Contains(reference, rejection!.MessageEn);
    }

    [TestMethod]
    public void Read_RefusesAMergeOutsideTheGrid_AndTooManyMerges()
    {
        var outside = Zips.Edit(HostileInputs.Checklist, "xl/worksheets/sheet1.xml", x => x.Replace("<mergeCell ref=\"A1:H1\"/>", "<mergeCell ref=\"A1:ZZZZ99999999\"/>"));
        var many = Zips.Edit(HostileInputs.Checklist, "xl/worksheets/sheet1.xml",
            x => x.Replace("</mergeCells>", string.Concat(Enumerable.Range(100, 20).Select(r => $"<mergeCell ref=\"J{r}:K{r}\"/>")) + "</mergeCells>"));

        Assert.AreEqual("corrupt", Reads.Rejection(outside, "a.xlsx")?.Code);
        var rejection = Reads.Rejection(many, "b.xlsx", new Core.Reading.ReadLimits { MaxMergedRanges = 10 });
        Assert.AreEqual("too-large", rejection?.Code);
        Assert.Contains("Consolidation:Limits:MaxMergedRanges", rejection!.MessageEn);
        Assert.IsNull(Reads.Rejection(many, "b.xlsx"));
    }

    [TestMethod]
    // inside the grid
    [DataRow("A1", true)]
    [DataRow("$B$12", true)]
    [DataRow("xfd1048576", true)]
    [DataRow("XFD1048576", true)]
    // outside, or not a reference
    [DataRow("XFE1", false)]
    [DataRow("AAAA1", false)]
    [DataRow("A1048577", false)]
    [DataRow("A0", false)]
    [DataRow("A", false)]
    [DataRow("1", false)]
    [DataRow("A-1", false)]
    [DataRow("A 1", false)]
    [DataRow("", false)]
    [DataRow("Ａ１", false)]
    public void IsCell_AcceptsOnlyA1ReferencesInsideTheGrid(string reference, bool inside) =>
        Assert.AreEqual(inside, XlsxPartGuard.IsCell(reference));
}
