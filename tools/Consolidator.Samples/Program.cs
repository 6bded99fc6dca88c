using Consolidator.Fixtures;

// Regenerates the seed audit in input-samples/ (or the folder given):
//   dotnet run --project tools/Consolidator.Samples -- input-samples
// The files are byte-for-byte reproducible; commit them after a change to the builders.
var folder = args.Length > 0 ? args[0] : "input-samples";
SeedAudit.WriteTo(folder);
foreach (var f in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
    Console.WriteLine($"{new FileInfo(f).Length,8:N0}  {f}");
return 0;
