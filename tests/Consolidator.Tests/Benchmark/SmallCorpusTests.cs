using Consolidator.Commands;
using Consolidator.Core.Reading;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Benchmark;

/// <summary>
/// The benchmark's SMALL corpus (20 audits × 40 items, the generator of bench/Consolidator.Bench)
/// through `run --root` as the benchmark runs it: asserts that the output is right, never a time.
/// </summary>
[TestClass]
public sealed class SmallCorpusTests
{
    [TestMethod]
    public void SmallCorpus_RunWithRoot_WritesEveryAuditWithItsMergedJudgments()
    {
        using var root = new TempDir();
        CorpusGenerator.Generate(root["inbox"], audits: 20, items: 40, out var expected);
        var stdout = new StringWriter();

        var code = RunCommand.Execute(new Dictionary<string, string?> { ["Paths:Root"] = root.Path }, null, stdout, CancellationToken.None);

        Assert.AreEqual(0, code, stdout.ToString());
        Assert.AreEqual(120, Directory.GetFiles(root["archive"], "*.xlsx", SearchOption.AllDirectories).Length);
        Assert.IsFalse(Directory.Exists(root["rejected"]) && Directory.EnumerateFileSystemEntries(root["rejected"]).Any());
        Assert.IsTrue(File.Exists(Path.Combine(root["output"], OutputNames.Overview)));
        foreach (var audit in expected)
        {
            var key = new Core.Model.AuditKey(audit.Target, 2023);
            var csv = Records(File.ReadAllText(Path.Combine(root["output"], OutputNames.ResultStem(key) + ".csv")));
            // Ids such as 1-1 and the judgment 〇 are written as ="1-1" so that Excel keeps them as text.
            static string Text(string field) => field.StartsWith("=\"", StringComparison.Ordinal) ? field[2..^1] : field;
            var judged = csv.Skip(1).ToDictionary(f => Text(f[0]), f => Text(f[4]), StringComparer.Ordinal);
            CollectionAssert.AreEquivalent(audit.Judgments.ToList(), judged.ToList(), audit.Target);

            var book = WorkbookReader.Read(File.OpenRead(Path.Combine(root["output"], OutputNames.ResultStem(key) + ".xlsx")), "result.xlsx");
            CollectionAssert.AreEqual(new[] { "総括", "監査結果", "指摘事項", "事前回答", "要確認", "取込履歴" }, book.Sheets.Select(s => s.Name).ToArray());
            var items = book.Sheets[1];
            Assert.AreEqual(3 + 40, items.RowCount, $"{audit.Target}: 監査結果 rows");
            for (var r = 4; r <= items.RowCount; r++)
                Assert.AreEqual(audit.Judgments[items[r, 1]], items[r, 5], $"{audit.Target} 監査結果 row {r}");
            Assert.AreEqual(3 + 3 * 40, book.Sheets[3].RowCount, $"{audit.Target}: 事前回答 rows (three vendors answer every item)");
            var history = book.Sheets[5];
            Assert.AreEqual(3 + 6, history.RowCount, $"{audit.Target}: 取込履歴 rows");
            var status = Array.IndexOf(history.Row(3), "状態") + 1;
            for (var r = 4; r <= history.RowCount; r++) Assert.AreEqual("採用", history[r, status], $"{audit.Target} 取込履歴 row {r}");
        }
    }

    /// <summary>The records of the result CSV: every field quoted, quotes doubled, line breaks inside fields.</summary>
    private static List<List<string>> Records(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
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
        return records;
    }
}
