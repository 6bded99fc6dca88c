using System.IO.Compression;
using System.Xml;

namespace Consolidator.Bench;

/// <summary>
/// The floor: the least any reader must do — open each zip, stream the shared strings and every
/// sheet with XmlReader, touch every cell's value. Nothing is interpreted or kept.
/// </summary>
internal static class Floor
{
    public static long Run(IReadOnlyList<string> files, int threads)
    {
        long cells = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, file =>
        {
            long local = 0;
            using var zip = ZipFile.OpenRead(file);
            foreach (var entry in zip.Entries)
            {
                if (!(entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) || entry.FullName == "xl/sharedStrings.xml")) continue;
                using var stream = entry.Open();
                using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
                while (xml.Read())
                {
                    if (xml.NodeType != XmlNodeType.Element) continue;
                    if (xml.LocalName is "v" or "t")
                    {
                        local += xml.ReadElementContentAsString().Length > 0 ? 1 : 0;
                    }
                }
            }
            Interlocked.Add(ref cells, local);
        });
        return cells;
    }
}
