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
    [TestMethod]
    // The README's table of limits, as literals: a default changed in the code or in the README alone fails here.
    [DataRow("MaxFileBytes", 52_428_800d)]
    [DataRow("MaxPartBytes", 104_857_600d)]
    [DataRow("MaxPackageBytes", 314_572_800d)]
    [DataRow("MaxCompressionRatio", 200d)]
    [DataRow("MaxZipEntries", 10_000d)]
    [DataRow("MaxSheets", 100d)]
    [DataRow("MaxRows", 100_000d)]
    [DataRow("MaxColumns", 256d)]
    [DataRow("MaxCells", 2_000_000d)]
    [DataRow("MaxScannedCells", 100_000_000d)]
    [DataRow("MaxMergedRanges", 10_000d)]
    [DataRow("MaxCellChars", 32_767d)]
    [DataRow("MaxReadSeconds", 60d)]
    public void Defaults_AreTheReadmesNumbers(string setting, double expected)
    {
        var actual = Convert.ToDouble(typeof(ReadLimits).GetProperty(setting)!.GetValue(ReadLimits.Default), System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(expected, actual, setting);
        var readme = File.ReadAllLines(Path.Combine(Repository(), "README.md"));
        var row = readme.SingleOrDefault(l => l.StartsWith($"| `{setting}` |", StringComparison.Ordinal));
        Assert.IsNotNull(row, $"README's limits table has a row for {setting}");
        var cell = row.Split('|')[2].Trim();
        Assert.AreEqual(expected.ToString("0", System.Globalization.CultureInfo.InvariantCulture), cell.Split(' ')[0], row);
        Assert.AreEqual(13, typeof(ReadLimits).GetProperties().Count(p => p.Name.StartsWith("Max", StringComparison.Ordinal)), "every limit is in this table");
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Consolidator.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Consolidator.sln");
    }
}
