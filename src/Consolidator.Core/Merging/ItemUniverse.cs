using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Merging;

/// <summary>
/// The items of one audit (SPEC §4): the master list's items in its order, else the union of the
/// auditors' items in natural id order. A master list's repeated ids are listed, its other rows merged.
/// </summary>
internal sealed class ItemUniverse
{
    private readonly Dictionary<string, ItemRow> _rows;

    private ItemUniverse(Dictionary<string, ItemRow> rows, List<string> order, bool fromMaster)
    {
        _rows = rows;
        Order = order;
        FromMaster = fromMaster;
    }

    /// <summary>The item ids, in the order the result shows them.</summary>
    public IReadOnlyList<string> Order { get; }

    /// <summary>True when the master list fixed the items.</summary>
    public bool FromMaster { get; }

    public bool Contains(string id) => _rows.ContainsKey(id);

    /// <summary>The row that first described the item (the master list's, else the first auditor's).</summary>
    public ItemRow Row(string id) => _rows[id];

    public static ItemUniverse Of(SubmissionPart? master, IEnumerable<SubmissionPart> auditors, RowLedger ledger)
    {
        var rows = new Dictionary<string, ItemRow>(StringComparer.Ordinal);
        var order = new List<string>();
        if (master is not null)
        {
            foreach (var row in master.Rows.Where(r => r.IsDuplicate)) ledger.Listed(row, master.Submission);
            foreach (var row in master.Rows.Where(r => !r.IsDuplicate))
            {
                rows[row.Id] = row;
                order.Add(row.Id);
                ledger.Merged(row, master.Submission);
            }
        }
        else
        {
            foreach (var row in auditors.SelectMany(a => a.Rows).Where(r => !r.IsDuplicate))
                if (rows.TryAdd(row.Id, row)) order.Add(row.Id);
            order.Sort(ItemIds.NaturalComparer);
        }
        return new ItemUniverse(rows, order, master is not null);
    }
}
