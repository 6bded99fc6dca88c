using System.IO.Compression;
using System.Text;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// Macros and external links are data, never run or followed: a macro workbook whose cells hold
/// formulas over an external workbook and a web query is read from the values Excel cached, no
/// connection is made, and nothing of the macro or the links reaches the output.
/// </summary>
[TestClass]
public sealed class ExternalContentTests
{
    [TestMethod]
    public void Ingest_ReadsCachedValues_OfAMacroWorkbookWithExternalLinks_WithoutRunningOrFollowingAnything()
    {
        using var listener = new LoopbackListener();
        var book = MacroWorkbookWithLinks(listener.Url);

        var submission = Reads.Ingest(book, "チェックリスト_監査人.xlsm");

        Assert.IsNull(submission.Rejection, submission.Rejection?.ToString());
        Assert.AreEqual("xlsm", submission.Format);
        var row = submission.Rows.Single(r => r.Id == "5-1");
        Assert.AreEqual("△", row.Judgment?.Text, "the formula's cached value");
        Assert.AreEqual(0, listener.Connections, "a link was followed");

        var result = new Consolidation().Consolidate([submission]);
        using var output = new MemoryStream();
        ResultWorkbook.Write(result.Audits.Single(), Reads.Received, output);
        using var zip = new ZipArchive(new MemoryStream(output.ToArray()));
        Assert.IsFalse(zip.Entries.Any(e => e.FullName.Contains("vba", StringComparison.OrdinalIgnoreCase)
            || e.FullName.Contains("externalLink", StringComparison.OrdinalIgnoreCase)
            || e.FullName.Contains("connections", StringComparison.OrdinalIgnoreCase)),
            string.Join(", ", zip.Entries.Select(e => e.FullName)));
        foreach (var part in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(part.Open());
            Assert.DoesNotContain("External", reader.ReadToEnd(), part.FullName);
        }
    }

    /// <summary>
    /// The seed checklist made into an .xlsm: a vbaProject.bin that would run on open, an external
    /// link to a workbook on the listener, a web query connection, and the judgment of 5-1 as a
    /// formula over the linked workbook with △ cached (the checklist says 〇 there).
    /// </summary>
    private static byte[] MacroWorkbookWithLinks(string url)
    {
        var book = HostileInputs.Checklist;
        var sheet = Zips.Read(book, "xl/worksheets/sheet1.xml");
        // The judgment cell of 5-1 is E8: a formula with a cached string value.
        var e8 = System.Text.RegularExpressions.Regex.Match(sheet, "<c r=\"E8\"[^>]*>.*?</c>").Value;
        Assert.IsNotEmpty(e8, "E8 in the fixture");
        sheet = sheet.Replace(e8, "<c r=\"E8\" s=\"1\" t=\"str\"><f>[1]判定!A1</f><v>△</v></c>");
        return Zips.With(Zips.Edit(book, "xl/_rels/workbook.xml.rels", x => x.Replace("</Relationships>",
                "<Relationship Id=\"rId90\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink\" Target=\"externalLinks/externalLink1.xml\"/>"
                + "<Relationship Id=\"rId91\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"vbaProject.bin\"/>"
                + "<Relationship Id=\"rId92\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/connections\" Target=\"connections.xml\"/></Relationships>")),
            new Dictionary<string, byte[]?>
            {
                ["xl/worksheets/sheet1.xml"] = Encoding.UTF8.GetBytes(sheet),
                ["xl/vbaProject.bin"] = Encoding.ASCII.GetBytes("Attribute VB_Name = \"ThisWorkbook\"\r\nSub Workbook_Open()\r\nShell \"calc.exe\"\r\nEnd Sub\r\n"),
                ["xl/externalLinks/externalLink1.xml"] = Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="判定"/></sheetNames></externalBook></externalLink>"""),
                ["xl/externalLinks/_rels/externalLink1.xml.rels"] = Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="{url}book.xlsx" TargetMode="External"/></Relationships>"""),
                ["xl/connections.xml"] = Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="web" type="4" refreshOnLoad="1"><webPr url="{url}query"/></connection></connections>"""),
            });
    }
}
