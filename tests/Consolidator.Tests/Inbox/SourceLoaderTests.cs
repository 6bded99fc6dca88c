using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Core.Reading;
using Consolidator.Fixtures;
using Consolidator.Inbox;

namespace Consolidator.Tests.Inbox;

/// <summary>The one loader that turns a path into a <see cref="SourceFile"/>: hash, size limit, one read of the handle.</summary>
[TestClass]
public sealed class SourceLoaderTests
{
    private static Consolidation Pipeline(long maxBytes) => new(new ConsolidationOptions { Limits = ReadLimits.Default with { MaxFileBytes = maxBytes } });

    [TestMethod]
    public void OverTheLimit_IsHashedNotHeld_AndRefusedWithItsSize()
    {
        var bytes = new byte[1000];
        new Random(7).NextBytes(bytes);
        var pipeline = Pipeline(999);

        var loaded = SourceLoader.Read(pipeline, new MemoryStream(bytes), bytes.Length);
        var submission = SourceLoader.Ingest(pipeline, loaded, "大きい.xlsx", DateTimeOffset.UnixEpoch, () => new MemoryStream(bytes));

        Assert.IsTrue(loaded.TooLarge);
        Assert.AreEqual(SourceFile.Hash(bytes), loaded.Sha256, "a file too large to hold is still known by its hash");
        Assert.AreEqual("too-large", submission.Rejection?.Code);
        Assert.AreEqual(1000, submission.Source.Size);
        Assert.AreEqual(loaded.Sha256, submission.Source.Sha256);
    }

    [TestMethod]
    public void AtTheLimit_IsReadOnce_AndAHandleThatGivesMore_HasGrown()
    {
        var book = Books.Xlsx(Scenarios.Master("住民記録システム", "令和5年度", [("1-1", "分類")]));
        var pipeline = Pipeline(book.Length);

        var exact = SourceLoader.Read(pipeline, new MemoryStream(book), book.Length);
        var grown = SourceLoader.Read(pipeline, new MemoryStream([.. book, 0]), book.Length);
        var submission = SourceLoader.Ingest(pipeline, exact, "監査項目一覧.xlsx", DateTimeOffset.UnixEpoch, () => new MemoryStream(book));

        Assert.IsFalse(exact.TooLarge);
        Assert.IsFalse(exact.Grew);
        Assert.IsTrue(grown.Grew, "a file written to while it was read is not taken as read");
        Assert.IsNull(submission.Rejection, submission.Rejection?.MessageEn);
        Assert.AreEqual(SubmissionRole.Master, submission.Role);
    }

    [TestMethod]
    public void Template_ReadsItsMasterListThroughTheLoader()
    {
        var dir = Directory.CreateTempSubdirectory("loader-").FullName;
        try
        {
            var path = Path.Combine(dir, "監査項目一覧.xlsx");
            File.WriteAllBytes(path, Books.Xlsx(Scenarios.Master("住民記録システム", "令和5年度", [("1-1", "分類")])));

            var tooLarge = SourceLoader.Load(Pipeline(10), path, "x/監査項目一覧.xlsx");
            var read = SourceLoader.Load(Pipeline(10_000_000), path, "x/監査項目一覧.xlsx");

            Assert.AreEqual("too-large", tooLarge.Rejection?.Code);
            Assert.IsNull(read.Rejection, read.Rejection?.MessageEn);
            Assert.AreEqual("x/監査項目一覧.xlsx", read.Source.RelativePath);
            Assert.AreEqual(SourceFile.Hash(File.ReadAllBytes(path)), read.Source.Sha256);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
