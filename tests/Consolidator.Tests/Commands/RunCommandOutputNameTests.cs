using Consolidator.Commands;
using Consolidator.Core.Reading;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;
using Consolidator.Tests.Mail;
using Consolidator.Tests.Support;
using MimeKit;

namespace Consolidator.Tests.Commands;

/// <summary>
/// Two audits never share an output file. A forged checklist of 20 items whose target cleans up to
/// the real audit's file name (「庶務事務システム.」, 「庶務/事務」 beside 「庶務_事務」, ABC beside abc)
/// once replaced the real 38-item result in some runs and not in others; now every run writes both,
/// each under its own name, the overview and the mails each pointing at their own audit's file.
/// </summary>
[TestClass]
public sealed class RunCommandOutputNameTests
{
    private static readonly string[] Seed38 = SeedAudit.Items.Select(i => i.Id).ToArray();

    /// <summary>An auditor's checklist of the first <paramref name="items"/> seed items, all 〇, for <paramref name="target"/>.</summary>
    private static byte[] Checklist(string target, int items) =>
        Books.Xlsx(Scenarios.Checklist(target, SeedAudit.Year, "偽 太郎", SeedAudit.AuditDate,
            SeedAudit.Items.Take(items).Select(i => new object?[] { i.Category, i.Id, i.Text, i.Basis, "〇", null, null, null })));

    private static (int Items, string Target) Result(string path)
    {
        var book = WorkbookReader.Read(new MemoryStream(File.ReadAllBytes(path)), Path.GetFileName(path));
        var summary = book.Sheets.Single(s => s.Name == "総括");
        return (book.Sheets.Single(s => s.Name == "監査結果").RowCount - 3, summary[3, 2]);
    }

    private static int CsvItems(string path) => File.ReadAllLines(path).Length - 1;

    [TestMethod]
    //       real target (38 items)    forged target (20 items)   runs
    [DataRow("庶務事務システム",          "庶務事務システム.",          5)]
    [DataRow("庶務_事務システム",         "庶務/事務システム",          2)]
    [DataRow("ABC会計システム",           "abc会計システム",            2)]
    public void Run_TwoTargetsThatMakeOneFileName_WriteTwoResults_TheRealOneNeverReplaced(string real, string forged, int runs)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["inbox"]);
        File.WriteAllBytes(dir["inbox/チェックリスト_監査人.xlsx"], Checklist(real, Seed38.Length));
        File.WriteAllBytes(dir["inbox/偽_チェックリスト.xlsx"], Checklist(forged, 20));
        // One audit written at a time: then the old names let the audit written second replace the first
        // in every run, so the test fails the same way each time rather than in some runs.
        var settings = new Dictionary<string, string?>
        {
            ["Paths:Inbox"] = dir["inbox"], ["Paths:Output"] = dir["output"], ["Paths:State"] = dir["state"], ["Consolidation:MaxParallelism"] = "1",
        };

        for (var run = 1; run <= runs; run++)
        {
            var stdout = new StringWriter();
            Assert.AreEqual(0, RunCommand.Execute(settings, null, stdout, CancellationToken.None), stdout.ToString());

            var books = Directory.GetFiles(dir["output"], "*_監査結果.xlsx").Order(StringComparer.Ordinal).ToList();
            Assert.HasCount(2, books, $"run {run}: " + string.Join(", ", books.Select(Path.GetFileName)));
            Assert.IsFalse(OutputNames.SameOnShares(Path.GetFileName(books[0]), Path.GetFileName(books[1])), "the two names are one file on a Windows share");
            var plain = Path.Combine(dir["output"], OutputNames.ResultStem(new Core.Model.AuditKey(real, 2023)) + ".xlsx");
            Assert.AreEqual((38, real), Result(plain), $"run {run}: the real result");
            Assert.AreEqual(38, CsvItems(Path.ChangeExtension(plain, ".csv")), $"run {run}: the CSV beside it is the same audit's");
            var other = books.Single(b => b != plain);
            Assert.AreEqual((20, forged), Result(other), $"run {run}: the forged one has its own file");
            Assert.AreEqual(20, CsvItems(Path.ChangeExtension(other, ".csv")));
            Assert.HasCount(7, Directory.GetFiles(dir["output"]), "two workbooks, two CSVs, two report drafts, the overview");

            var overview = WorkbookReader.Read(File.OpenRead(Path.Combine(dir["output"], OutputNames.Overview)), "overview.xlsx").Sheets[0];
            var fileColumn = Array.IndexOf(overview.Row(3), "結果ファイル") + 1;
            var links = Enumerable.Range(4, 2).ToDictionary(r => overview[r, 1], r => overview[r, fileColumn]);
            Assert.AreEqual(Path.GetFileName(plain), links[real]);
            Assert.AreEqual(Path.GetFileName(other), links[forged]);
        }
    }

    [TestMethod]
    public async Task RunWithMail_TwoAuditsWhoseNamesCollide_EachMailAttachesItsOwnWorkbook_AndTheLogNamesFilesOnly()
    {
        using var office = MailTestRun.Create();
        office.Seed();
        File.WriteAllBytes(Path.Combine(office.Inbox, "偽_チェックリスト.xlsx"), Checklist("庶務事務システム.", 20));
        await using var server = await LoopbackSmtpServer.StartAsync();
        var stdout = new StringWriter();

        var code = RunCommand.Execute(office.RunOverrides(server.Port), null, stdout, CancellationToken.None, mail: true);

        Assert.AreEqual(0, code, stdout.ToString());
        var messages = server.Messages.Select(m => m.Parse()).ToList();
        Assert.HasCount(2, messages, stdout.ToString());
        foreach (var message in messages)
        {
            var attachment = (MimePart)message.Attachments.Single();
            var bytes = new MemoryStream();
            attachment.Content!.DecodeTo(bytes);
            var file = Path.Combine(office.Output, attachment.FileName!);
            CollectionAssert.AreEqual(File.ReadAllBytes(file), bytes.ToArray(), $"{attachment.FileName}: the attachment is the file written");
            var (items, target) = Result(file);
            StringAssert.StartsWith(message.Subject, $"【監査結果】{target} 令和5年度 ", "each mail attaches its own audit's workbook");
            Assert.AreEqual(target == SeedAudit.Target ? 38 : 20, items);
        }
        var log = string.Join("\n", Directory.GetFiles(Path.Combine(office.State, "logs")).Select(File.ReadAllText));
        StringAssert.Contains(log, "Wrote 庶務事務システム_令和5年度_監査結果.xlsx");
        foreach (var target in new[] { "庶務事務システム. ", "庶務事務システム 令和5年度" })
            Assert.IsFalse(log.Contains(target, StringComparison.Ordinal), "the target as the cell gave it reached the log: "
                + string.Join("\n", log.Split('\n').Where(l => l.Contains(target, StringComparison.Ordinal))));
    }
}
