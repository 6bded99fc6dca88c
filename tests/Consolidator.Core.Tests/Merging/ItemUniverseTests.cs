using Consolidator.Core.Merging;
using Consolidator.Core.Model;
using static Consolidator.Core.Tests.Merging.MergeParts;

namespace Consolidator.Core.Tests.Merging;

[TestClass]
public sealed class ItemUniverseTests
{
    [TestMethod]
    public void MasterList_FixesTheItemsInItsOrder_AndListsItsRepeatedIds()
    {
        var master = Part(SubmissionRole.Master, "m.xlsx", "",
            Row("m.xlsx", 2, "2-1"), Row("m.xlsx", 3, "1-10"), Row("m.xlsx", 4, "1-2"), Row("m.xlsx", 5, "1-2", duplicate: true));
        var auditor = Part(SubmissionRole.Auditor, "a.xlsx", "高橋", Row("a.xlsx", 2, "9-9", "〇"));
        var ledger = new RowLedger();

        var universe = ItemUniverse.Of(master, [auditor], ledger);

        Assert.IsTrue(universe.FromMaster);
        CollectionAssert.AreEqual(new[] { "2-1", "1-10", "1-2" }, universe.Order.ToArray());
        Assert.IsFalse(universe.Contains("9-9"), "an auditor's item outside the master list is not an item of the audit");
        Assert.AreEqual(3, ledger.MergedCount("m.xlsx"));
        Assert.AreEqual(1, ledger.ListedCount("m.xlsx"));
        Assert.AreEqual(4, universe.Row("1-2").Row, "the first row of a repeated id describes the item");
    }

    [TestMethod]
    public void WithoutMaster_TheAuditorsItems_AreTheirUnionInNaturalOrder()
    {
        var a = Part(SubmissionRole.Auditor, "a.xlsx", "高橋", Row("a.xlsx", 2, "1-10", "〇"), Row("a.xlsx", 3, "1-2", "〇"));
        var b = Part(SubmissionRole.Auditor, "b.xlsx", "鈴木", Row("b.xlsx", 2, "1-2", "△"), Row("b.xlsx", 3, "1-9", "〇"),
            Row("b.xlsx", 4, "3-1", "〇", duplicate: true));
        var ledger = new RowLedger();

        var universe = ItemUniverse.Of(null, [a, b], ledger);

        Assert.IsFalse(universe.FromMaster);
        CollectionAssert.AreEqual(new[] { "1-2", "1-9", "1-10" }, universe.Order.ToArray(), "natural order, and a repeated id alone adds no item");
        Assert.AreEqual("a.xlsx", universe.Row("1-2").RawId.Cell.File, "the first auditor's row describes a shared item");
        Assert.AreEqual(0, ledger.MergedCount("a.xlsx"), "without a master list the universe merges no row itself");
    }
}
