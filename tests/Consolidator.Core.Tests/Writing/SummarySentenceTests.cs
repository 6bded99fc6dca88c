using Consolidator.Core.Normalising;
using Consolidator.Core.Writing;

namespace Consolidator.Core.Tests.Writing;

[TestClass]
public sealed class SummarySentenceTests
{
    private static string Sentence(int note, int nonconformity, int major, int advisory = 0)
    {
        var scale = JudgmentScale.Default;
        var counts = new Dictionary<JudgmentClass, int>
        {
            [scale.BySymbol("□")!] = note,
            [scale.BySymbol("△")!] = nonconformity,
            [scale.BySymbol("×")!] = major,
            [scale.BySymbol("⦿")!] = advisory,
            [scale.BySymbol("〇")!] = 10,
        };
        return SummarySentence.For(scale, counts);
    }

    [TestMethod]
    // no 指摘 at all (参考意見 is not part of the sentence)
    [DataRow(0, 0, 0, 0, "指摘事項はなかった。")]
    [DataRow(0, 0, 0, 3, "指摘事項はなかった。")]
    // one class
    [DataRow(0, 0, 1, 0, "「重大な不適合」1件を検出した。「不適合」「注意事項」はなかった。")]
    [DataRow(0, 2, 0, 0, "「不適合」2件を検出した。「重大な不適合」「注意事項」はなかった。")]
    [DataRow(1, 0, 0, 0, "「注意事項」1件を検出した。「重大な不適合」「不適合」はなかった。")]
    // several classes, most severe first, joined with 、
    [DataRow(1, 2, 0, 0, "「不適合」2件、「注意事項」1件を検出した。「重大な不適合」はなかった。")]
    [DataRow(0, 2, 1, 0, "「重大な不適合」1件、「不適合」2件を検出した。「注意事項」はなかった。")]
    [DataRow(2, 2, 3, 2, "「重大な不適合」3件、「不適合」2件、「注意事項」2件を検出した。")]
    public void For_CountsOnly_MostSevereFirst(int note, int nonconformity, int major, int advisory, string expected) =>
        Assert.AreEqual(expected, Sentence(note, nonconformity, major, advisory));

    [TestMethod]
    public void For_FollowsAnOfficesOwnScale()
    {
        var isms = new JudgmentScale(
        [
            new JudgmentClass { Symbol = "適合", Label = "適合", Severity = 1 },
            new JudgmentClass { Symbol = "観察事項", Label = "観察事項", Severity = 2, IsFinding = true },
            new JudgmentClass { Symbol = "不適合", Label = "不適合", Severity = 3, IsFinding = true },
        ]);
        var counts = isms.Classes.ToDictionary(c => c, c => c.Label == "観察事項" ? 2 : 0);

        Assert.AreEqual("「観察事項」2件を検出した。「不適合」はなかった。", SummarySentence.For(isms, counts));
    }
}
