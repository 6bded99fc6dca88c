using Consolidator.Fixtures;

// Regenerates the seed audit in input-samples/ (or the folder given):
//   dotnet run --project tools/Consolidator.Samples -- input-samples
// With --reader-fixtures DIR it writes the .xlsx sources of the reading scenarios, which
// scripts/make-reader-fixtures.sh converts with LibreOffice. With --recognition-fixtures DIR it
// writes the recognition cases as .xlsx and as JSON, which scripts/make-recognition-fixtures.sh
// writes again with openpyxl and converts with LibreOffice. Output is byte-for-byte reproducible.
if (args.Length == 2 && args[0] == "--reader-fixtures")
{
    Directory.CreateDirectory(args[1]);
    File.WriteAllBytes(Path.Combine(args[1], "title-rows.xlsx"), Books.Xlsx(ReaderFixtures.TitleRows()));
    File.WriteAllBytes(Path.Combine(args[1], "hidden-sheet.xlsx"), Books.Xlsx(ReaderFixtures.HiddenSheet()));
    return 0;
}
if (args.Length == 2 && args[0] == "--recognition-fixtures")
{
    Directory.CreateDirectory(args[1]);
    foreach (var book in RecognitionFixtures.All())
        File.WriteAllBytes(Path.Combine(args[1], book.Name + ".xlsx"), book.Xlsx());
    File.WriteAllText(Path.Combine(args[1], "cases.json"), RecognitionFixtures.Json());
    return 0;
}
// With --csv-fixture FILE it writes the CSV export of the audit whose ids and texts Japanese Excel
// would turn into numbers or dates, which scripts/make-csv-import-fixtures.sh reads back with LibreOffice.
if (args.Length == 2 && args[0] == "--csv-fixture")
{
    File.WriteAllBytes(args[1], CsvTraps.Csv());
    return 0;
}
// With --scenario NAME DIR it writes one of the test scenarios (seed, conflicts, …) as an inbox.
if (args.Length == 3 && args[0] == "--scenario")
{
    Scenarios.All().Single(s => s.Name == args[1]).WriteTo(args[2]);
    return 0;
}
var folder = args.Length > 0 ? args[0] : "input-samples";
SeedAudit.WriteTo(folder);
foreach (var f in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
    Console.WriteLine($"{new FileInfo(f).Length,8:N0}  {f}");
return 0;
