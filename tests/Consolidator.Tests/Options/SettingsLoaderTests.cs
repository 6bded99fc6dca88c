using Consolidator.Commands;
using Consolidator.Options;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Options;

/// <summary>
/// One loader for every section: a missing or malformed settings file is named with its line and
/// column, every bad value of every section is named together in one message, every unknown key
/// is named, all before anything is read (exit code 2); a crash is logged as Fatal to the log file.
/// </summary>
[TestClass]
public sealed class SettingsLoaderTests
{
    private static (int Exit, string Output) Consolidator(string cwd, params string[] args)
    {
        using var p = WorkerProcess.Start(cwd, args);
        var exit = p.WaitForExit();
        return (exit, p.Output);
    }

    [TestMethod]
    public void AMissingSettingsFile_ExitsTwo_NamingIt()
    {
        using var dir = new TempDir();

        var (exit, output) = Consolidator(dir.Path, "run", "--settings", "missing.json", "--inbox", dir.Path);

        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, $"設定ファイルがありません: {dir["missing.json"]} / The settings file does not exist: {dir["missing.json"]}");
        Assert.DoesNotContain("予期しないエラー", output);
    }

    [TestMethod]
    public void AMalformedSettingsFile_ExitsTwo_WithTheLineAndColumn()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["bad.json"], "{\n  \"Paths\": {\n    \"Inbox\" \"x\"\n  }\n}\n");

        var (exit, output) = Consolidator(dir.Path, "watch", "--settings", "bad.json", "--root", dir["root"]);

        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, $"設定ファイルを読めません（JSON の誤り）: {dir["bad.json"]}（3 行 13 列） / The settings file cannot be read (not valid JSON): {dir["bad.json"]} (line 3, column 13)");
        Assert.IsFalse(Directory.Exists(dir["root"]), "nothing was created or read");
    }

    [TestMethod]
    [DataRow("run")]
    [DataRow("watch")]
    public void FiveBadValuesInThreeSections_AreNamedTogether_BeforeAnythingIsRead(string command)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["five.json"], """
            {
              "Consolidation": { "MaxHeaderRow": "abc", "TimeZone": "Mars/Olympus", "Limits": { "MaxRows": 0 } },
              "Worker": { "StableFor": "soon" },
              "Schedule": { "Cron": "every night" }
            }
            """);
        Directory.CreateDirectory(dir["root/inbox"]);
        File.WriteAllText(dir["root/inbox/a.xlsx"], "not read");

        var (exit, output) = Consolidator(dir.Path, command, "--settings", "five.json", "--root", dir["root"]);

        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, "設定に誤りがあります / Invalid settings:");
        StringAssert.Contains(output, "Consolidation:MaxHeaderRow: 'abc' を 整数 として読めません / 'abc' cannot be read as a whole number.");
        StringAssert.Contains(output, "Consolidation:TimeZone: 'Mars/Olympus' is not a known time zone");
        StringAssert.Contains(output, "Consolidation:Limits:MaxRows: ");
        StringAssert.Contains(output, "Worker:StableFor: 'soon' を 時間（例: 00:00:30） として読めません / 'soon' cannot be read as a time span (e.g. 00:00:30).");
        StringAssert.Contains(output, "Schedule:Cron: 'every night' is not a cron expression");
        Assert.AreEqual(5, output.Split('\n').Count(l => l.StartsWith("  - ", StringComparison.Ordinal)), output);
        Assert.IsTrue(File.Exists(dir["root/inbox/a.xlsx"]), "the inbox is untouched");
        Assert.IsFalse(Directory.Exists(dir["root/archive"]));
    }

    [TestMethod]
    [DataRow("Paths:Inbx")]
    [DataRow("Consolidation:MaxHeaderRw")]
    [DataRow("Consolidation:Limits:MaxRowz")]
    [DataRow("Recognition:Columnz")]
    [DataRow("Templates:Auditorz")]
    [DataRow("Report:Purpse")]
    [DataRow("Worker:StableFr")]
    [DataRow("Schedule:Crn")]
    public void AnUnknownKey_InEachSection_IsNamed(string key)
    {
        var config = AppHost.Configuration(new Dictionary<string, string?> { [key] = "1" }, settingsFile: null);

        var (_, _, errors) = AppHost.Settings(config);

        var error = errors.Single(e => e.StartsWith(key + ": ", StringComparison.Ordinal));
        StringAssert.Contains(error, "不明な設定です（");
        StringAssert.Contains(error, "unknown setting (known: ");
    }

    [TestMethod]
    [DataRow("0", true)]
    [DataRow("1001", true)]
    [DataRow("-5", true)]
    [DataRow("1", false)]
    [DataRow("1000", false)]
    public void WorkerBatchSize_OutsideOneToAThousand_IsNamed(string value, bool refused)
    {
        var config = AppHost.Configuration(new Dictionary<string, string?> { ["Worker:BatchSize"] = value }, settingsFile: null);

        var (_, _, errors) = AppHost.Settings(config);

        Assert.AreEqual(refused, errors.Any(e => e.StartsWith("Worker:BatchSize: ", StringComparison.Ordinal)), string.Join("\n", errors));
    }

    [TestMethod]
    public void AnUnknownMailKey_IsNamed()
    {
        var config = AppHost.Configuration(new Dictionary<string, string?> { ["Mail:Hots"] = "smtp.example.lg.jp" }, settingsFile: null);

        var (_, errors) = MailSettingsValidator.Read(config, required: false, password: null);

        StringAssert.StartsWith(errors.Single(e => e.StartsWith("Mail:Hots", StringComparison.Ordinal)), "Mail:Hots: 不明な設定です");
    }

    [TestMethod]
    public void ABadValue_HidesNoOtherOfItsSection()
    {
        var config = AppHost.Configuration(new Dictionary<string, string?>
        {
            ["Consolidation:MaxHeaderRow"] = "abc",
            ["Consolidation:MaxParallelism"] = "many",
            ["Consolidation:DefaultFiscalYear"] = "2024",
        }, settingsFile: null);

        var (_, consolidation, errors) = AppHost.Settings(config);

        CollectionAssert.AreEquivalent(new[] { "Consolidation:MaxHeaderRow", "Consolidation:MaxParallelism" },
            errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]).ToArray(), string.Join("\n", errors));
        Assert.AreEqual(2024, consolidation.DefaultFiscalYear, "the good value beside them is bound");
    }

    [TestMethod]
    public void ACrash_IsLoggedAsFatal_ToTheLogFile()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["root/inbox"]);
        // A log level Serilog does not know stops the program where it builds its logger: an unexpected error.
        File.WriteAllText(dir["crash.json"], """{ "Serilog": { "MinimumLevel": { "Default": "Loud" } } }""");

        var (exit, output) = Consolidator(dir.Path, "run", "--settings", "crash.json", "--root", dir["root"]);

        Assert.AreEqual(70, exit, output);
        StringAssert.Contains(output, "予期しないエラーで終了しました / Stopped by an unexpected error: InvalidOperationException");
        var log = string.Join("\n", Directory.GetFiles(dir["root/state/logs"]).Select(File.ReadAllText));
        StringAssert.Contains(log, "[FTL]");
        StringAssert.Contains(log, "Stopped by an unexpected error: InvalidOperationException");
    }
}
