using System.Collections.Concurrent;
using Consolidator.Core.Merging;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Reading;
using Consolidator.Core.Recognising;
using Consolidator.Core.Writing;

namespace Consolidator.Core;

/// <summary>Settings of the pipeline itself.</summary>
public sealed record ConsolidationOptions
{
    public RecognitionOptions Recognition { get; init; } = RecognitionOptions.Default;
    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    /// <summary>The office's time zone: file times become dates in it. Defaults to Asia/Tokyo.</summary>
    public TimeZoneInfo TimeZone { get; init; } = Tokyo;

    /// <summary>The clock a file's read time (<see cref="ReadLimits.MaxReadSeconds"/>) is measured on. Defaults to the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Who is expected to submit (the settings' Templates:Auditors and Templates:Vendors), beside a
    /// master list's 提出予定 sheet. Defaults to nobody, which gives an audit without such a sheet no 提出状況.
    /// </summary>
    public IReadOnlyList<ExpectedSubmitter> Roster { get; init; } = [];

    /// <summary>The clock that dates a consolidation: 提出期限 are compared with its day in <see cref="TimeZone"/>. Defaults to the system clock.</summary>
    public TimeProvider Calendar { get; init; } = TimeProvider.System;

    /// <summary>Files read at once. Defaults to the number of cores.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    public static TimeZoneInfo Tokyo { get; } = FindTokyo();

    private static TimeZoneInfo FindTokyo()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");
        }
    }
}

/// <summary>
/// The pipeline: each file is read and recognised on its own (<see cref="Ingest(SourceFile)"/>), then all
/// submissions are merged into one result per audit (<see cref="Consolidate(IReadOnlyList{Submission})"/>).
/// <code>
/// SourceFile ─Read─▶ RawWorkbook ─Recognise─▶ Submission ─Merge─▶ AuditResult ─Write─▶ files
/// </code>
/// </summary>
public sealed class Consolidation
{
    private readonly ConsolidationOptions _options;
    private readonly SubmissionRecogniser _recogniser;

    public Consolidation(ConsolidationOptions? options = null)
    {
        _options = options ?? new ConsolidationOptions();
        _recogniser = new SubmissionRecogniser(_options.Recognition);
    }

    public ConsolidationOptions Options => _options;

    /// <summary>
    /// Reads and recognises one file. A file that cannot be used comes back with its
    /// <see cref="Submission.Rejection"/> set; only a failure to open the file throws.
    /// </summary>
    public Submission Ingest(SourceFile file)
    {
        using var stream = file.Open();
        return Ingest(file, stream);
    }

    public Submission Ingest(SourceFile file, Stream stream)
    {
        RawWorkbook book;
        try
        {
            book = WorkbookReader.Read(stream, file.Name, _options.Limits, _options.Time);
        }
        catch (UnreadableFileException e)
        {
            return new Submission { Source = file, Format = "", Rejection = e.Rejection };
        }
        catch (Exception e) when (e is not OutOfMemoryException and not IOException)
        {
            return new Submission { Source = file, Format = "", Rejection = Rejections.Damaged(e) };
        }
        if (_options.Recognition.ReadDropdowns && book.Format.StartsWith("xls", StringComparison.Ordinal) && book.Format != "xls" && stream.CanSeek)
            book = Dropdowns(stream, book);
        // A workbook this product wrote is no submission; a master list may say who is expected to submit.
        var submission = ResultBookReader.Read(file, book) ?? RosterSheetReader.Attach(_recogniser.Recognise(file, book), book);
        if (book.CutCells.Count == 0 || submission.IsRejected) return submission;
        // Text over the cell limit was cut while reading; each such cell is listed in 要確認.
        var cut = book.CutCells.Select(c => Notes.TextTooLong(null, new CellRef(file.RelativePath, c.Sheet, c.Row, c.Column), c.Length, _options.Limits.MaxCellChars));
        return submission with { Notes = [.. submission.Notes, .. cut] };
    }

    /// <summary>The dropdowns of an .xlsx already read and checked by the reader; the workbook as it is when the package cannot be opened again.</summary>
    private static RawWorkbook Dropdowns(Stream stream, RawWorkbook book)
    {
        try
        {
            stream.Position = 0;
            using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            return Reading.Xlsx.DropdownLists.Attach(zip, book);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            return book;
        }
    }

    /// <summary>Reads every file (in parallel, bounded by the cores), then merges.</summary>
    public ConsolidationResult Run(IEnumerable<SourceFile> files)
    {
        var list = files.ToList();
        var submissions = new Submission[list.Count];
        Parallel.For(0, list.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelism) },
            i => submissions[i] = Ingest(list[i]));
        return Consolidate(submissions);
    }

    /// <summary>Merges submissions into one result per audit, and the history of every file.</summary>
    public ConsolidationResult Consolidate(IReadOnlyList<Submission> submissions) => Consolidate(submissions, (IAuditSink?)null, CancellationToken.None);

    /// <summary>As <see cref="Consolidate(IReadOnlyList{Submission}, IAuditSink?, CancellationToken, Action{int}?)"/>, each audit handed to <paramref name="write"/>.</summary>
    public ConsolidationResult Consolidate(IReadOnlyList<Submission> submissions, Action<AuditResult> write, CancellationToken cancel) =>
        Consolidate(submissions, new ActionSink(write), cancel);

    private sealed class ActionSink(Action<AuditResult> write) : IAuditSink
    {
        public void Write(AuditResult audit) => write(audit);
    }

    /// <summary>
    /// Merges audit by audit — several at once, bounded by <see cref="ConsolidationOptions.MaxParallelism"/>
    /// — restoring parked rows (<see cref="RowSpill"/>) for one audit at a time. With <paramref name="write"/>,
    /// each audit is handed to it as soon as it is merged (from several threads) and comes back
    /// <see cref="AuditResult.Released"/>, so memory holds the audits being written, not every audit.
    /// Each audit is written in its own try/catch: one the sink cannot write is recorded in
    /// <see cref="ConsolidationResult.WriteFailures"/> and the others are still written.
    /// <paramref name="planned"/>, when given, is told the number of audits before the first is merged.
    /// </summary>
    public ConsolidationResult Consolidate(IReadOnlyList<Submission> submissions, IAuditSink? write, CancellationToken cancel,
        Action<int>? planned = null)
    {
        var failures = new ConcurrentQueue<AuditWriteFailure>();
        var selection = SubmissionSelector.Select(submissions, _options.TimeZone);
        var hashes = submissions.GroupBy(s => s.Source.RelativePath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Source.Sha256, StringComparer.Ordinal);
        string FileOrder(string path) => hashes.TryGetValue(path, out var h) ? h : path;
        var groups = selection.Candidates.GroupBy(p => p.Submission.Key!)
            .OrderBy(g => g.Key.FiscalYear).ThenBy(g => g.Key.TargetKey, StringComparer.Ordinal)
            .ToList();
        var keyed = submissions.Where(s => s.Key is not null).GroupBy(s => s.Key!).ToDictionary(g => g.Key, g => g.ToList());
        // Named before any is written: two audits never share an output file, whatever their targets.
        var names = OutputNames.Assign(groups.Select(g => g.Key));
        // Which earlier year each audit compares with, and whether each result workbook in the inbox is used.
        var years = YearChain.Plan(groups.Select(g => g.Key).ToList(), submissions, selection.FileStatuses);
        var fileStatuses = new Dictionary<string, (FileStatus, string, string)>(selection.FileStatuses, StringComparer.Ordinal);
        foreach (var (path, status) in years.BookStatuses) fileStatuses[path] = status;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_options.Calendar.GetUtcNow(), _options.TimeZone).DateTime);
        var unmerged = new RowLedger();
        var unattributed = Ordered(submissions.Where(s => s.Key is null).Select(s => Record(s, fileStatuses, selection, unmerged))).ToList();

        planned?.Invoke(groups.Count);
        var results = new AuditResult[groups.Count];
        var records = new List<InputRecord>[groups.Count];
        // A target's years one wave after another, so an earlier year's result is there for the later one.
        foreach (var wave in years.Waves)
        Parallel.ForEach(wave, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelism), CancellationToken = cancel }, i =>
        {
            var group = groups[i];
            // A workbook that is both checklist and pre-answer is two parts of one submission: restored once.
            var restored = new Dictionary<Submission, Submission>(ReferenceEqualityComparer.Instance);
            var candidates = group.Select(p => p with
            {
                Submission = restored.TryGetValue(p.Submission, out var r) ? r : restored[p.Submission] = RowSpill.Restore(p.Submission),
            }).ToList();
            // Which rows of which submission count: the latest of each submitter, item by item.
            var outcome = Supersession.Resolve(candidates, _options.TimeZone);
            var parts = outcome.Used;
            // An audit follows its master list's 判定基準 when it has one, else the configured scale.
            var scale = parts.FirstOrDefault(p => p.Role == SubmissionRole.Master)?.Submission.Scale ?? _options.Recognition.JudgingScale;
            var ledger = new RowLedger();
            var audit = new AuditMerger(scale, _options.Recognition.JudgingScale, FileOrder).Merge(group.Key, parts, ledger, outcome.Notes);
            var statuses = new Dictionary<string, (FileStatus Status, string Ja, string En)>(fileStatuses, StringComparer.Ordinal);
            foreach (var (path, status) in outcome.Files) statuses[path] = status;
            records[i] = Ordered(keyed[group.Key].Select(s => Record(s, statuses, selection, ledger))).ToList();
            // 提出状況 against the roster, and 前年度比較 with the earlier year (kept for a later year before release).
            var (roster, rosterNotes) = RosterCheck.Check(group.Key, _options.Roster, candidates, parts, audit.Items, scale, statuses, today);
            audit = audit with { Roster = roster, Notes = [.. audit.Notes, .. rosterNotes] };
            audit = audit with { Comparison = years.Compare(audit) };
            years.Keep(audit);
            var book = years.BookFor(group.Key) is { } b ? [Record(b, statuses, selection, ledger)] : Array.Empty<InputRecord>();
            audit = audit with { Inputs = records[i].Concat(book).Concat(unattributed).ToList(), OutputStem = names[group.Key].Stem };
            if (names[group.Key].CollidedWith.Count > 0) audit = audit with { Notes = [Collision(group.Key, names, parts), .. audit.Notes] };
            if (write is not null)
            {
                try
                {
                    write.Write(audit);
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    failures.Enqueue(new AuditWriteFailure(audit.Key, audit.OutputStem, e));
                }
                audit = audit.Released();
            }
            results[i] = audit;
        });

        var merged = groups.Select(g => g.Key).ToHashSet();
        var others = keyed.Where(k => !merged.Contains(k.Key)).SelectMany(k => k.Value).Select(s => Record(s, fileStatuses, selection, unmerged));
        var files = Ordered(records.SelectMany(r => r).Concat(others).Concat(unattributed)).ToList();
        return new ConsolidationResult(results, files)
        {
            WriteFailures = failures.OrderBy(f => f.Key.FiscalYear).ThenBy(f => f.Key.TargetKey, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>出力名の衝突, naming the cells the audit's target was read from.</summary>
    private static ReviewNote Collision(AuditKey key, IReadOnlyDictionary<AuditKey, ResultName> names, IEnumerable<SubmissionPart> parts)
    {
        var cells = parts.Select(p => p.Submission.Metadata.Target).OfType<Field>().Where(f => !f.IsEmpty).Select(f => f.Cell).Distinct().ToList();
        var name = names[key];
        return Notes.OutputNameCollision(key, name.CollidedWith, cells, name.Plain + ".xlsx", name.Stem + ".xlsx");
    }

    /// <summary>The history's order: by audit, role, submitter (its key, so one submitter's files stand together), then time, content and name.</summary>
    private static IEnumerable<InputRecord> Ordered(IEnumerable<InputRecord> records) => records
        .OrderBy(r => r.Key?.FiscalYear ?? int.MaxValue)
        .ThenBy(r => r.Key?.TargetKey ?? "", StringComparer.Ordinal)
        .ThenBy(r => RoleOrder(r.Role))
        .ThenBy(r => r.SubmitterKey, StringComparer.Ordinal)
        .ThenBy(r => r.Submitter, StringComparer.Ordinal)
        .ThenBy(r => r.Source.ModifiedAt)
        .ThenBy(r => r.Source.Sha256, StringComparer.Ordinal)
        .ThenBy(r => r.Source.RelativePath, StringComparer.Ordinal);

    /// <summary>
    /// What <c>validate</c> reports: for each file, its own problems (rows without id, repeated
    /// ids, invalid or contradictory judgments, blank judgments, missing findings, invalid or blank
    /// answers) and, where the files given together form audits, the problems found by merging
    /// them (disagreements, vendor answers against judgments, unknown ids), each under every file
    /// whose cell it names; and per file the submitter key it was given and its status among the
    /// files given (採用, 一部旧版 with the items a later file replaces, 旧版, 重複).
    /// </summary>
    public IReadOnlyList<FileReport> Validate(IReadOnlyList<Submission> submissions)
    {
        var perFile = submissions.ToDictionary(s => s.Source.RelativePath, _ => new List<ReviewNote>(), StringComparer.Ordinal);
        foreach (var s in submissions.Where(s => !s.IsRejected))
        {
            var list = perFile[s.Source.RelativePath];
            list.AddRange(s.Notes);
            foreach (var row in s.Rows.Where(r => !r.IsDuplicate))
            {
                list.AddRange(row.AuditorNotes);
                list.AddRange(row.VendorNotes);
                // An item on several sheets: each sheet's blank judgment or answer is named by its own cell.
                var scopes = row.Scopes.Count > 0 ? row.Scopes : [new ScopeJudgment(row.Sheet, row.Row, row.Judgment, row.ParsedJudgment, row.Finding, row.Recommendation, row.Answer, row.ParsedAnswer)];
                foreach (var scope in scopes)
                {
                    if (scope.Judgment is not null && scope.Parsed.State == Normalising.JudgmentState.Empty)
                        list.Add(Notes.Pending(row.Id, [scope.Judgment.Cell], scope.Judgment.Text));
                    if (scope.Answer is not null && scope.ParsedAnswer == Normalising.VendorAnswer.NoAnswer)
                        list.Add(Notes.VendorNoAnswer(row.Id, s.Vendor?.Display(SubmissionRole.Vendor) ?? "", scope.Answer.Cell));
                }
            }
        }
        var consolidated = Consolidate(submissions);
        foreach (var audit in consolidated.Audits)
        {
            foreach (var note in audit.Notes)
            {
                var files = note.Cells.Select(c => c.File).Distinct().ToList();
                if (files.Count == 0)
                    files = audit.Inputs.Where(i => i.Role == SubmissionRole.Master && i.Status == FileStatus.Adopted).Select(i => i.Source.RelativePath).ToList();
                foreach (var f in files)
                    if (perFile.TryGetValue(f, out var list)) list.Add(note);
            }
        }
        // What became of each file among those given: its submitter key, and whether (and why) a later one replaces it.
        var records = consolidated.Files.GroupBy(f => f.Source.RelativePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return submissions.Select(s => new FileReport(s, Dedupe(perFile[s.Source.RelativePath])) { Record = records.GetValueOrDefault(s.Source.RelativePath) }).ToList();
    }

    // The same problem found by the file's own check and by merging is reported once.
    // A note whose cells another note of the same kind and item names too (a sheet's blank judgment and the
    // item's 未判定 over all its sheets) is that note.
    private static List<ReviewNote> Dedupe(List<ReviewNote> notes)
    {
        var byItem = notes.Where(n => n.ItemId is not null && n.Cells.Count > 1).ToLookup(n => (n.Kind, n.ItemId));
        bool Covered(ReviewNote n) => n.ItemId is not null &&
            byItem[(n.Kind, n.ItemId)].Any(m => m.Cells.Count > n.Cells.Count && n.Cells.All(m.Cells.Contains));
        return notes.GroupBy(n => (n.Kind, n.ItemId, Cell: n.Cells.Count > 0 ? n.Cells[0].ToString() : ""))
            .Select(g => g.OrderByDescending(n => n.Cells.Count).First())
            .Where(n => !Covered(n))
            .OrderBy(n => n.Cells.Count > 0 ? n.Cells[0].Sheet : "", StringComparer.Ordinal)
            .ThenBy(n => n.Cells.Count > 0 ? n.Cells[0].Row : 0)
            .ThenBy(n => n.Cells.Count > 0 ? n.Cells[0].Column : 0)
            .ThenBy(n => n.Kind)
            .ToList();
    }

    private static int RoleOrder(SubmissionRole role) => role switch
    {
        SubmissionRole.Master => 0,
        SubmissionRole.Auditor => 1,
        SubmissionRole.Auditor | SubmissionRole.Vendor => 2,
        SubmissionRole.Vendor => 3,
        _ => 4,
    };

    private static InputRecord Record(Submission s, IReadOnlyDictionary<string, (FileStatus Status, string Ja, string En)> statuses, Selection selection, RowLedger ledger)
    {
        var path = s.Source.RelativePath;
        var (status, ja, en) = statuses[path];
        var submitter = new List<string>();
        // Who the file is from, and what is shown beside the name (所属, 回答者) but is no part of its key.
        var beside = new List<string>();
        if (s.Role.HasFlag(SubmissionRole.Auditor) && s.Auditor is not null)
        {
            submitter.Add(s.Auditor.Display(SubmissionRole.Auditor));
            if (s.Auditor.Organisation is { Length: > 0 } org) beside.Add($"所属 {org}");
        }
        if (s.Role.HasFlag(SubmissionRole.Vendor) && s.Vendor is not null)
        {
            submitter.Add(s.Vendor.Display(SubmissionRole.Vendor));
            if (s.Vendor.Person is { Length: > 0 } person) beside.Add($"回答者 {person}");
        }
        if (s.Role == SubmissionRole.Master && s.Metadata.Submitter is { } who) submitter.Add(who.Text);
        var adopted = status == FileStatus.Adopted;
        if (adopted)
        {
            // Rows that are no items (headings, notes, legend, header rows) are named by kind, so 読込 = 採用 + 要確認 + these.
            var kinds = s.Counts is { Other: > 0 } c ? ($": {c.DescribeJa()}", $": {c.DescribeEn()}") : ("", "");
            var used = $"{s.Role.Label()}の{(s.Role == SubmissionRole.Master ? "監査項目" : "提出")}として採用（{s.RowsRead} 行{kinds.Item1}）";
            var usedEn = $"Used as the {s.Role switch { SubmissionRole.Master => "master item list", SubmissionRole.Auditor => "auditor's checklist", SubmissionRole.Vendor => "vendor's pre-answer", _ => "auditor's checklist and vendor's pre-answer" }} ({s.RowsRead} rows{kinds.Item2})";
            (ja, en) = ja.Length == 0 ? (used, usedEn) : ($"{used}。{ja}", $"{usedEn}. {en}");
        }
        return new InputRecord
        {
            Source = s.Source,
            Status = status,
            Format = s.Format,
            Role = s.Role,
            Submitter = string.Join(" / ", submitter.Where(x => x.Length > 0)),
            SubmitterBeside = string.Join(" / ", beside),
            SubmitterKey = selection.SubmitterKeys.GetValueOrDefault(path, ""),
            Key = s.Key,
            SubmittedOn = s.SubmittedOn,
            ReasonJa = ja,
            ReasonEn = en,
            RowsRead = s.RowsRead,
            RowsMerged = adopted ? ledger.MergedCount(path) : 0,
            RowsListed = adopted ? ledger.ListedCount(path) + s.RowsWithoutId : 0,
            Rejection = s.Rejection,
            Template = s.Template,
        };
    }
}
