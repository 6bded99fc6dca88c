using Consolidator.Core.Reading.Xlsx;

namespace Consolidator.Bench;

/// <summary>
/// The reader differential over a folder: every .xlsx/.xlsm/.xltx/.xltm under it read by the
/// product's reader and by ExcelDataReader (<see cref="ReaderDifferential"/>), the summary
/// printed, every difference written to the details file (one line each: kind, file and sheet,
/// cell and both texts).
/// </summary>
internal static class Differential
{
    private static readonly string[] Extensions = [".xlsx", ".xlsm", ".xltx", ".xltm"];

    public static int Run(string folder, string? details)
    {
        var diff = new ReaderDifferential();
        var skipped = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!Extensions.Contains(Path.GetExtension(path).ToLowerInvariant())) continue;
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length > Consolidator.Core.Reading.ReadLimits.Default.MaxFileBytes || !diff.Compare(bytes, Path.GetRelativePath(folder, path))) skipped++;
        }
        Console.Write(diff.Summary());
        Console.WriteLine($"skipped (not an .xlsx package by its bytes, or over the size limit): {skipped}");
        if (details is not null) File.WriteAllLines(details, diff.Details);
        else foreach (var line in diff.Details) Console.WriteLine(line);
        return 0;
    }
}
