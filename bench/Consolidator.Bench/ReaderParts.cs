using System.Diagnostics;
using System.IO.Compression;
using System.Xml;
using Consolidator.Core.Reading;
using Consolidator.Core.Reading.Xlsx;

namespace Consolidator.Bench;

/// <summary>
/// The product's .xlsx reader taken apart, one thread: the time of each of its steps summed over
/// every file (the zip opened and checked, the package's parts found, the other parts guarded,
/// styles, shared strings, the sheets' single pass), printed to standard error.
/// </summary>
internal static class ReaderParts
{
    public static void Run(IReadOnlyList<string> files)
    {
        var steps = new double[7];
        string[] names = ["zip + limits", "package parts", "guard of other parts", "styles", "shared strings", "sheets (one pass)", "floor, same files"];
        var sw = new Stopwatch();
        void Step(int i, Action a) { sw.Restart(); a(); steps[i] += sw.Elapsed.TotalSeconds; }
        foreach (var file in files)
        {
            var budget = new ReadBudget(ReadLimits.Default);
            using var stream = new MemoryStream(File.ReadAllBytes(file), writable: false);
            ZipArchive zip = null!;
            WorkbookPackage package = null!;
            Step(0, () => { zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true); ZipGuard.CheckEntries(zip, budget.Limits); });
            Step(1, () => package = WorkbookPackage.Find(zip)!);
            var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (_, _, part) in package.Listed) if (part is not null) own.Add(part);
            own.Add(package.SharedStrings!);
            own.Add(package.Styles!);
            Step(2, () => XlsxPartGuard.Check(zip, budget, own));
            var table = new NameTable();
            var xml = new XlsxNames(table);
            var settings = XlsxPartGuard.Settings.Clone();
            settings.NameTable = table;
            settings.IgnoreWhitespace = false;
            XlsxStyles styles = null!;
            string[] strings = null!;
            Step(3, () => styles = XlsxStyles.Read(package.Entry(package.Styles!)!, settings, xml, budget));
            Step(4, () => strings = XlsxSharedStrings.Read(package.Entry(package.SharedStrings!)!, settings, xml, false, budget));
            Step(5, () =>
            {
                var cut = new CutCells(budget.Limits.MaxCellChars);
                foreach (var (name, _, part) in package.Listed)
                {
                    var collector = new SheetCollector(budget, cut, name ?? "");
                    var merges = new XlsxSheetPass(package.Entry(part!)!, settings, xml, styles, strings, false, budget, collector).Run();
                    collector.Finish(false, merges);
                }
            });
            zip.Dispose();
            Step(6, () => Floor.Run([file], 1));
        }
        for (var i = 0; i < steps.Length; i++) Console.Error.WriteLine($"{names[i],-22} {steps[i],6:0.00} s");
    }
}
