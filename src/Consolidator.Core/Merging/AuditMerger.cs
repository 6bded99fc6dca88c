using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Merging;

/// <summary>
/// Merges one audit's adopted submissions item by item (SPEC §4), one concern after another: the
/// universe (<see cref="ItemUniverse"/>), the auditors' judgments (<see cref="JudgmentMerge"/>),
/// the vendors' answers and their cross-checks (<see cref="AnswerMerge"/>, <see cref="CrossChecks"/>),
/// then 要確認 in item order. Every row ends merged or listed in 要確認 (<see cref="RowLedger"/>).
/// </summary>
internal sealed class AuditMerger
{
    private readonly JudgmentScale _scale;
    private readonly JudgmentScale _readWith;
    private readonly Func<string, string> _fileOrder;

    /// <param name="scale">The audit's scale (its master list's 判定基準, else the configured one).</param>
    /// <param name="readWith">The scale the files were read with; rows are judged again when the audit's differs.</param>
    /// <param name="fileOrder">A key that orders files by content, not name (their hash), so renaming changes nothing.</param>
    public AuditMerger(JudgmentScale scale, JudgmentScale readWith, Func<string, string> fileOrder)
    {
        _scale = scale;
        _readWith = readWith;
        _fileOrder = fileOrder;
    }

    /// <summary>Merges the parts that count; <paramref name="selectionNotes"/> are entries found while choosing them (同名の提出者).</summary>
    public AuditResult Merge(AuditKey key, IReadOnlyList<SubmissionPart> parts, RowLedger ledger, IEnumerable<ReviewNote>? selectionNotes = null)
    {
        // Problems of the files themselves (rows without id, repeated ids), once per workbook.
        var notes = parts.Select(p => p.Submission).Distinct().SelectMany(s => s.Notes).ToList();
        notes.AddRange(selectionNotes ?? []);
        var master = parts.FirstOrDefault(p => p.Role == SubmissionRole.Master);
        var auditors = parts.Where(p => p.Role == SubmissionRole.Auditor).OrderBy(p => p.Display, StringComparer.Ordinal).ToList();
        var vendors = parts.Where(p => p.Role == SubmissionRole.Vendor).OrderBy(p => p.Display, StringComparer.Ordinal).ToList();

        var universe = ItemUniverse.Of(master, auditors, ledger);
        var judged = new JudgmentMerge(_scale, _readWith).Merge(universe, auditors, ledger, notes);
        var (items, answers) = AnswerMerge.Merge(_scale, judged, vendors, universe.FromMaster, ledger, notes);

        return new AuditResult
        {
            Key = key,
            Scale = _scale,
            UniverseFromMaster = universe.FromMaster,
            AuditDates = AuditDates(auditors),
            AuditorChecklists = auditors.Select(a => a.Submission).Distinct().Count(),
            Auditors = auditors.Select(a => a.Display).Where(d => d.Length > 0).Distinct().ToList(),
            Vendors = vendors.Select(v => v.Display).Distinct().ToList(),
            Items = items,
            Answers = answers,
            Notes = Order(notes, universe.Order, _fileOrder),
        };
    }

    /// <summary>実施日: the auditors' dates read as dates, in order, then those written in a way not read as one.</summary>
    private static List<string> AuditDates(List<SubmissionPart> auditors) =>
        auditors.Select(a => a.Submission.AuditDate).OfType<DateOnly>().Distinct().Order().Select(JapaneseDates.DateLabel)
            .Concat(auditors.Where(a => a.Submission.AuditDate is null && a.Submission.Metadata.AuditDate is { IsEmpty: false })
                .Select(a => a.Submission.Metadata.AuditDate!.Text))
            .Distinct().ToList();

    /// <summary>要確認 in item order (the universe's), then by kind and cell; notes without an item last.</summary>
    private static List<ReviewNote> Order(List<ReviewNote> notes, IReadOnlyList<string> order, Func<string, string> fileOrder)
    {
        var position = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        return notes
            .Distinct()
            .OrderBy(n => n.ItemId is not null && position.TryGetValue(n.ItemId, out var p) ? p : int.MaxValue)
            .ThenBy(n => n.ItemId ?? "", ItemIds.NaturalComparer)
            .ThenBy(n => n.Kind)
            .ThenBy(n => n.Cells.Count > 0 ? fileOrder(n.Cells[0].File) : "", StringComparer.Ordinal)
            .ThenBy(n => n.Cells.Count > 0 ? n.Cells[0].Sheet : "", StringComparer.Ordinal)
            .ThenBy(n => n.Cells.Count > 0 ? n.Cells[0].Row : 0)
            .ThenBy(n => n.Cells.Count > 0 ? n.Cells[0].Column : 0)
            .ToList();
    }
}
