using System.Buffers.Binary;
using Consolidator.Core.Reading;
using Consolidator.Core.Reading.Xls;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// A compound file's structure is checked before the .xls reader walks it: a chain that loops, a
/// sector outside the file, a bogus sector size are damage, named as such, not a hang or a
/// gigabyte allocation; a cut-short .xls is damaged, not "some other Office file".
/// </summary>
[TestClass]
public sealed class CompoundFileTests
{
    private static byte[] Xls => Reads.Data("Hostile/seed-checklist.xls");

    [TestMethod]
    public void Open_ListsTheStreamsOfAnXls()
    {
        var cfb = CompoundFile.Open(Xls);

        Assert.IsTrue(cfb.Has("Workbook"));
        Assert.AreEqual(5, cfb.Entries[0].Type, "the root entry comes first");
    }

    [TestMethod]
    public void Read_RefusesAnXlsWhoseWorkbookChainLoops_AsDamaged()
    {
        var bytes = Xls;
        var workbook = CompoundFile.Open(bytes).Entries.Single(e => e.Name == "Workbook");
        var firstFatSector = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x4C));
        // The FAT entry of the stream's second sector points back at its first.
        var fat = 512 + (int)firstFatSector * 512;
        var second = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(fat + 4 * (int)workbook.Start));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(fat + 4 * (int)second), workbook.Start);

        var rejection = Reads.Rejection(bytes, "loop.xls");

        Assert.AreEqual("corrupt", rejection?.Code, rejection?.ToString());
        Assert.Contains("loops", rejection!.MessageEn);
    }

    [TestMethod]
    //       header offset  value          what it breaks
    [DataRow(0x1E,          (ushort)30,    "sector shift")]   // 1 GB sectors
    [DataRow(0x1C,          (ushort)0xFFFF, "byte order")]
    [DataRow(0x20,          (ushort)20,    "mini sector")]
    public void Read_RefusesABogusHeader_AsDamaged(int offset, ushort value, string named)
    {
        var bytes = Xls;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), value);

        var rejection = Reads.Rejection(bytes, "header.xls");

        Assert.AreEqual("corrupt", rejection?.Code, rejection?.ToString());
        Assert.Contains(named, rejection!.MessageEn);
    }

    [TestMethod]
    public void Read_RefusesAFatSectorOutsideTheFile_AndHugeSectorCounts()
    {
        var outside = Xls;
        BinaryPrimitives.WriteUInt32LittleEndian(outside.AsSpan(0x4C), 0x00FFFFFF);
        var counts = Xls;
        BinaryPrimitives.WriteUInt32LittleEndian(counts.AsSpan(0x2C), int.MaxValue);

        Assert.AreEqual("corrupt", Reads.Rejection(outside, "a.xls")?.Code);
        Assert.AreEqual("corrupt", Reads.Rejection(counts, "b.xls")?.Code);
    }

    [TestMethod]
    [DataRow(0.25)]
    [DataRow(0.5)]
    [DataRow(0.9)]
    public void Read_RefusesACutShortXls_AsDamaged_NotAsAnotherKindOfFile(double kept)
    {
        var bytes = Xls;
        var cut = bytes[..(int)(bytes.Length * kept)];

        var rejection = Reads.Rejection(cut, "cut.xls");

        Assert.AreEqual("corrupt", rejection?.Code, rejection?.ToString());
    }

    [TestMethod]
    public void HasFilePass_FindsTheEncryptionRecordAfterBof()
    {
        byte[] encrypted = [0x09, 0x08, 0x02, 0x00, 0x00, 0x06, 0x2F, 0x00, 0x02, 0x00, 0x00, 0x00];
        byte[] plain = [0x09, 0x08, 0x02, 0x00, 0x00, 0x06, 0x85, 0x00, 0x02, 0x00, 0x00, 0x00, 0x2F, 0x00, 0x00, 0x00];

        Assert.IsTrue(BiffRecords.HasFilePass(encrypted));
        Assert.IsFalse(BiffRecords.HasFilePass(plain), "a FILEPASS after BOUNDSHEET is not where encryption is declared");
    }
}
