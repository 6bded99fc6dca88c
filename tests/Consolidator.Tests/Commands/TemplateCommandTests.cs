using Consolidator.Commands;
using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Fixtures;
using Consolidator.Options;

namespace Consolidator.Tests.Commands;

/// <summary>
/// <c>template</c> on real folders: the seed audit's master list in, workbooks out, exit codes;
/// and filled templates dropped into an inbox for <c>run</c>.
/// </summary>
[TestClass]
public sealed class TemplateCommandTests : IDisposable
{
    private const string Settings = """
        {
          "Templates": {
            "Auditors": [
              { "Name": "佐藤 健一（監査責任者）", "Items": [ "1-*", "2-*", "3-*", "4-*" ] },
              { "Name": "高橋 美咲（監査人）", "Items": [ "5-*", "6-*", "7-*" ] }
            ],
            "Vendors": [
              { "Name": "株式会社みなと情報システム", "Items": [ "1-2", "2-6", "5-*", "6-*", "7-2" ] },
              { "Name": "北斗データセンター株式会社", "Items": [ "3-1", "3-2", "3-3", "5-6", "6-2", "7-3" ] }
            ]
          }
        }
        """;

    private DirectoryInfo _dir = null!;
    private string _master = null!;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [TestInitialize]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("template-");
        _master = Path.Combine(_dir.FullName, SeedAudit.MasterFile);
        File.WriteAllBytes(_master, SeedAudit.Build()[SeedAudit.MasterFile]);
    }

    [TestCleanup]
    public void Cleanup() => _dir.Delete(recursive: true);

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
    }

    private int Execute(TemplateCommand.Request request) =>
        TemplateCommand.Execute(request, _stdout, _stderr, new FixedTime(new DateTimeOffset(2023, 9, 1, 0, 0, 0, TimeSpan.Zero)));

    private string SettingsFile(string json)
    {
        var path = Path.Combine(_dir.FullName, "appsettings.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static Submission Read(string path) => new Consolidation().Ingest(SourceFile.FromDisk(path, Path.GetFileName(path)));

    [TestMethod]
    public void Execute_WritesOneTemplate_ThatReadsBackAsThatTemplate()
    {
        var output = Path.Combine(_dir.FullName, "out", "チェックリスト.xlsx");

        var exit = Execute(new() { Master = _master, Role = "auditor", Name = "高橋 美咲（監査人）", Items = "5-*,6-*,7-*", Out = output });

        Assert.AreEqual(0, exit, _stderr.ToString());
        var s = Read(output);
        Assert.AreEqual("template", s.KeyOrigin);
        Assert.AreEqual(SubmissionRole.Auditor, s.Role);
        Assert.AreEqual("高橋 美咲", s.Auditor!.Person);
        Assert.AreEqual(20, s.Rows.Count);
        StringAssert.Contains(_stdout.ToString(), s.Template!);
        StringAssert.Contains(_stdout.ToString(), "20 項目");
    }

    [TestMethod]
    public void Execute_All_WritesOnePerConfiguredAuditorAndVendor()
    {
        var output = Path.Combine(_dir.FullName, "templates");

        var exit = Execute(new() { Master = _master, All = true, Out = output, Settings = SettingsFile(Settings) });

        Assert.AreEqual(0, exit, _stderr.ToString());
        var files = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(new[]
        {
            "庶務事務システム_令和5年度_チェックリスト_佐藤 健一（監査責任者）.xlsx",
            "庶務事務システム_令和5年度_チェックリスト_高橋 美咲（監査人）.xlsx",
            "庶務事務システム_令和5年度_事前回答_北斗データセンター株式会社.xlsx",
            "庶務事務システム_令和5年度_事前回答_株式会社みなと情報システム.xlsx",
        }.Order(StringComparer.Ordinal).ToList(), files);
        var vendor = Read(Path.Combine(output, "庶務事務システム_令和5年度_事前回答_北斗データセンター株式会社.xlsx"));
        Assert.AreEqual(SubmissionRole.Vendor, vendor.Role);
        Assert.AreEqual("北斗データセンター株式会社", vendor.Vendor!.Organisation);
        Assert.AreEqual("3-1 3-2 3-3 5-6 6-2 7-3", string.Join(" ", vendor.Rows.Select(r => r.Id)));
    }

    [TestMethod]
    public void Execute_All_SkipsRecipientsListedForAnotherAudit()
    {
        var output = Path.Combine(_dir.FullName, "templates");
        const string json = """
            { "Templates": { "Auditors": [
              { "Name": "高橋 美咲（監査人）", "Target": "庶務事務 システム", "FiscalYear": "R5" },
              { "Name": "鈴木 一郎", "Target": "住民記録システム" },
              { "Name": "山田 花子", "FiscalYear": "令和6年度" } ] } }
            """;

        var exit = Execute(new() { Master = _master, All = true, Out = output, Settings = SettingsFile(json) });

        Assert.AreEqual(0, exit, _stderr.ToString());
        CollectionAssert.AreEqual(new[] { "庶務事務システム_令和5年度_チェックリスト_高橋 美咲（監査人）.xlsx" }, Directory.GetFiles(output).Select(Path.GetFileName).ToList());
    }

    [TestMethod]
    public void Execute_All_WithRole_WritesOnlyThatRole()
    {
        var output = Path.Combine(_dir.FullName, "templates");

        var exit = Execute(new() { Master = _master, All = true, Role = "vendor", Out = output, Settings = SettingsFile(Settings) });

        Assert.AreEqual(0, exit, _stderr.ToString());
        Assert.IsTrue(Directory.GetFiles(output).All(f => f.Contains("事前回答", StringComparison.Ordinal)));
        Assert.AreEqual(2, Directory.GetFiles(output).Length);
    }

    [TestMethod]
    public void Execute_All_Returns2_WhenNobodyIsConfigured()
    {
        var exit = Execute(new() { Master = _master, All = true, Out = _dir.FullName, Settings = SettingsFile("{}") });

        Assert.AreEqual(2, exit);
        StringAssert.Contains(_stderr.ToString(), "Templates:Auditors");
    }

    [TestMethod]
    public void Execute_Returns2_AndNamesEveryBadTemplateSetting()
    {
        var json = """
            { "Templates": {
                "Auditors": [ { "Name": "" }, { "Name": "高橋 美咲" }, { "Name": "高橋　美咲" } ],
                "Vendors": [ { "Name": "北斗データセンター株式会社", "Items": [ " " ] } ] } }
            """;

        var exit = Execute(new() { Master = _master, All = true, Out = _dir.FullName, Settings = SettingsFile(json) });

        Assert.AreEqual(2, exit);
        CollectionAssert.AreEqual(new[]
        {
            "設定に誤りがあります / Invalid settings:",
            "  - Templates:Auditors:0:Name: The Name field is required.",
            "  - Templates:Auditors: '高橋 美咲' is listed 2 times / 同じ名前が2回あります。",
            "  - Templates:Vendors:0:Items:0: blank; give an item id or prefix such as 5-2 or 5-* / 項目番号（例: 5-2、5-*）が空です。",
        }, _stderr.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [TestMethod]
    public void Execute_Returns2_WhenTheFileExists_UnlessForced()
    {
        var output = Path.Combine(_dir.FullName, "a.xlsx");
        File.WriteAllText(output, "filled by someone");

        var refused = Execute(new() { Master = _master, Role = "vendor", Out = output });
        var text = File.ReadAllText(output);
        var forced = Execute(new() { Master = _master, Role = "vendor", Out = output, Force = true });

        Assert.AreEqual(2, refused);
        Assert.AreEqual("filled by someone", text);
        StringAssert.Contains(_stderr.ToString(), "--force");
        Assert.AreEqual(0, forced);
        Assert.AreEqual(SubmissionRole.Vendor, Read(output).Role);
    }

    [TestMethod]
    // role, out, what the message names
    [DataRow(null, "a.xlsx", "--role")]
    [DataRow("監査", "a.xlsx", "--role")]
    [DataRow("auditor", null, "--out")]
    public void Execute_Returns2_ForAnIncompleteCommandLine(string? role, string? output, string named)
    {
        var exit = Execute(new() { Master = _master, Role = role, Out = output is null ? null : Path.Combine(_dir.FullName, output) });

        Assert.AreEqual(2, exit);
        StringAssert.Contains(_stderr.ToString(), named);
    }

    [TestMethod]
    public void Execute_Returns2_WhenTheItemsSelectNothing()
    {
        var exit = Execute(new() { Master = _master, Role = "vendor", Items = "9-*", Out = Path.Combine(_dir.FullName, "a.xlsx") });

        Assert.AreEqual(2, exit);
        StringAssert.Contains(_stderr.ToString(), "9-*");
        Assert.IsFalse(File.Exists(Path.Combine(_dir.FullName, "a.xlsx")));
    }

    [TestMethod]
    public void Execute_Returns2_WhenTheMasterListIsMissing()
    {
        var exit = Execute(new() { Master = Path.Combine(_dir.FullName, "none.xlsx"), Role = "auditor", Out = Path.Combine(_dir.FullName, "a.xlsx") });

        Assert.AreEqual(2, exit);
    }

    [TestMethod]
    public void Execute_Returns3_WhenTheMasterListIsNoWorkbook()
    {
        var master = Path.Combine(_dir.FullName, "監査項目一覧.xlsx");
        File.WriteAllText(master, "%PDF-1.7 not a workbook");

        var exit = Execute(new() { Master = master, Role = "auditor", Out = Path.Combine(_dir.FullName, "a.xlsx") });

        Assert.AreEqual(3, exit);
        StringAssert.Contains(_stderr.ToString(), "監査項目一覧を読めません");
    }

    [TestMethod]
    public void TemplatesSettingsValidator_AcceptsNamesAndPatterns()
    {
        var settings = new TemplatesSettings
        {
            Auditors = [new TemplateRecipientSettings { Name = "高橋 美咲（監査人）" }],
            Vendors = [new TemplateRecipientSettings { Name = "株式会社みなと情報システム", Items = ["5-*", "6-1"] }],
        };

        Assert.AreEqual(0, TemplatesSettingsValidator.Validate(settings).Count);
    }

    /// <summary>Templates filled by openpyxl (and re-saved by LibreOffice), dropped into an inbox with the master list, then <c>run</c>.</summary>
    [TestMethod]
    [DataRow("openpyxl")]
    [DataRow("libreoffice")]
    public void FilledTemplatesDroppedIntoTheInbox_GiveTheSeedResult(string writer)
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_dir.FullName, "inbox")).FullName;
        File.Copy(_master, Path.Combine(inbox, SeedAudit.MasterFile));
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "Templates", writer), "*.xlsx").Where(f => !Path.GetFileName(f).StartsWith("blank", StringComparison.Ordinal)))
            File.Copy(f, Path.Combine(inbox, Path.GetFileName(f)));
        using var stdout = new StringWriter();

        var exit = RunCommand.Execute(new Dictionary<string, string?>
        {
            ["Paths:Inbox"] = inbox,
            ["Paths:Output"] = Path.Combine(_dir.FullName, "output"),
            ["Paths:State"] = Path.Combine(_dir.FullName, "state"),
        }, null, stdout, CancellationToken.None);

        var text = stdout.ToString();
        Assert.AreEqual(0, exit, text);
        StringAssert.Contains(text, "対象外 13  適合 24  参考意見 0  注意事項 0  不適合 0  重大な不適合 1  計 38  未判定 0  要確認 0");
        StringAssert.Contains(text, "■ 庶務事務システム 令和5年度  確定");
        Assert.AreEqual(4, text.Split('\n').Count(l => l.Contains("テンプレート TPL-", StringComparison.Ordinal)), text);
        Assert.IsTrue(File.Exists(Path.Combine(_dir.FullName, "output", "庶務事務システム_令和5年度_監査結果.xlsx")));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
