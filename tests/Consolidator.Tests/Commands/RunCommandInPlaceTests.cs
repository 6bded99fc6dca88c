using Consolidator.Commands;
using Consolidator.Fixtures;

namespace Consolidator.Tests.Commands;

[TestClass]
public sealed class RunCommandInPlaceTests
{
    private DirectoryInfo _dir = null!;

    [TestInitialize]
    public void Create() => _dir = Directory.CreateTempSubdirectory("run-");

    [TestCleanup]
    public void Remove() => _dir.Delete(recursive: true);

    private int Run(out string output, params (string Key, string Value)[] settings)
    {
        var overrides = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        overrides.TryAdd("Paths:State", Path.Combine(_dir.FullName, "state"));
        var stdout = new StringWriter();
        var exit = RunCommand.Execute(overrides, null, stdout, CancellationToken.None);
        output = stdout.ToString();
        return exit;
    }

    [TestMethod]
    public void Run_WritesTheResult_LeavesTheInboxUntouched_ExitsZero()
    {
        var inbox = Path.Combine(_dir.FullName, "in");
        Scenarios.Seed().WriteTo(inbox);
        var before = Directory.GetFiles(inbox).Select(f => (f, File.GetLastWriteTimeUtc(f), new FileInfo(f).Length)).ToList();
        var output = Path.Combine(_dir.FullName, "out");

        var exit = Run(out var text, ("Paths:Inbox", inbox), ("Paths:Output", output));

        Assert.AreEqual(0, exit, text);
        Assert.IsTrue(File.Exists(Path.Combine(output, "庶務事務システム_令和5年度_監査結果.xlsx")));
        Assert.IsTrue(File.Exists(Path.Combine(output, "庶務事務システム_令和5年度_監査結果.csv")));
        StringAssert.Contains(text, "対象外 13  適合 24  参考意見 0  注意事項 0  不適合 0  重大な不適合 1  計 38");
        StringAssert.Contains(text, "[5/5]");
        CollectionAssert.AreEqual(before, Directory.GetFiles(inbox).Select(f => (f, File.GetLastWriteTimeUtc(f), new FileInfo(f).Length)).ToList());
    }

    [TestMethod]
    public void Run_WithoutInbox_ExitsTwo()
    {
        var exit = Run(out _, ("Paths:Inbox", Path.Combine(_dir.FullName, "missing")));

        Assert.AreEqual(2, exit);
    }

    [TestMethod]
    public void Run_WithBadSettings_ExitsTwo() =>
        Assert.AreEqual(2, Run(out _, ("Paths:Inbox", _dir.FullName), ("Consolidation:TimeZone", "Mars/Olympus"), ("Consolidation:MaxHeaderRow", "0")));

    [TestMethod]
    public void Run_WhereNoFileGivesAnAudit_ExitsThree_AndSaysSo()
    {
        var inbox = Path.Combine(_dir.FullName, "in");
        for (var n = 0; n < 5; n++) Support.Inputs.Bad(n, "").WriteTo(inbox);

        var exit = Run(out var text, ("Paths:Inbox", inbox), ("Paths:Output", Path.Combine(_dir.FullName, "out")));

        Assert.AreEqual(3, exit, text);
        StringAssert.Contains(text, "ファイル / files: 5（採用 0、旧版 0、重複 0、拒否 5）");
        StringAssert.Contains(text, "None of the files gave an audit to consolidate");
    }

    [TestMethod]
    public void Run_OnAnEmptyInbox_ExitsZero_AndSaysItIsEmpty()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_dir.FullName, "in")).FullName;

        var exit = Run(out var text, ("Paths:Inbox", inbox), ("Paths:Output", Path.Combine(_dir.FullName, "out")));

        Assert.AreEqual(0, exit, text);
        StringAssert.Contains(text, "受付フォルダにファイルがありません / The inbox holds no files.");
    }

    [TestMethod]
    public void Run_FileLinesAndTheClosingList_AgreeOnEveryFilesStatus()
    {
        // Two copies of the same unreadable bytes: one is 拒否, the other 重複 (the same bytes as a file
        // received earlier). The line printed while reading must not call the duplicate 拒否.
        var inbox = Path.Combine(_dir.FullName, "in");
        Scenarios.Seed().WriteTo(inbox);
        var bad = Support.Inputs.Bad(0, "");
        bad.WriteTo(inbox);
        (bad with { RelativePath = "写し_" + bad.RelativePath, ModifiedAt = bad.ModifiedAt.AddMinutes(5) }).WriteTo(inbox);

        var exit = Run(out var text, ("Paths:Inbox", inbox), ("Paths:Output", Path.Combine(_dir.FullName, "out")));

        Assert.AreEqual(0, exit, text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var closing = lines.Where(l => l.StartsWith("  拒否  ", StringComparison.Ordinal) || l.StartsWith("  重複  ", StringComparison.Ordinal) || l.StartsWith("  旧版  ", StringComparison.Ordinal))
            .ToDictionary(l => l[6..l.IndexOf(':', StringComparison.Ordinal)], l => l[2..4]);
        Assert.AreEqual("拒否", closing[bad.RelativePath], text);
        Assert.AreEqual("重複", closing["写し_" + bad.RelativePath], text);
        foreach (var line in lines.Where(l => l.StartsWith('[')))
        {
            var name = closing.Keys.FirstOrDefault(k => line.Contains("] " + k + "  ", StringComparison.Ordinal));
            foreach (var label in new[] { "採用", "旧版", "重複", "拒否" })
                if (line.Contains(label, StringComparison.Ordinal))
                    Assert.AreEqual(closing.GetValueOrDefault(name ?? "", "採用"), label, $"the line '{line}' says {label}, the closing list otherwise:\n{text}");
        }
    }

    [TestMethod]
    public void Run_Redirected_ShowsTheConsolidationAsPlainLines_AuditsDoneOfTotal()
    {
        var inbox = Path.Combine(_dir.FullName, "in");
        Scenarios.Seed().WriteTo(inbox);

        var exit = Run(out var text, ("Paths:Inbox", inbox), ("Paths:Output", Path.Combine(_dir.FullName, "out")));

        Assert.AreEqual(0, exit, text);
        StringAssert.Contains(text, "集約 / consolidating: 1 件の監査 / audits");
        StringAssert.Contains(text, "  [1/1] 庶務事務システム_令和5年度_監査結果.xlsx  確定");
        Assert.IsFalse(text.Contains('\r', StringComparison.Ordinal), "no carriage return when redirected");
    }

    [TestMethod]
    public void Run_OnATerminal_RewritesOneProgressLine()
    {
        var output = new StringWriter();
        var progress = new AuditProgressLines(output, live: true);

        progress.Report(new AuditProgress(0, 2, null, null));
        progress.Report(new AuditProgress(1, 2, "/out/庶務事務システム_令和5年度_監査結果.xlsx", Core.Model.AuditStatus.Final));
        progress.Report(new AuditProgress(2, 2, "/out/財務_令和5年度_監査結果.xlsx", Core.Model.AuditStatus.Provisional));

        var text = output.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal);
        Assert.AreEqual(2, text.Count(c => c == '\n'), text);
        StringAssert.StartsWith(text, "集約 / consolidating: 2 件の監査 / audits\n\r  集約 consolidated 1/2  庶務事務システム_令和5年度_監査結果.xlsx  確定");
        StringAssert.Contains(text, "\r  集約 consolidated 2/2  財務_令和5年度_監査結果.xlsx  暫定");
    }
}
