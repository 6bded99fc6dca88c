using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Reading;

namespace Consolidator.Core.Recognising;

/// <summary>
/// Turns a <see cref="RawWorkbook"/> into a <see cref="Submission"/>: finds the item table of
/// every sheet by content, reads the metadata around it, decides the role and the audit key,
/// and normalises each row's id, judgment and answer. Problems of the file itself become
/// <see cref="ReviewNote"/>s; a file with no table or no audit key is rejected with the reason.
/// </summary>
public sealed class SubmissionRecogniser
{
    private readonly RecognitionOptions _options;

    public SubmissionRecogniser(RecognitionOptions? options = null) => _options = options ?? RecognitionOptions.Default;

    public Submission Recognise(SourceFile source, RawWorkbook book)
    {
        // A filled template is read exactly by its recorded layout; one whose layout was changed, by content.
        if (TemplateRecogniser.Match(source, book, _options) is { } template)
            return template.Exact ?? template.Stamp(Recognise(source, template.Remainder));

        var file = source.RelativePath;
        var tables = new List<(RawSheet Sheet, HeaderRow Header)>();
        var reports = new List<SheetReport>();
        foreach (var sheet in book.Sheets)
        {
            if (RosterSheetReader.IsRosterSheet(sheet)) { reports.Add(RosterSheetReader.Report(sheet)); continue; }
            if (ScaleSheetReader.IsScaleSheet(sheet))
            {
                reports.Add(new SheetReport(sheet.Name, sheet.Hidden, null, [], 0, "判定基準 / judgment scale"));
                continue;
            }
            var header = HeaderFinder.Find(sheet, _options.MaxHeaderRow);
            if (header is null)
            {
                reports.Add(new SheetReport(sheet.Name, sheet.Hidden, null, [], 0,
                    sheet.RowCount == 0 ? "空 / empty" : "表なし / no item table"));
                continue;
            }
            tables.Add((sheet, header));
        }

        var baseSubmission = new Submission { Source = source, Format = book.Format, Sheets = reports };
        if (tables.Count == 0)
        {
            var empty = book.Sheets.All(s => s.Rows.All(r => r.All(string.IsNullOrWhiteSpace)));
            var meta = ReadMetadata(book, tables, file);
            return baseSubmission with
            {
                Metadata = meta,
                Key = ResolveKey(source, meta).Key,
                Rejection = empty ? Rejections.EmptyWorkbook()
                    : book.Format.StartsWith("csv", StringComparison.Ordinal) && Path.GetExtension(source.Name).ToLowerInvariant() is not (".csv" or ".txt" or ".tsv")
                        ? Rejections.TextWithoutTable(Path.GetExtension(source.Name))
                        : Rejections.NoTable(string.Join("、", book.Sheets.Select(s => s.Name))),
            };
        }

        var metadata = ReadMetadata(book, tables, file);
        var role = DecideRole(metadata, tables);
        var (key, keyOrigin, missing) = ResolveKey(source, metadata);
        var (auditor, vendor, vendorAssumed) = Parties(source, metadata, role);

        var notes = new List<ReviewNote>();
        var rows = new List<ItemRow>();
        var firstCell = new Dictionary<string, CellRef>(StringComparer.Ordinal);
        var withoutId = 0;
        foreach (var (sheet, header) in tables)
        {
            var before = rows.Count;
            withoutId += ReadRows(file, sheet, header, role, rows, notes, firstCell);
            reports.Add(new SheetReport(sheet.Name, sheet.Hidden, header.Row,
                header.Columns.OrderBy(c => c.Value).Select(c => ColumnSynonyms.Label(c.Key)).ToList(), rows.Count - before, null));
        }
        if (vendorAssumed && role.HasFlag(SubmissionRole.Vendor) && role.HasFlag(SubmissionRole.Auditor))
            notes.Add(Notes.VendorNotNamed(new CellRef(file, tables[0].Sheet.Name, tables[0].Header.Row, tables[0].Header.Column(ColumnKind.Answer) ?? 1), vendor!.Organisation ?? ""));

        return baseSubmission with
        {
            Role = role,
            Key = key,
            KeyOrigin = keyOrigin,
            Metadata = metadata,
            Auditor = role.HasFlag(SubmissionRole.Auditor) ? auditor : null,
            Vendor = role.HasFlag(SubmissionRole.Vendor) ? vendor : null,
            SubmittedOn = ParseDate(metadata.SubmittedOn),
            Scale = role == SubmissionRole.Master ? book.Sheets.Where(ScaleSheetReader.IsScaleSheet).Select(ScaleSheetReader.Read).FirstOrDefault(x => x is not null) : null,
            AuditDate = ParseDate(metadata.AuditDate),
            Rows = rows,
            RowsWithoutId = withoutId,
            Notes = notes,
            Sheets = reports,
            Rejection = key is null ? Rejections.NoAuditKey(missing) : null,
        };
    }

    private int ReadRows(string file, RawSheet sheet, HeaderRow header, SubmissionRole role,
        List<ItemRow> rows, List<ReviewNote> notes, Dictionary<string, CellRef> firstCell)
    {
        var scale = _options.Scale;
        var idColumn = header.Column(ColumnKind.Id)!.Value;
        var judging = role.HasFlag(SubmissionRole.Auditor);
        var answering = role.HasFlag(SubmissionRole.Vendor);
        string? category = null;
        CellRef? categoryCell = null;
        var withoutId = 0;

        for (var r = header.Row + 1; r <= sheet.RowCount; r++)
        {
            Field? Get(ColumnKind kind)
            {
                if (header.Column(kind) is not { } c) return null;
                return new Field(sheet[r, c].Trim(), new CellRef(file, sheet.Name, r, c));
            }

            var rawId = Get(ColumnKind.Id)!;
            var judgment = judging ? Get(ColumnKind.Judgment) : null;
            var answer = answering ? Get(ColumnKind.Answer) : null;
            var id = ItemIds.Normalise(rawId.Text);
            if (!ItemIds.LooksLikeId(id))
            {
                if (HeaderFinder.Match(sheet, r) is not null) continue; // a header repeated for printing
                var content = judgment is { IsEmpty: false } ? judgment : answer is { IsEmpty: false } ? answer : null;
                if (content is not null)
                {
                    withoutId++;
                    notes.Add(Notes.MissingItemId(content.Cell, content.Text));
                }
                continue; // title, notes (※ …), a legend of the scale, a sub-heading, a blank row
            }

            var cat = Get(ColumnKind.Category);
            if (cat is { IsEmpty: false })
            {
                category = cat.Text;
                categoryCell = cat.Cell;
            }
            else if (cat is not null && category is not null)
            {
                cat = new Field(category, categoryCell!); // category written only in the first row of its group
            }

            var finding = Get(ColumnKind.Finding);
            var (parsed, auditorNotes) = Judge(scale, id, judgment, finding);
            var parsedAnswer = answer is null ? VendorAnswer.NoAnswer : VendorAnswers.Parse(answer.Text);
            var vendorNotes = new List<ReviewNote>();
            if (answer is not null)
            {
                if (parsedAnswer == VendorAnswer.Invalid) vendorNotes.Add(Notes.InvalidAnswer(id, answer.Cell, answer.Text));
            }

            var duplicate = false;
            if (!firstCell.TryAdd(id, rawId.Cell))
            {
                duplicate = true;
                notes.Add(Notes.DuplicateItemId(id, firstCell[id], rawId.Cell, rawId.Text));
            }

            rows.Add(new ItemRow
            {
                Id = id,
                RawId = rawId,
                Sheet = sheet.Name,
                Row = r,
                Category = cat,
                ItemText = Get(ColumnKind.ItemText),
                Basis = Get(ColumnKind.Basis),
                Judgment = judgment,
                ParsedJudgment = parsed,
                Finding = finding,
                Recommendation = Get(ColumnKind.Recommendation),
                Answer = answer,
                ParsedAnswer = parsedAnswer,
                AnswerDetail = Get(ColumnKind.AnswerDetail),
                Evidence = Get(ColumnKind.Evidence),
                Remarks = Get(ColumnKind.Remarks),
                IsDuplicate = duplicate,
                AuditorNotes = auditorNotes,
                VendorNotes = vendorNotes,
            });
        }
        return withoutId;
    }

    /// <summary>
    /// A judgment cell read on a scale, with its problems: invalid, symbol and label that
    /// disagree, △ or × without 指摘内容. Used again when an audit's master list brings its own scale.
    /// </summary>
    internal static (ParsedJudgment Parsed, List<ReviewNote> Notes) Judge(JudgmentScale scale, string id, Field? judgment, Field? finding)
    {
        var notes = new List<ReviewNote>();
        if (judgment is null) return (default, notes);
        var parsed = scale.Parse(judgment.Text);
        if (parsed.State == JudgmentState.Invalid) notes.Add(Notes.InvalidJudgment(id, judgment.Cell, judgment.Text));
        else if (parsed.State == JudgmentState.Contradictory) notes.Add(Notes.ContradictoryJudgment(id, judgment.Cell, judgment.Text));
        else if (parsed is { IsValid: true, Class.RequiresFinding: true } && (finding is null || finding.IsEmpty))
            notes.Add(Notes.MissingFinding(id, judgment.Cell, finding?.Cell, judgment.Text));
        return (parsed, notes);
    }

    private static SubmissionMetadata ReadMetadata(RawWorkbook book, List<(RawSheet Sheet, HeaderRow Header)> tables, string file)
    {
        var found = new Dictionary<MetaKey, Field>();
        void Merge(Dictionary<MetaKey, Field> more)
        {
            foreach (var (k, v) in more) found.TryAdd(k, v);
        }
        foreach (var (sheet, header) in tables.Take(1))
            Merge(MetadataReader.Read(sheet, file, 1, header.Row - 1));
        foreach (var sheet in book.Sheets.Where(s => MetadataReader.CoverSheetNames.Any(n => Text.Nfkc(s.Name).Contains(n))))
            Merge(MetadataReader.Read(sheet, file, 1, sheet.RowCount));
        foreach (var (sheet, header) in tables.Skip(1))
            Merge(MetadataReader.Read(sheet, file, 1, header.Row - 1));
        if (tables.Count == 0)
            foreach (var sheet in book.Sheets)
                Merge(MetadataReader.Read(sheet, file, 1, Math.Min(sheet.RowCount, 40)));
        return new SubmissionMetadata
        {
            Target = found.GetValueOrDefault(MetaKey.Target),
            FiscalYear = found.GetValueOrDefault(MetaKey.FiscalYear),
            AuditDate = found.GetValueOrDefault(MetaKey.AuditDate),
            SubmittedOn = found.GetValueOrDefault(MetaKey.SubmittedOn),
            Submitter = found.GetValueOrDefault(MetaKey.Submitter),
            Auditor = found.GetValueOrDefault(MetaKey.Auditor),
            Vendor = found.GetValueOrDefault(MetaKey.Vendor),
            Organisation = found.GetValueOrDefault(MetaKey.Organisation),
            Role = found.GetValueOrDefault(MetaKey.Role),
        };
    }

    /// <summary>
    /// 区分 when present; else a judgment column means auditor, an answer column without
    /// judgment means vendor, neither means master list. A table with both columns is both
    /// when both hold values: the checklist was sent to the vendor first, then judged.
    /// </summary>
    private static SubmissionRole DecideRole(SubmissionMetadata meta, List<(RawSheet Sheet, HeaderRow Header)> tables)
    {
        var stated = Roles.FromText(meta.Role?.Text);
        var hasJudgment = tables.Any(t => t.Header.Has(ColumnKind.Judgment));
        var hasAnswer = tables.Any(t => t.Header.Has(ColumnKind.Answer));
        var judgmentsFilled = hasJudgment && tables.Any(t => Filled(t.Sheet, t.Header, ColumnKind.Judgment));
        var answersFilled = hasAnswer && tables.Any(t => Filled(t.Sheet, t.Header, ColumnKind.Answer));

        switch (stated)
        {
            case SubmissionRole.Master:
                return SubmissionRole.Master;
            case SubmissionRole.Auditor:
                return answersFilled && meta.Vendor is not null ? SubmissionRole.Auditor | SubmissionRole.Vendor : SubmissionRole.Auditor;
            case SubmissionRole.Vendor:
                return judgmentsFilled && meta.Auditor is not null ? SubmissionRole.Auditor | SubmissionRole.Vendor : SubmissionRole.Vendor;
        }
        if (hasJudgment && hasAnswer)
        {
            if (judgmentsFilled && answersFilled) return SubmissionRole.Auditor | SubmissionRole.Vendor;
            if (answersFilled) return SubmissionRole.Vendor;
            return SubmissionRole.Auditor;
        }
        if (hasJudgment) return SubmissionRole.Auditor;
        if (hasAnswer) return SubmissionRole.Vendor;
        return SubmissionRole.Master;
    }

    private static bool Filled(RawSheet sheet, HeaderRow header, ColumnKind kind)
    {
        var c = header.Column(kind)!.Value;
        var id = header.Column(ColumnKind.Id)!.Value;
        for (var r = header.Row + 1; r <= sheet.RowCount; r++)
            if (sheet[r, c].Trim().Length > 0 && ItemIds.LooksLikeId(ItemIds.Normalise(sheet[r, id])))
                return true;
        return false;
    }

    private (AuditKey? Key, string? Origin, string Missing) ResolveKey(SourceFile source, SubmissionMetadata meta)
    {
        string? target = meta.Target is { IsEmpty: false } t ? t.Text : null;
        int? year = meta.FiscalYear is { } fy && JapaneseDates.TryParseFiscalYear(fy.Text, out var y) ? y : null;
        var origin = "metadata";
        if (target is null || year is null)
        {
            var (ft, fyear) = AuditKeys.FromFolders(source.Folders);
            if ((target is null && ft is not null) || (year is null && fyear is not null)) origin = "folder";
            target ??= ft;
            year ??= fyear;
        }
        if (target is null || year is null)
        {
            if ((target is null && _options.DefaultTarget is not null) || (year is null && _options.DefaultFiscalYear is not null)) origin = "settings";
            target ??= _options.DefaultTarget;
            year ??= _options.DefaultFiscalYear;
        }
        if (target is null || year is null)
        {
            var missing = new List<string>();
            if (target is null) missing.Add("対象業務 (target system)");
            // The cell is named, not its text: rejections go to error files and logs.
            if (year is null) missing.Add(meta.FiscalYear is null ? "年度 (fiscal year)" : $"読める年度 (a readable fiscal year; {meta.FiscalYear.Cell.Sheet}!{meta.FiscalYear.Cell.Address} is not one)");
            return (null, null, string.Join("・", missing));
        }
        return (new AuditKey(target, year.Value), origin, "");
    }

    private static (Party Auditor, Party Vendor, bool VendorAssumed) Parties(SourceFile source, SubmissionMetadata meta, SubmissionRole role)
    {
        // The person without honorific, the role (（監査人）, 監査責任者：) apart: see SubmitterNames.
        static (string? Person, string? Title) Person(Field? f) => f is null || f.IsEmpty ? (null, null) : SubmitterNames.Person(f.Text);

        var both = role.HasFlag(SubmissionRole.Auditor) && role.HasFlag(SubmissionRole.Vendor);
        var (auditorPerson, title) = Person(meta.Auditor ?? (both ? null : meta.Submitter));
        var auditor = new Party(both ? null : meta.Organisation?.Text, auditorPerson, title);

        var vendorOrg = meta.Vendor?.Text ?? (role == SubmissionRole.Vendor ? meta.Organisation?.Text : null);
        var assumed = false;
        if (vendorOrg is null)
        {
            assumed = true;
            vendorOrg = source.Folders.Count > 0 ? source.Folders[^1] : Path.GetFileNameWithoutExtension(source.Name);
        }
        var vendor = new Party(vendorOrg, meta.Submitter?.Text);
        return (auditor, vendor, assumed);
    }

    private static DateOnly? ParseDate(Field? f) =>
        f is not null && JapaneseDates.TryParseDate(f.Text, out var d) ? d : null;

    internal static string Describe(Submission s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Source.RelativePath}: {s.Role.Label()} {s.Key} rows={s.Rows.Count}");
}
