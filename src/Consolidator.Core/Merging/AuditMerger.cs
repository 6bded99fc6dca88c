using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Merging;

/// <summary>
/// Merges one audit's adopted submissions item by item (SPEC §4): the master list (or the
/// union of the auditors' items) is the universe; auditors' judgments merge to the most
/// severe with a 判定不一致 entry where they differ; vendors' answers attach per item and are
/// cross-checked against the judgment. Every row ends merged or listed in 要確認.
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

    private ItemRow Rejudged(ItemRow row)
    {
        if (ReferenceEquals(_scale, _readWith) || row.Judgment is null) return row;
        if (row.Scopes.Count > 0) return Recognising.ParallelSheets.Rejudged(row, _scale);
        var (parsed, notes) = Judging.Judge(_scale, row.Id, row.Judgment, row.Finding);
        return row with { ParsedJudgment = parsed, AuditorNotes = notes };
    }

    /// <summary>Which rows of each file were merged (the rest are listed).</summary>
    public sealed class RowLedger
    {
        private readonly Dictionary<string, HashSet<(string Sheet, int Row)>> _merged = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<(string Sheet, int Row)>> _listed = new(StringComparer.Ordinal);

        public void Merged(ItemRow row, Submission s) => Add(_merged, row, s);

        /// <summary>A row kept out of the result and named in 要確認 (unknown or repeated id).</summary>
        public void Listed(ItemRow row, Submission s) => Add(_listed, row, s);

        public int MergedCount(string file) => _merged.TryGetValue(file, out var set) ? set.Count : 0;

        /// <summary>Rows listed and not also merged through another role of the same workbook.</summary>
        public int ListedCount(string file)
        {
            if (!_listed.TryGetValue(file, out var listed)) return 0;
            return _merged.TryGetValue(file, out var merged) ? listed.Count(r => !merged.Contains(r)) : listed.Count;
        }

        private static void Add(Dictionary<string, HashSet<(string Sheet, int Row)>> map, ItemRow row, Submission s)
        {
            if (!map.TryGetValue(s.Source.RelativePath, out var set))
                map[s.Source.RelativePath] = set = [];
            set.Add((row.Sheet, row.Row));
            foreach (var scope in row.Scopes) set.Add((scope.Sheet, scope.Row)); // one row per sheet of an item on several sheets
        }
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

        // The universe: the master list's items in its order, else the union of the auditors' items.
        var universe = new Dictionary<string, ItemRow>(StringComparer.Ordinal);
        var order = new List<string>();
        if (master is not null)
        {
            foreach (var row in master.Rows.Where(r => r.IsDuplicate)) ledger.Listed(row, master.Submission);
            foreach (var row in master.Rows.Where(r => !r.IsDuplicate))
            {
                universe[row.Id] = row;
                order.Add(row.Id);
                ledger.Merged(row, master.Submission);
            }
        }
        else
        {
            foreach (var row in auditors.SelectMany(a => a.Rows).Where(r => !r.IsDuplicate))
                if (universe.TryAdd(row.Id, row)) order.Add(row.Id);
            order.Sort(ItemIds.NaturalComparer);
        }

        var judgmentsById = order.ToDictionary(id => id, _ => new List<(SubmissionPart Part, ItemRow Row)>(), StringComparer.Ordinal);
        foreach (var part in auditors)
        {
            foreach (var row in part.Rows.Where(r => r.IsDuplicate)) ledger.Listed(row, part.Submission);
            foreach (var row in part.Rows.Where(r => !r.IsDuplicate).Select(Rejudged))
            {
                if (!judgmentsById.TryGetValue(row.Id, out var list))
                {
                    ledger.Listed(row, part.Submission);
                    notes.Add(Notes.UnknownItemId(row.Id, row.RawId.Cell, row.RawId.Text, master is not null));
                    continue;
                }
                list.Add((part, row));
                ledger.Merged(row, part.Submission);
                notes.AddRange(row.AuditorNotes);
            }
        }

        var items = new List<ResultItem>();
        foreach (var id in order)
        {
            var rows = judgmentsById[id];
            var describing = master is not null ? universe[id] : rows.Select(r => r.Row).FirstOrDefault() ?? universe[id];
            // A checklist that says 区分 監査人 but has no judgment column leaves the item pending, noted at its id cell.
            var judgments = rows.Select(r => r.Row.Judgment is { } cell
                ? new AuditorJudgment(r.Part.Display, r.Row.ParsedJudgment, cell, r.Row.Finding, r.Row.Recommendation) { Scopes = r.Row.Scopes }
                : new AuditorJudgment(r.Part.Display, new ParsedJudgment(JudgmentState.Empty, null, ""), new Field("", r.Row.RawId.Cell), r.Row.Finding, r.Row.Recommendation)).ToList();
            var valid = judgments.Where(j => j.Judgment.IsValid).ToList();
            JudgmentClass? merged = null;
            if (valid.Count == 0)
            {
                var invalid = judgments.Any(j => j.Judgment.State is JudgmentState.Invalid or JudgmentState.Contradictory);
                if (!invalid)
                    notes.Add(Notes.Pending(id,
                        judgments.SelectMany(j => j.Scopes.Count > 0 ? j.Scopes.Select(x => x.Judgment?.Cell).OfType<CellRef>() : [j.Cell.Cell]).ToList(),
                        string.Join(" / ", judgments.Select(j => j.Judgment.Original.Trim()).Where(t => t.Length > 0).Distinct())));
            }
            else
            {
                var classes = valid.Select(j => j.Judgment.Class!).Distinct().ToList();
                merged = classes.Count == 1 ? classes[0] : JudgmentScale.MostSevere(classes);
                if (classes.Count > 1)
                    notes.Add(Notes.Disagreement(id,
                        valid.Select(j => (j.Auditor, $"{j.Judgment.Class!.Symbol}（{j.Judgment.Class.Label}）", j.Cell.Cell)).ToList(),
                        $"{merged.Symbol} {merged.Label}"));
            }
            items.Add(new ResultItem
            {
                Id = id,
                Category = describing.Category?.Text ?? "",
                Text = describing.ItemText?.Text ?? "",
                Basis = describing.Basis?.Text ?? "",
                Judgment = merged,
                Judgments = judgments,
                Findings = Join(judgments, j => j.Finding),
                Recommendations = Join(judgments, j => j.Recommendation),
                InvalidJudgmentText = string.Join(" / ", judgments.Where(j => j.Judgment.State is JudgmentState.Invalid or JudgmentState.Contradictory).Select(j => j.Judgment.Original.Trim())),
                Source = judgments.FirstOrDefault()?.Cell.Cell ?? describing.RawId.Cell,
            });
        }

        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var conforming = _scale.Classes.Where(c => !c.IsOutOfScope && !c.IsFinding).MinBy(c => c.Severity);
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
                    notes.Add(Notes.UnknownItemId(row.Id, row.RawId.Cell, row.RawId.Text, master is not null));
                    continue;
                }
                ledger.Merged(row, part.Submission);
                if (!answersByItem.TryGetValue(row.Id, out var perVendor)) answersByItem[row.Id] = perVendor = new(StringComparer.Ordinal);
                perVendor.TryAdd(vendor, record);
                notes.AddRange(row.VendorNotes);
                var answerCell = row.Answer?.Cell ?? row.RawId.Cell;
                var judgmentCells = item!.Judgments.Where(j => j.Judgment.IsValid).Select(j => j.Cell.Cell).ToList();
                var judged = item.Judgment is { } jc ? $"{jc.Symbol}（{jc.Label}）" : "";
                switch (row.ParsedAnswer)
                {
                    case VendorAnswer.NoAnswer:
                        notes.Add(Notes.VendorNoAnswer(row.Id, vendor, answerCell));
                        break;
                    case VendorAnswer.NotImplemented when item.Judgment is not null && item.Judgment == conforming:
                        notes.Add(Notes.VendorNotImplemented(row.Id, vendor, answerCell, judgmentCells, row.Answer?.Text ?? "", judged));
                        break;
                    case VendorAnswer.NotApplicable when item.Judgment is { IsOutOfScope: false }:
                        notes.Add(Notes.VendorNotApplicable(row.Id, vendor, answerCell, judgmentCells, row.Answer?.Text ?? "", judged));
                        break;
                }
            }
        }
        items = items.Select(i => answersByItem.TryGetValue(i.Id, out var a) ? i with { Answers = a } : i).ToList();

        var parsedDates = auditors.Select(a => a.Submission.AuditDate).OfType<DateOnly>().Distinct().Order().ToList();
        var dates = parsedDates.Select(JapaneseDates.DateLabel)
            .Concat(auditors.Where(a => a.Submission.AuditDate is null && a.Submission.Metadata.AuditDate is { IsEmpty: false })
                .Select(a => a.Submission.Metadata.AuditDate!.Text))
            .Distinct().ToList();

        return new AuditResult
        {
            Key = key,
            Scale = _scale,
            UniverseFromMaster = master is not null,
            AuditDates = dates,
            AuditorChecklists = auditors.Select(a => a.Submission).Distinct().Count(),
            Auditors = auditors.Select(a => a.Display).Where(d => d.Length > 0).Distinct().ToList(),
            Vendors = vendors.Select(v => v.Display).Distinct().ToList(),
            Items = items,
            Answers = answers.OrderBy(a => a.Vendor, StringComparer.Ordinal).ThenBy(a => a.ItemId, ItemIds.NaturalComparer).ThenBy(a => a.RawId.Cell.Row).ToList(),
            Notes = Order(notes, order, _fileOrder),
        };
    }

    private static string Join(List<AuditorJudgment> judgments, Func<AuditorJudgment, Field?> pick)
    {
        var texts = judgments.Select(j => (j.Auditor, Text: pick(j)?.Text ?? "")).Where(t => t.Text.Length > 0).ToList();
        if (texts.Select(t => t.Text).Distinct().Count() <= 1) return texts.FirstOrDefault().Text ?? "";
        return string.Join("\n", texts.Select(t => $"【{t.Auditor}】{t.Text}"));
    }

    /// <summary>要確認 in item order (the universe's), then by kind and cell; notes without an item last.</summary>
    private static List<ReviewNote> Order(List<ReviewNote> notes, List<string> order, Func<string, string> fileOrder)
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
