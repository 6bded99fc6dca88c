using System.Diagnostics;
using System.IO.Compression;
using Consolidator.Core.Reading;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// Zip bombs and lying zips: refused from the directory, before anything inflates, in bounded
/// time and memory.
/// </summary>
[TestClass]
public sealed class ZipGuardTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>
    /// Acceptance: a 10 MB zip that inflates to several GB is refused in well under a second with
    /// bounded memory. The time bound asserted is generous (the CI machine is shared); the measured
    /// figures are written to the test output.
    /// </summary>
    [TestMethod]
    public void Read_RefusesA10MBZipThatInflatesTo10GiB_AtOnceAndInLittleMemory()
    {
        var bomb = Zips.Bomb(parts: 5, mebibytesPerPart: 2048);
        using (var zip = new ZipArchive(new MemoryStream(bomb)))
            Assert.AreEqual(10L * 1024 * 1024 * 1024, zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Sum(e => e.Length), "the bomb declares 10 GiB");
        Reads.Rejection(Zips.Bomb(parts: 1, mebibytesPerPart: 2), "warm-up.xlsx");

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var rejection = Reads.Rejection(bomb, "bomb.xlsx");
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        TestContext.WriteLine($"zip bomb: {bomb.Length / 1024.0 / 1024:0.0} MB file declaring 10 GiB refused in {watch.Elapsed.TotalMilliseconds:0.0} ms, "
            + $"{allocated / 1024.0 / 1024:0.0} MB allocated (the file itself is {bomb.Length / 1024.0 / 1024:0.0} MB), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        Assert.AreEqual("zip-bomb", rejection?.Code, rejection?.ToString());
        Assert.Contains("Consolidation:Limits:MaxCompressionRatio", rejection!.MessageEn);
        Assert.IsLessThan(5.0, watch.Elapsed.TotalSeconds, "refused at once");
        Assert.IsLessThan(64L * 1024 * 1024, allocated, "nothing inflated: allocations stay far below the 10 GiB");
    }

    [TestMethod]
    public void Bomb_IsAValidZip_WhosePartsInflateToWhatTheyDeclare()
    {
        // The fixture must be a real bomb, not junk the reader refuses for another reason.
        using var zip = new ZipArchive(new MemoryStream(Zips.Bomb(parts: 2, mebibytesPerPart: 3)));
        foreach (var entry in zip.Entries.Where(e => e.FullName.Contains("sheet", StringComparison.Ordinal)))
        {
            using var s = entry.Open();
            var buffer = new byte[81920];
            long total = 0;
            int n;
            while ((n = s.Read(buffer)) > 0)
            {
                Assert.IsTrue(buffer.AsSpan(0, n).IndexOfAnyExcept((byte)0) < 0);
                total += n;
            }
            Assert.AreEqual(3L * 1024 * 1024, total);
        }
    }

    [TestMethod]
    [DataRow(0L)]
    [DataRow(1L)]
    [DataRow(1_000_000L)]
    public void Crc32OfZeros_IsTheCrcOfThatManyZeroBytes(long count) =>
        Assert.AreEqual(Zips.Crc32(new byte[count]), Zips.Crc32OfZeros(count));

    [TestMethod]
    public void Read_RefusesAPartWhoseHeaderUnderstatesItsSize_AsDamaged_WithoutInflatingMore()
    {
        var book = HostileInputs.Checklist;
        var big = Zips.Edit(book, "xl/sharedStrings.xml", x => x.Replace("<t>No.</t>", "<t>" + new string('A', 20_000_000) + "</t>"));
        var lying = Zips.WithDeclaredSize(big, "xl/sharedStrings.xml", 1_000);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var rejection = Reads.Rejection(lying, "lying.xlsx");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.AreEqual("corrupt", rejection?.Code, rejection?.ToString());
        Assert.IsLessThan(8L * 1024 * 1024, allocated, "the 20 MB string was never inflated");
    }

    [TestMethod]
    public void Read_RefusesAZipDirectoryOfAHundredThousandEntries_FromItsEndRecord()
    {
        var zip = Zips.ManyEntries(100_000); // more than 65,535: the count is in the ZIP64 record

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var rejection = Reads.Rejection(zip, "many.xlsx");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.AreEqual("too-large", rejection?.Code, rejection?.ToString());
        Assert.Contains("Consolidation:Limits:MaxZipEntries", rejection!.MessageEn);
        Assert.Contains("100,000", rejection.MessageEn);
        Assert.IsLessThan(4L * 1024 * 1024, allocated, "no entry object was built");
    }

    [TestMethod]
    public void Read_RefusesAPartOverTheSizeLimit_AndAPackageOverTheTotal_NamingTheSettings()
    {
        var book = Zips.Edit(HostileInputs.Checklist, "xl/sharedStrings.xml", x => x.Replace("<t>No.</t>", "<t>No.</t><!--" + RandomText(300_000) + "-->"));

        var part = Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxPartBytes = 200_000 });
        var package = Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxPackageBytes = 250_000 });
        var fine = Reads.Rejection(book, "a.xlsx");

        Assert.AreEqual("too-large", part?.Code);
        Assert.Contains("xl/sharedStrings.xml", part!.MessageEn);
        Assert.Contains("Consolidation:Limits:MaxPartBytes", part.MessageJa);
        Assert.AreEqual("too-large", package?.Code);
        Assert.Contains("Consolidation:Limits:MaxPackageBytes", package!.MessageJa);
        Assert.IsNull(fine, fine?.ToString());
    }

    [TestMethod]
    public void Read_HoldsOnlyPartsOverAMegabyteToTheRatio()
    {
        // Small XML compresses far better than 200:1 and is harmless; a large part is not.
        var small = Zips.Edit(HostileInputs.Checklist, "xl/sharedStrings.xml", x => x.Replace("<t>No.</t>", "<t>No.</t><!--" + new string(' ', 500_000) + "-->"));
        var large = Zips.Edit(HostileInputs.Checklist, "xl/sharedStrings.xml", x => x.Replace("<t>No.</t>", "<t>No.</t><!--" + new string(' ', 3_000_000) + "-->"));

        Assert.IsNull(Reads.Rejection(small, "small.xlsx"));
        Assert.AreEqual("zip-bomb", Reads.Rejection(large, "large.xlsx")?.Code);
        Assert.IsNull(Reads.Rejection(large, "large.xlsx", new ReadLimits { MaxCompressionRatio = 10_000 }));
    }

    private static string RandomText(int length)
    {
        var random = new Random(7);
        return new string(Enumerable.Range(0, length).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());
    }
}
