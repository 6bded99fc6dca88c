using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;

namespace Consolidator.Fixtures;

/// <summary>
/// The seed audit with the texts Japanese Excel turns into numbers or dates when a CSV is
/// double-clicked: item ids 001, 1.10, 1/2, 5-10-1 beside the seed's own 1-1 … 5-10, and bases
/// and findings such as 10%, 1,000, 12:30, (1), 令和5年10月24日, TRUE; with a formula start or two
/// for the neutralisation beside them. Its CSV export is what scripts/make-csv-import-fixtures.sh
/// reads back with LibreOffice's Japanese import.
/// </summary>
public static class CsvTraps
{
    private static readonly Dictionary<string, string> Ids = new(StringComparer.Ordinal)
    {
        ["3-1"] = "001",
        ["3-2"] = "1.10",
        ["3-3"] = "1/2",
        ["3-4"] = "5-10-1",
        ["3-5"] = "2023/10/24",
    };

    private static readonly string[] Bases = ["10%", "1,000", "12:30", "(1)", "令和5年10月24日", "TRUE", "R5.10.24", "１－１", "=1+1", "-2"];

    public static IReadOnlyList<SeedItem> Items() => SeedAudit.Items.Select((item, i) =>
    {
        var changed = item with { Id = Ids.GetValueOrDefault(item.Id, item.Id) };
        return i < Bases.Length ? changed with { Basis = Bases[i] } : changed;
    }).ToList();

    public static IReadOnlyList<SeedAnswer> Answers() => SeedAudit.Answers.Select(a => a with { Id = Ids.GetValueOrDefault(a.Id, a.Id) }).ToList();

    /// <summary>The audit's item list as the product writes it (<see cref="ItemsCsv"/>): byte-for-byte reproducible.</summary>
    public static byte[] Csv()
    {
        var modified = new DateTimeOffset(2023, 10, 24, 9, 0, 0, TimeSpan.FromHours(9));
        var files = SeedAudit.Build(Items(), Answers())
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => SourceFile.FromBytes(kv.Key, kv.Value, modified))
            .ToList();
        var result = new Consolidation(new ConsolidationOptions { MaxParallelism = 1 }).Run(files);
        using var ms = new MemoryStream();
        ItemsCsv.Write(result.Audits.Single(), ms);
        return ms.ToArray();
    }
}
