using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Consolidator.Core.Model;
using Consolidator.Core.Reading;
using Consolidator.Core.Tests.Reading;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Writing;

/// <summary>
/// Submitted text reaches the outputs as text: every cell of the result workbook is a value, no
/// formula is built from it, characters XML cannot hold are gone, text fits Excel's cell limit,
/// and every field of the CSV that could start a formula is neutralised. The files are named
/// safely from a hostile target name, and open again in a reader and in ClosedXML.
/// </summary>
[TestClass]
public sealed partial class OutputSafetyTests
{
    private const string Injection = "=HYPERLINK(\"http://example.invalid/\",\"詳細\")";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Outputs_HoldSubmittedTextOnlyAsCleanText_AndNoFormulaBuiltFromIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "consolidator-output-safety-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = WriteOutputs(folder);

            var xlsxFiles = written.Where(f => f.EndsWith(".xlsx", StringComparison.Ordinal)).ToList();
            Assert.HasCount(3, xlsxFiles, string.Join(", ", written));
            foreach (var path in xlsxFiles)
            {
                AssertNoFormulas(path);
                AssertReadableAndClean(path);
            }
            foreach (var path in written.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)))
                AssertCsvNeutralised(path);
            Assert.IsTrue(written.Any(f => Path.GetFileName(f) == "基幹系_内部_情報系_令和5年度_監査結果.xlsx"), string.Join(", ", written.Select(Path.GetFileName)));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The seed audit with formulas, control characters and over-long text in its cells, plus an audit whose target name is hostile.</summary>
    private static List<string> WriteOutputs(string folder)
    {
        var items = SeedAudit.Items.Select(i => i.Id switch
        {
            "5-2" => i with { Finding = Injection + "_x0001_", Recommendation = new string('長', 40_000) },
            "5-3" => i with { Text = "+cmd|' /C calc'!A0", Remarks = "@SUM(A1:A9)" },
            "5-4" => i with { Remarks = "-1+2 \u202Eevil" },
            _ => i,
        }).ToList();
        var files = SeedAudit.Build(items).Select(f => SourceFile.FromBytes(f.Key, f.Value, Reads.Received)).ToList();
        var csv = string.Join("\r\n",
            "対象業務,基幹系/内部:情報系\u0007",
            "年度,令和5年度",
            "監査人,=1+1",
            "",
            "No.,監査項目,判定,指摘内容",
            "1," + Injection.Replace("\"", "\"\"", StringComparison.Ordinal).Insert(0, "\"") + "\",〇,",
            "2,@SUM(1),△,\"\t=タブの後の式\"");
        files.Add(SourceFile.FromBytes("hostile.csv", Encoding.UTF8.GetBytes(csv), Reads.Received));

        var result = new Consolidation().Run(files);
        Assert.HasCount(2, result.Audits);
        var written = new List<string>();
        foreach (var audit in result.Audits)
        {
            var xlsx = Path.Combine(folder, OutputNames.ResultWorkbook(audit));
            var itemsCsv = Path.Combine(folder, OutputNames.ResultCsv(audit));
            ResultWorkbook.Write(audit, Reads.Received, xlsx);
            ItemsCsv.Write(audit, itemsCsv);
            written.Add(xlsx);
            written.Add(itemsCsv);
        }
        var overview = Path.Combine(folder, OutputNames.Overview);
        OverviewWorkbook.Write(result, Reads.Received, overview);
        written.Add(overview);
        return written;
    }

    /// <summary>No &lt;f&gt; in any sheet; the only formula-like thing is 判定's validation list of scale symbols.</summary>
    private static void AssertNoFormulas(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var part in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(part.Open());
            var xml = reader.ReadToEnd();
            Assert.IsFalse(FormulaElement().IsMatch(xml), $"{Path.GetFileName(path)} {part.FullName} holds a formula");
            foreach (Match m in Formula1().Matches(xml))
                Assert.AreEqual(ResultWorkbook.JudgmentList(Core.Normalising.JudgmentScale.Default), System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), "data validation list");
        }
        Assert.IsFalse(zip.Entries.Any(e => e.FullName.Contains("calcChain", StringComparison.Ordinal)));
    }

    /// <summary>Opens in ClosedXML, reads back through the product's own reader, every cell within Excel's limit and clean.</summary>
    private void AssertReadableAndClean(string path)
    {
        using (var wb = new XLWorkbook(path))
        {
            foreach (var cell in wb.Worksheets.SelectMany(ws => ws.CellsUsed()))
                Assert.IsFalse(cell.HasFormula, $"{cell.Address} has a formula");
        }
        var book = WorkbookReader.Read(File.OpenRead(path), Path.GetFileName(path), new ReadLimits { MaxCellChars = 32_767 });
        var longest = 0;
        foreach (var sheet in book.Sheets)
            foreach (var text in sheet.Rows.SelectMany(r => r))
            {
                longest = Math.Max(longest, text.Length);
                Assert.IsFalse(text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')), $"{Path.GetFileName(path)}: a control character in a cell");
            }
        Assert.IsEmpty(book.CutCells, "a cell over Excel's limit");
        TestContext.WriteLine($"{Path.GetFileName(path)}: longest cell {longest} characters");
        if (Path.GetFileName(path).StartsWith("庶務事務", StringComparison.Ordinal))
        {
            var review = book.Sheets.Single(s => s.Name == "要確認");
            Assert.IsTrue(review.Rows.Any(r => r.Contains("文字数超過")), "the cut cell is listed in 要確認");
            var items = book.Sheets.Single(s => s.Name == "監査結果");
            Assert.IsTrue(items.Rows.Any(r => r.Contains(Injection)), "the text is kept, as text");
        }
    }

    private static void AssertCsvNeutralised(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        foreach (Match field in CsvField().Matches(text))
        {
            var value = field.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal);
            // The one formula written: a string literal around an id or number-like text, so Excel keeps it as text.
            if (value.StartsWith("=\"", StringComparison.Ordinal) && value.EndsWith('"') && ItemsCsv.LooksLikeNumberOrDate(value[2..^1])
                && !value[2..^1].Contains('"', StringComparison.Ordinal))
                continue;
            Assert.IsFalse(value.Length > 0 && "=+-@\t\r".Contains(value.TrimStart(' ')[0], StringComparison.Ordinal),
                $"{Path.GetFileName(path)}: field starts a formula: {value[..Math.Min(40, value.Length)]}");
        }
        Assert.Contains("'=HYPERLINK", text);
    }

    [GeneratedRegex("<(\\w+:)?f[ >]")]
    private static partial Regex FormulaElement();

    [GeneratedRegex("<(?:\\w+:)?formula1>(.*?)</(?:\\w+:)?formula1>")]
    private static partial Regex Formula1();

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex CsvField();
}
