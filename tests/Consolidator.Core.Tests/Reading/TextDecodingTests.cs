using System.Text;
using Consolidator.Core.Reading;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

[TestClass]
public sealed class TextDecodingTests
{
    static TextDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [TestMethod]
    public void Detect_KnowsAUtf8Bom_AndSkipsIt()
    {
        var (encoding, bom, name) = TextDecoding.Detect(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'N', (byte)'o' });

        Assert.IsNotNull(encoding);
        Assert.AreEqual(3, bom);
        Assert.AreEqual("UTF-8 (BOM)", name);
    }

    [TestMethod]
    public void Read_CsvWithBom_HasNoBomInItsFirstCell()
    {
        var book = Reads.Book(SeedAudit.MemberChecklistCsv(new UTF8Encoding(true)), "a.csv");

        Assert.StartsWith("令和5年度", book.Sheets[0][1, 1]);
        Assert.AreEqual("csv UTF-8 (BOM)", book.Format);
    }

    [TestMethod]
    public void Read_CsvInShiftJis_IsDecoded()
    {
        var book = Reads.Book(SeedAudit.MemberChecklistCsv(Encoding.GetEncoding(932)), "a.csv");

        Assert.AreEqual("csv Shift_JIS (CP932)", book.Format);
        Assert.AreEqual("判定", book.Sheets[0][7, 5]);
    }

    [TestMethod]
    public void Read_CsvWithoutBom_InNoKnownEncoding_IsRefusedSayingSo()
    {
        // UTF-8 text with a Shift_JIS lead byte and an invalid byte in the middle: neither decodes.
        var bytes = Encoding.UTF8.GetBytes("No.,監査項目\r\n1,テキスト").Concat(new byte[] { 0x81, 0x20, 0xC0, 0xAF }).Concat(Encoding.UTF8.GetBytes("続き\r\n2,二行目\r\n")).ToArray();

        var rejection = Reads.Rejection(bytes, "a.csv");

        Assert.AreEqual("not-a-workbook", rejection?.Code);
        Assert.Contains("Shift_JIS", rejection!.MessageEn);
    }
}
