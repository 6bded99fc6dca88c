using Consolidator.Commands;
using Consolidator.Core.Reading;

namespace Consolidator.Tests.Options;

/// <summary>The read limits come from Consolidation:Limits, are checked at start, and reach the pipeline.</summary>
[TestClass]
public sealed class LimitsSettingsTests
{
    [TestMethod]
    public void Settings_BindConsolidationLimits_FromTheCommandLineAndEnvironmentForms()
    {
        var config = AppHost.Configuration(new Dictionary<string, string?>
        {
            ["Consolidation:Limits:MaxRows"] = "5000",
            ["Consolidation:Limits:MaxFileBytes"] = "1048576",
            ["Consolidation:Limits:MaxCompressionRatio"] = "500",
        }, settingsFile: null);

        var (_, consolidation, errors) = AppHost.Settings(config);
        var limits = AppHost.PipelineOptions(consolidation).Limits;

        Assert.IsEmpty(errors, string.Join("; ", errors));
        Assert.AreEqual(5000, limits.MaxRows);
        Assert.AreEqual(1_048_576, limits.MaxFileBytes);
        Assert.AreEqual(500, limits.MaxCompressionRatio);
        Assert.AreEqual(ReadLimits.Default.MaxColumns, limits.MaxColumns, "unset limits keep their defaults");
    }

    [TestMethod]
    public void Settings_WithoutLimits_GiveTheDefaults()
    {
        var (_, consolidation, errors) = AppHost.Settings(AppHost.Configuration(new Dictionary<string, string?>(), null));

        Assert.IsEmpty(errors);
        Assert.AreEqual(ReadLimits.Default, AppHost.PipelineOptions(consolidation).Limits);
    }

    [TestMethod]
    public void Settings_OutOfRange_AreEachNamedInOneMessage()
    {
        var config = AppHost.Configuration(new Dictionary<string, string?>
        {
            ["Consolidation:Limits:MaxRows"] = "0",
            ["Consolidation:Limits:MaxCellChars"] = "40000",
            ["Consolidation:Limits:MaxReadSeconds"] = "-1",
        }, settingsFile: null);

        var (_, _, errors) = AppHost.Settings(config);

        CollectionAssert.AreEquivalent(
            new[] { "Consolidation:Limits:MaxRows", "Consolidation:Limits:MaxCellChars", "Consolidation:Limits:MaxReadSeconds" },
            errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]).ToArray(),
            string.Join("; ", errors));
    }
}
