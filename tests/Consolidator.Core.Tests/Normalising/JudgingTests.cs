using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Tests.Normalising;

/// <summary>Judging an item beside the scale: what the cell reads as, and what is wrong with it.</summary>
[TestClass]
public sealed class JudgingTests
{
    private static readonly CellRef Judgment = new("チェックリスト.xlsx", "チェックリスト", 8, 5);
    private static readonly CellRef Finding = new("チェックリスト.xlsx", "チェックリスト", 8, 6);

    [TestMethod]
    // judgment, finding, state, label, review kinds
    [DataRow("〇", "", "Valid", "適合", "")]
    [DataRow("○", "", "Valid", "適合", "")]
    [DataRow("△", "ログを確認していない。", "Valid", "不適合", "")]
    [DataRow("△", "", "Valid", "不適合", "MissingFinding")]
    [DataRow("×", "", "Valid", "重大な不適合", "MissingFinding")]
    [DataRow("□", "", "Valid", "注意事項", "")]
    [DataRow("要検討", "", "Invalid", "", "InvalidJudgment")]
    [DataRow("〇 不適合", "", "Contradictory", "", "ContradictoryJudgment")]
    [DataRow("", "", "Empty", "", "")]
    public void Judge_ReadsTheCellOnTheScale_AndNamesWhatIsWrong(string text, string finding, string state, string label, string kinds)
    {
        var (parsed, notes) = Judging.Judge(JudgmentScale.Default, "5-1", new Field(text, Judgment), new Field(finding, Finding));

        Assert.AreEqual(state, parsed.State.ToString());
        Assert.AreEqual(label, parsed.Class?.Label ?? "");
        Assert.AreEqual(kinds, string.Join(",", notes.Select(n => n.Kind)));
        Assert.IsTrue(notes.All(n => n.Cells.Contains(Judgment)), "each note names the judgment's cell");
    }

    [TestMethod]
    public void Judge_WithoutAJudgmentCell_IsNothing()
    {
        var (parsed, notes) = Judging.Judge(JudgmentScale.Default, "5-1", null, null);

        Assert.AreEqual(JudgmentState.Empty, parsed.State);
        Assert.AreEqual(0, notes.Count);
    }
}
