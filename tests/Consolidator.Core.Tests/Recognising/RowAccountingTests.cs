using Consolidator.Core.Tests.Support;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// Every non-empty row of a table is exactly one of: an item, a section heading, a note, part of a
/// legend, a header row, or listed in 要確認 with the reason — per file, as each writer saved it.
/// </summary>
[TestClass]
public sealed class RowAccountingTests
{
    public static IEnumerable<object[]> Cases()
    {
        // book                items headings notes legend headers listed
        (string, int, int, int, int, int, int)[] cases =
        [
            ("headings",           7,   7,      1,    6,     0,      0),
            ("categories",         6,   1,      0,    0,     0,      0),
            ("id-by-content",     10,   0,      0,    0,     0,      0),
            ("rows-without-id",    4,   0,      0,    0,     0,      4),
            ("parallel-sheets",   13,   0,      0,    0,     0,      0),
            ("legend-letters",     5,   0,      0,    6,     0,      0),
            ("legend-redefines",   3,   0,      0,    3,     0,      0),
            ("legend-beside",      4,   0,      0,    0,     0,      0),
            ("second-header",      5,   1,      0,    0,     2,      0),
            ("masvs-like",        10,   6,      0,   10,     0,      0),
        ];
        foreach (var (book, items, headings, notes, legend, headers, listed) in cases)
            foreach (var writer in RecognitionData.Writers)
                yield return [book, writer, items, headings, notes, legend, headers, listed];
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EveryRow_IsExactlyOneKind_RowsReadEqualTheSumOfTheKinds(string book, string writer, int items, int headings, int notes, int legend, int headers, int listed) =>
        RecognitionData.AssertAccounted(book, writer, RecognitionData.Read(book, writer), items, headings, notes, legend, headers, listed);

    [TestMethod]
    public void TheHistory_CountsEveryKind_AndReadIsMergedPlusListedPlusTheOtherKinds()
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var result = new Consolidation(RecognitionData.Options()).Run([RecognitionData.File("rows-without-id", writer), RecognitionData.File("headings", writer)]);
            foreach (var f in result.Files)
            {
                var s = new Consolidation(RecognitionData.Options()).Ingest(f.Source);
                Assert.AreEqual(s.Counts!.Read, f.RowsRead, f.Source.Name);
                Assert.AreEqual(f.RowsRead, f.RowsMerged + f.RowsListed + s.Counts.Other, $"{f.Source.Name} ({writer})");
                if (s.Counts.Other > 0) StringAssert.Contains(f.ReasonJa, s.Counts.DescribeJa());
            }
        }
    }
}
