using System.Collections.Concurrent;
using Consolidator.Core.Merging;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Reading;
using Consolidator.Core.Recognising;

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
        var submission = _recogniser.Recognise(file, book);
        if (book.CutCells.Count == 0 || submission.IsRejected) return submission;
        // Text over the cell limit was cut while reading; each such cell is listed in 要確認.
        var cut = book.CutCells.Select(c => Notes.TextTooLong(null, new CellRef(file.RelativePath, c.Sheet, c.Row, c.Column), c.Length, _options.Limits.MaxCellChars));
        return submission with { Notes = [.. submission.Notes, .. cut] };
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
    public ConsolidationResult Consolidate(IReadOnlyList<Submission> submissions) => Consolidate(submissions, null, CancellationToken.None);

    /// <summary>
    /// Merges audit by audit — several at once, bounded by <see cref="ConsolidationOptions.MaxParallelism"/>
    /// — restoring parked rows (<see cref="RowSpill"/>) for one audit at a time. With <paramref name="write"/>,
    /// each audit is handed to it as soon as it is merged (from several threads) and comes back
    /// <see cref="AuditResult.Released"/>, so memory holds the audits being written, not every audit.
    /// </summary>
    public ConsolidationResult Consolidate(IReadOnlyList<Submission> submissions, Action<AuditResult>? write, CancellationToken cancel)
    {
        var selection = SubmissionSelector.Select(submissions, _options.TimeZone);
        var hashes = submissions.GroupBy(s => s.Source.RelativePath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Source.Sha256, StringComparer.Ordinal);
        string FileOrder(string path) => hashes.TryGetValue(path, out var h) ? h : path;
        var groups = selection.Adopted.GroupBy(p => p.Submission.Key!)
            .OrderBy(g => g.Key.FiscalYear).ThenBy(g => g.Key.TargetKey, StringComparer.Ordinal)
            .ToList();
        var keyed = submissions.Where(s => s.Key is not null).GroupBy(s => s.Key!).ToDictionary(g => g.Key, g => g.ToList());
        var unmerged = new AuditMerger.RowLedger();
        var unattributed = Ordered(submissions.Where(s => s.Key is null).Select(s => Record(s, selection, unmerged))).ToList();

        var results = new AuditResult[groups.Count];
        var records = new List<InputRecord>[groups.Count];
        Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelism), CancellationToken = cancel }, i =>
        {
            var group = groups[i];
            // A workbook that is both checklist and pre-answer is two parts of one submission: restored once.
            var restored = new Dictionary<Submission, Submission>(ReferenceEqualityComparer.Instance);
            var parts = group.Select(p => p with
            {
                Submission = restored.TryGetValue(p.Submission, out var r) ? r : restored[p.Submission] = RowSpill.Restore(p.Submission),
            }).ToList();
            // An audit follows its master list's 判定基準 when it has one, else the configured scale.
            var scale = parts.FirstOrDefault(p => p.Role == SubmissionRole.Master)?.Submission.Scale ?? _options.Recognition.Scale;
            var ledger = new AuditMerger.RowLedger();
            var audit = new AuditMerger(scale, _options.Recognition.Scale, FileOrder).Merge(group.Key, parts, ledger);
            records[i] = Ordered(keyed[group.Key].Select(s => Record(s, selection, ledger))).ToList();
            audit = audit with { Inputs = records[i].Concat(unattributed).ToList() };
            if (write is not null)
            {
                write(audit);
                audit = audit.Released();
            }
            results[i] = audit;
        });

        var merged = groups.Select(g => g.Key).ToHashSet();
        var others = keyed.Where(k => !merged.Contains(k.Key)).SelectMany(k => k.Value).Select(s => Record(s, selection, unmerged));
        var files = Ordered(records.SelectMany(r => r).Concat(others).Concat(unattributed)).ToList();
        return new ConsolidationResult(results, files);
    }

    /// <summary>The history's order: by audit, role, submitter, then time, content and name.</summary>
    private static IEnumerable<InputRecord> Ordered(IEnumerable<InputRecord> records) => records
        .OrderBy(r => r.Key?.FiscalYear ?? int.MaxValue)
        .ThenBy(r => r.Key?.TargetKey ?? "", StringComparer.Ordinal)
        .ThenBy(r => RoleOrder(r.Role))
        .ThenBy(r => r.Submitter, StringComparer.Ordinal)
        .ThenBy(r => r.Source.ModifiedAt)
        .ThenBy(r => r.Source.Sha256, StringComparer.Ordinal)
        .ThenBy(r => r.Source.RelativePath, StringComparer.Ordinal);

    /// <summary>
    /// What <c>validate</c> reports: for each file, its own problems (rows without id, repeated
    /// ids, invalid or contradictory judgments, blank judgments, missing findings, invalid or blank
    /// answers) and, where the files given together form audits, the problems found by merging
    /// them (disagreements, vendor answers against judgments, unknown ids), each under every file
    /// whose cell it names.
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
                if (row.Judgment is not null && row.ParsedJudgment.State == Normalising.JudgmentState.Empty)
                    list.Add(Notes.Pending(row.Id, [row.Judgment.Cell]));
                if (row.Answer is not null && row.ParsedAnswer == Normalising.VendorAnswer.NoAnswer)
                    list.Add(Notes.VendorNoAnswer(row.Id, s.Vendor?.Display(SubmissionRole.Vendor) ?? "", row.Answer.Cell));
            }
        }
        foreach (var audit in Consolidate(submissions).Audits)
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
        return submissions.Select(s => new FileReport(s, Dedupe(perFile[s.Source.RelativePath]))).ToList();
    }

    // The same problem found by the file's own check and by merging is reported once.
    private static List<ReviewNote> Dedupe(List<ReviewNote> notes) =>
        notes.GroupBy(n => (n.Kind, n.ItemId, Cell: n.Cells.Count > 0 ? n.Cells[0].ToString() : ""))
            .Select(g => g.OrderByDescending(n => n.Cells.Count).First())
            .OrderBy(n => n.Cells.Count > 0 ? n.Cells[0].Sheet : "", StringComparer.Ordinal)
            .ThenBy(n => n.Cells.Count > 0 ? n.Cells[0].Row : 0)
            .ThenBy(n => n.Cells.Count > 0 ? n.Cells[0].Column : 0)
            .ThenBy(n => n.Kind)
            .ToList();

    private static int RoleOrder(SubmissionRole role) => role switch
    {
        SubmissionRole.Master => 0,
        SubmissionRole.Auditor => 1,
        SubmissionRole.Auditor | SubmissionRole.Vendor => 2,
        SubmissionRole.Vendor => 3,
        _ => 4,
    };

    private static InputRecord Record(Submission s, Selection selection, AuditMerger.RowLedger ledger)
    {
        var (status, ja, en) = selection.FileStatuses[s.Source.RelativePath];
        var submitter = new List<string>();
        if (s.Role.HasFlag(SubmissionRole.Auditor) && s.Auditor is not null) submitter.Add(s.Auditor.Display(SubmissionRole.Auditor));
        if (s.Role.HasFlag(SubmissionRole.Vendor) && s.Vendor is not null) submitter.Add(s.Vendor.Display(SubmissionRole.Vendor));
        if (s.Role == SubmissionRole.Master && s.Metadata.Submitter is { } who) submitter.Add(who.Text);
        var path = s.Source.RelativePath;
        var adopted = status == FileStatus.Adopted;
        if (adopted && ja.Length == 0)
        {
            ja = $"{s.Role.Label()}の{(s.Role == SubmissionRole.Master ? "監査項目" : "提出")}として採用（{s.RowsRead} 行）";
            en = $"Used as the {s.Role switch { SubmissionRole.Master => "master item list", SubmissionRole.Auditor => "auditor's checklist", SubmissionRole.Vendor => "vendor's pre-answer", _ => "auditor's checklist and vendor's pre-answer" }} ({s.RowsRead} rows)";
        }
        return new InputRecord
        {
            Source = s.Source,
            Status = status,
            Format = s.Format,
            Role = s.Role,
            Submitter = string.Join(" / ", submitter.Where(x => x.Length > 0)),
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
