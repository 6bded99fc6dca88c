using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Merging;

/// <summary>
/// Vendors' answers attached to the merged items (SPEC §4): every answer is kept (事前回答), those of
/// known items attach to their item once per vendor and are cross-checked (<see cref="CrossChecks"/>);
/// an answer to an id not in the audit, or repeated, is listed.
/// </summary>
internal static class AnswerMerge
{
    /// <summary>The items with their answers, and every answer in 事前回答's order; entries are added to <paramref name="notes"/>.</summary>
    public static (List<ResultItem> Items, List<VendorAnswerRecord> Answers) Merge(JudgmentScale scale, List<ResultItem> items,
        IReadOnlyList<SubmissionPart> vendors, bool fromMaster, RowLedger ledger, List<ReviewNote> notes)
    {
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var checks = new CrossChecks(scale);
        var answers = new List<VendorAnswerRecord>();
        var answersByItem = new Dictionary<string, Dictionary<string, VendorAnswerRecord>>(StringComparer.Ordinal);
        foreach (var part in vendors)
        {
            var vendor = part.Display;
            foreach (var row in part.Rows.Where(r => r.IsDuplicate)) ledger.Listed(row, part.Submission);
            foreach (var row in part.Rows.Where(r => !r.IsDuplicate))
            {
                var known = byId.TryGetValue(row.Id, out var item);
                var record = new VendorAnswerRecord
                {
                    Vendor = vendor,
                    Person = part.Party.Person,
                    ItemId = row.Id,
                    RawId = row.RawId,
                    ItemText = item?.Text ?? row.ItemText?.Text,
                    Answer = row.ParsedAnswer,
                    AnswerCell = row.Answer,
                    Detail = row.AnswerDetail?.Text,
                    Evidence = row.Evidence?.Text,
                    Remarks = row.Remarks?.Text,
                    Known = known,
                };
                answers.Add(record);
                if (!known)
                {
                    ledger.Listed(row, part.Submission);
                    notes.Add(Notes.UnknownItemId(row.Id, row.RawId.Cell, row.RawId.Text, fromMaster));
                    continue;
                }
                ledger.Merged(row, part.Submission);
                if (!answersByItem.TryGetValue(row.Id, out var perVendor)) answersByItem[row.Id] = perVendor = new(StringComparer.Ordinal);
                perVendor.TryAdd(vendor, record);
                notes.AddRange(row.VendorNotes);
                if (checks.Check(row, item!, vendor) is { } note) notes.Add(note);
            }
        }
        var withAnswers = items.Select(i => answersByItem.TryGetValue(i.Id, out var a) ? i with { Answers = a } : i).ToList();
        var ordered = answers.OrderBy(a => a.Vendor, StringComparer.Ordinal).ThenBy(a => a.ItemId, ItemIds.NaturalComparer).ThenBy(a => a.RawId.Cell.Row).ToList();
        return (withAnswers, ordered);
    }
}

/// <summary>
/// A vendor's answer against the auditors' merged judgment (SPEC §4): 未回答; 未実施 where the item
/// was judged conforming (the scale's least severe class that is neither a finding nor 対象外);
/// 該当なし where the item was judged and not 対象外.
/// </summary>
internal sealed class CrossChecks
{
    private readonly JudgmentClass? _conforming;

    public CrossChecks(JudgmentScale scale) =>
        _conforming = scale.Classes.Where(c => !c.IsOutOfScope && !c.IsFinding).MinBy(c => c.Severity);

    /// <summary>The 要確認 entry the answer in <paramref name="row"/> calls for against <paramref name="item"/>, if any.</summary>
    public ReviewNote? Check(ItemRow row, ResultItem item, string vendor)
    {
        var answerCell = row.Answer?.Cell ?? row.RawId.Cell;
        var judgmentCells = item.Judgments.Where(j => j.Judgment.IsValid).Select(j => j.Cell.Cell).ToList();
        var judged = item.Judgment is { } jc ? $"{jc.Symbol}（{jc.Label}）" : "";
        return row.ParsedAnswer switch
        {
            VendorAnswer.NoAnswer => Notes.VendorNoAnswer(row.Id, vendor, answerCell),
            VendorAnswer.NotImplemented when item.Judgment is not null && item.Judgment == _conforming =>
                Notes.VendorNotImplemented(row.Id, vendor, answerCell, judgmentCells, row.Answer?.Text ?? "", judged),
            VendorAnswer.NotApplicable when item.Judgment is { IsOutOfScope: false } =>
                Notes.VendorNotApplicable(row.Id, vendor, answerCell, judgmentCells, row.Answer?.Text ?? "", judged),
            _ => null,
        };
    }
}
