using Consolidator.Core.Model;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// Every input of the hostile catalogue (<see cref="HostileInputs"/>) ends as stated: refused with
/// its code and a bilingual reason, or read. Run through the whole pipeline (read and recognise),
/// as the worker runs each inbox file.
/// </summary>
[TestClass]
public sealed class HostileInputTests
{
    private static readonly Lazy<IReadOnlyList<HostileInput>> Inputs = new(HostileInputs.All);

    public static IEnumerable<object[]> Names => HostileInputs.All().Select(i => new object[] { i.Name });

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void Ingest_EndsAsCatalogued(string name)
    {
        var input = Inputs.Value.Single(i => i.Name == name);
        var submission = Reads.Ingest(input.Bytes, input.Name);
        if (input.Code is null)
        {
            Assert.IsNull(submission.Rejection, $"{input.What}: {submission.Rejection}");
            Assert.IsNotEmpty(submission.Rows, input.What);
            return;
        }
        Assert.IsNotNull(submission.Rejection, $"{input.What} was read");
        Assert.AreEqual(input.Code, submission.Rejection.Code, $"{input.What}: {submission.Rejection}");
        AssertBilingual(submission.Rejection);
    }

    /// <summary>Japanese first, then English; both say something, and what to do.</summary>
    internal static void AssertBilingual(Rejection r)
    {
        Assert.IsTrue(r.MessageJa.Any(IsJapanese), $"Japanese message: {r.MessageJa}");
        Assert.IsTrue(r.MessageEn.Length > 10 && r.MessageEn.Any(char.IsAsciiLetter), $"English message: {r.MessageEn}");
        Assert.IsFalse(string.IsNullOrWhiteSpace(r.FixJa), "Japanese fix");
        Assert.IsFalse(string.IsNullOrWhiteSpace(r.FixEn), "English fix");
        Assert.StartsWith(r.MessageJa, r.ToString(), "Japanese comes first");
    }

    private static bool IsJapanese(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF';
}
