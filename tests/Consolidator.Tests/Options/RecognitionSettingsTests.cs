using Consolidator.Core.Model;
using Consolidator.Commands;
using Consolidator.Core.Recognising;
using Consolidator.Fixtures;

namespace Consolidator.Tests.Options;

/// <summary>The office profile (section Recognition) is bound from settings, checked at start, and reaches the pipeline.</summary>
[TestClass]
public sealed class RecognitionSettingsTests
{
    private static (Core.ConsolidationOptions Options, IReadOnlyList<string> Errors) Settings(Dictionary<string, string?> values)
    {
        var (_, consolidation, errors) = AppHost.Settings(AppHost.Configuration(values, settingsFile: null));
        return (AppHost.PipelineOptions(consolidation), errors);
    }

    [TestMethod]
    public void AProfileFile_ReachesThePipeline()
    {
        var file = Path.Combine(Path.GetTempPath(), $"profile-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, RecognitionFixtures.ProfileJson);
        try
        {
            var (_, consolidation, errors) = AppHost.Settings(AppHost.Configuration(new Dictionary<string, string?>(), file));
            var profile = AppHost.PipelineOptions(consolidation).Recognition.Profile;

            Assert.IsEmpty(errors, string.Join("; ", errors));
            CollectionAssert.AreEqual(new[] { "結果" }, profile.Columns[ColumnKind.Judgment].ToArray());
            CollectionAssert.AreEqual(new[] { "検証要件", "要件" }, profile.Columns[ColumnKind.ItemText].ToArray());
            CollectionAssert.AreEqual(new[] { "テスト実施者名" }, profile.Metadata["Auditor"].ToArray());
            CollectionAssert.AreEqual(new[] { "Dashboard" }, profile.CoverSheets.ToArray());
            Assert.AreEqual("△", AppHost.PipelineOptions(consolidation).Recognition.JudgingScale.Parse("Fail").Class!.Symbol);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void TheEnvironmentForm_BindsToo()
    {
        var (options, errors) = Settings(new Dictionary<string, string?>
        {
            ["Recognition:JudgmentSpellings:Pass"] = "〇",
            ["Recognition:AnswerSpellings:Compliant"] = "実施",
            ["Recognition:Columns:Judgment:0"] = "チェック",
        });

        Assert.IsEmpty(errors, string.Join("; ", errors));
        Assert.AreEqual("〇", options.Recognition.JudgingScale.Parse("pass").Class!.Symbol);
        Assert.AreEqual("実施", options.Recognition.Profile.AnswerSpellings["Compliant"]);
    }

    [TestMethod]
    // setting                                   value          the message names
    [DataRow("Recognition:Columns:Judgement:0", "結果", "Recognition:Columns:Judgement: not a column kind")]
    [DataRow("Recognition:Columns:Judgment:0", " ", "Recognition:Columns:Judgment:0: blank")]
    [DataRow("Recognition:Metadata:Tester:0", "テスト実施者名", "Recognition:Metadata:Tester: not a metadata field")]
    [DataRow("Recognition:CoverSheets:0", "", "Recognition:CoverSheets:0: blank")]
    [DataRow("Recognition:JudgmentSpellings:Pass", "合格", "Recognition:JudgmentSpellings:Pass: '合格' is not a judgment of the scale")]
    [DataRow("Recognition:AnswerSpellings:Done", "完了", "Recognition:AnswerSpellings:Done: '完了' is not an answer")]
    public void ABadProfile_IsRefusedAtStart_NamingTheSetting(string key, string value, string message)
    {
        var (_, errors) = Settings(new Dictionary<string, string?> { [key] = value });

        Assert.IsTrue(errors.Any(e => e.StartsWith(message, StringComparison.Ordinal)), string.Join("; ", errors));
    }

    [TestMethod]
    public void ANameUnderTwoKinds_IsRefused()
    {
        var (_, errors) = Settings(new Dictionary<string, string?>
        {
            ["Recognition:Columns:Judgment:0"] = "結果",
            ["Recognition:Columns:Finding:0"] = "結 果",
        });

        Assert.IsTrue(errors.Any(e => e.Contains("is also listed under", StringComparison.Ordinal)), string.Join("; ", errors));
    }

    [TestMethod]
    public void JudgmentSpellings_AreCheckedAgainstTheConfiguredScale()
    {
        var (_, errors) = Settings(new Dictionary<string, string?>
        {
            ["Consolidation:Scale:0:Symbol"] = "適合",
            ["Consolidation:Scale:0:Label"] = "適合",
            ["Consolidation:Scale:0:Severity"] = "1",
            ["Consolidation:Scale:1:Symbol"] = "不適合",
            ["Consolidation:Scale:1:Label"] = "不適合",
            ["Consolidation:Scale:1:Severity"] = "2",
            ["Consolidation:Scale:1:IsFinding"] = "true",
            ["Recognition:JudgmentSpellings:Pass"] = "適合",
            ["Recognition:JudgmentSpellings:Fail"] = "△",
        });

        CollectionAssert.AreEqual(new[] { "Recognition:JudgmentSpellings:Fail: '△' is not a judgment of the scale; give one of 適合 不適合 (or its label) / 判定の区分にない値です。" }, errors.ToArray());
    }
}
