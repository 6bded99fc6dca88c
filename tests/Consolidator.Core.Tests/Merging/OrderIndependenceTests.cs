using Consolidator.Core.Model;
using Consolidator.Core.Reading;
using Consolidator.Core.Writing;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Merging;

/// <summary>
/// The result depends on the set of inputs, not on their order or names: shuffled and renamed,
/// the same files give the same workbook cell for cell, once the names are mapped back.
/// </summary>
[TestClass]
public sealed class OrderIndependenceTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 28, 6, 0, 0, TimeSpan.FromHours(9));

    [TestMethod]
    [DataRow("conflicts")]
    [DataRow("resubmission")]
    [DataRow("shared-checklist")]
    [DataRow("multi-audit")]
    [DataRow("roster")]
    [DataRow("two-years")]
    [DataRow("two-years-from-result")]
    public void ShuffledAndRenamedInputs_GiveTheSameWorkbooks(string name)
    {
        var scenario = Scenarios.All().Single(s => s.Name == name);
        var original = Workbooks(scenario.Files);

        for (var seed = 1; seed <= 3; seed++)
        {
            var random = new Random(seed);
            var renames = scenario.Files.ToDictionary(f => f.Path, f => Rename(f.Path, random));
            var shuffled = scenario.Files.OrderBy(_ => random.Next()).Select(f => f with { Path = renames[f.Path] }).ToList();

            var again = Workbooks(shuffled);

            // Whole names first, then names without extension (a reason names another file so).
            var back = renames.Select(kv => (kv.Value, kv.Key))
                .Concat(renames.Select(kv => (Stem(kv.Value), Stem(kv.Key))))
                .Select(x => new KeyValuePair<string, string>(x.Item1, x.Item2)).ToList();
            Assert.AreEqual(original.Count, again.Count);
            foreach (var (key, cells) in original)
            {
                var mapped = again[key].Select(c => back.Aggregate(c, (text, r) => text.Replace(r.Key, r.Value, StringComparison.Ordinal))).ToList();
                CollectionAssert.AreEqual(cells, mapped, $"{name} seed {seed}: {key} differs");
            }
        }
    }

    private static string Stem(string path) => path[..^Path.GetExtension(path).Length];

    private static string Rename(string path, Random random)
    {
        var folder = Path.GetDirectoryName(path)?.Replace('\\', '/');
        var name = $"renamed_{random.Next(100000, 999999)}{Path.GetExtension(path)}";
        return string.IsNullOrEmpty(folder) ? name : folder + "/" + name;
    }

    private static Dictionary<string, List<string>> Workbooks(IEnumerable<InputFile> files)
    {
        var result = new Consolidation().Run(files.Select(f => f.ToSource()));
        return result.Audits.ToDictionary(a => a.Key.ToString(), a =>
        {
            using var ms = new MemoryStream();
            ResultWorkbook.Write(a, GeneratedAt, ms);
            return WorkbookReader.Read(new MemoryStream(ms.ToArray()), "x.xlsx").Sheets
                .SelectMany(s => s.Rows.SelectMany((r, i) => r.Select((c, j) => $"{s.Name}!{i + 1}:{j + 1}={c}")))
                .ToList();
        });
    }
}
