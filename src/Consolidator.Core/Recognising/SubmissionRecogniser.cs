using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Reading;
using Consolidator.Core.Writing;

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
        var lexicon = _options.Lexicon;
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
            var header = HeaderFinder.Find(sheet, _options.MaxHeaderRow, lexicon);
            if (header is null)
            {
                reports.Add(new SheetReport(sheet.Name, sheet.Hidden, null, [], 0,
                    sheet.RowCount == 0 ? "空 / empty" : lexicon.IsCoverSheet(sheet.Name) ? "表紙 / cover sheet" : "表なし / no item table"));
                continue;
            }
            tables.Add((sheet, HeaderFinder.WithJudgmentByContent(sheet, header, lexicon, _options.JudgingScale)));
        }

        var baseSubmission = new Submission { Source = source, Format = book.Format, Sheets = reports };
        if (tables.Count == 0)
        {
            var empty = book.Sheets.All(s => s.Rows.All(r => r.All(string.IsNullOrWhiteSpace)));
            var meta = ReadMetadata(book, tables, file, lexicon);
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

        // Legends are read on every sheet: a 凡例 sheet speaks for the others.
        var scale = _options.JudgingScale;
        var cells = book.Sheets.ToDictionary(s => s, s => new OwnCells(s));
        var legends = book.Sheets.Where(s => !ScaleSheetReader.IsScaleSheet(s))
            .ToDictionary(s => s, s => LegendReader.Read(s, file, scale, tables.FirstOrDefault(t => t.Sheet == s).Header, cells[s]));
        var read = tables.Select(t => (t.Sheet, t.Header, Tables: TableReader.Read(file, t.Sheet, t.Header, lexicon, legends[t.Sheet], cells[t.Sheet]))).ToList();

        var metadata = ReadMetadata(book, tables, file, lexicon);
        var (role, roleJa, roleEn) = DecideRole(metadata, read.Select(t => (t.Sheet, t.Tables)).ToList(), file);
        var (key, keyOrigin, missing) = ResolveKey(source, metadata);
        var (auditor, vendor, vendorAssumed) = Parties(source, metadata, role);

        var notes = new List<ReviewNote>();
        var rows = new List<ItemRow>();
        var mappings = new List<ScaleMapping>();
        var others = new List<TableRow>();
        var counts = RowCounts.Zero;
        foreach (var (sheet, header, sheetTables) in read)
        {
            var vocabulary = Vocabulary(file, sheet, sheetTables, legends, scale);
            var before = rows.Count;
            ReadRows(file, sheet, sheetTables, role, vocabulary, rows, notes);
            mappings.AddRange(vocabulary.Mappings());
            others.AddRange(sheetTables.Others);
            foreach (var o in sheetTables.Others.Where(o => o.Kind == RowKind.Listed))
                notes.Add(Notes.RowNotUsed(o.Cell, o.Text, o.ReasonJa, o.ReasonEn));
            counts += sheetTables.Counts;
            reports.Add(new SheetReport(sheet.Name, sheet.Hidden, header.Row, ColumnLabels(header), rows.Count - before, null)
            {
                Counts = sheetTables.Counts,
                MoreHeaderRows = sheetTables.Headers.Skip(1).Select(h => h.Row).ToList(),
                Unrecognised = sheetTables.Headers.SelectMany(h => h.Unrecognised.Select(u => $"{CellRef.ColumnName(u.Column)}{h.Row}「{u.Text}」")).Distinct().ToList(),
                IdByContent = header.IdByContent,
            });
        }
        rows = ParallelSheets.Merge(rows);
        if (vendorAssumed && role.HasFlag(SubmissionRole.Vendor) && role.HasFlag(SubmissionRole.Auditor))
            notes.Add(Notes.VendorNotNamed(new CellRef(file, tables[0].Sheet.Name, tables[0].Header.Row, tables[0].Header.Column(ColumnKind.Answer) ?? 1), vendor!.Organisation ?? ""));

        return baseSubmission with
        {
            Role = role,
            RoleReasonJa = roleJa,
            RoleReasonEn = roleEn,
            Key = key,
            KeyOrigin = keyOrigin,
            Metadata = metadata,
            Auditor = role.HasFlag(SubmissionRole.Auditor) ? auditor : null,
            Vendor = role.HasFlag(SubmissionRole.Vendor) ? vendor : null,
            SubmittedOn = ParseDate(metadata.SubmittedOn),
            Scale = role == SubmissionRole.Master
                ? book.Sheets.Where(ScaleSheetReader.IsScaleSheet).Select(ScaleSheetReader.Read).FirstOrDefault(x => x is not null)?.WithSpellings(_options.Profile.JudgmentSpellings)
                : null,
            AuditDate = ParseDate(metadata.AuditDate),
            Rows = rows,
            RowsWithoutId = counts.Listed,
            Counts = counts,
            OtherRows = others,
            ScaleMappings = Combine(mappings),
            Notes = notes,
            Sheets = reports,
            Rejection = key is null ? Rejections.NoAuditKey(missing) : null,
        };
    }

    /// <summary>The columns of a header in sheet order, each category column named.</summary>
    private static List<string> ColumnLabels(HeaderRow header) =>
        header.Columns.Where(c => c.Key != ColumnKind.Category).Select(c => (c.Value, c.Key))
            .Concat(header.CategoryColumns.Select(c => (c, ColumnKind.Category)))
            .OrderBy(c => c.Item1).Select(c => ColumnSynonyms.Label(c.Item2)).ToList();

    /// <summary>A sheet's vocabulary: its own legends first, then the other sheets', and the dropdowns on its judgment columns.</summary>
    private static JudgmentVocabulary Vocabulary(string file, RawSheet sheet, SheetTables tables, Dictionary<RawSheet, Legend> legends, JudgmentScale scale)
    {
        var entries = legends[sheet].Entries.Concat(legends.Where(l => l.Key != sheet).SelectMany(l => l.Value.Entries));
        var dropdown = new List<(string, CellRef)>();
        // A dropdown counts where it covers the judgment cell of an item (not the rows below the table).
        foreach (var d in sheet.Dropdowns)
            if (tables.Items.FirstOrDefault(i => i.Header.Column(ColumnKind.Judgment) is { } c && d.Range.Contains(i.Row, c)) is { } item)
                dropdown.AddRange(d.Values.Select(v => (v, new CellRef(file, sheet.Name, item.Row, item.Header.Column(ColumnKind.Judgment)!.Value))));
        return new JudgmentVocabulary(scale, entries, dropdown);
    }

    /// <summary>The mappings of every sheet, one per spelling, cells added up.</summary>
    private static List<ScaleMapping> Combine(List<ScaleMapping> mappings) =>
        mappings.GroupBy(m => (m.Spelling, m.Symbol, m.Source), x => x)
            .Select(g => g.First() with { Cells = g.Sum(m => m.Cells) })
            .OrderByDescending(m => m.Cells).ThenBy(m => m.Spelling, StringComparer.Ordinal).ToList();

    private void ReadRows(string file, RawSheet sheet, SheetTables tables, SubmissionRole role, JudgmentVocabulary vocabulary,
        List<ItemRow> rows, List<ReviewNote> notes)
    {
        var judging = role.HasFlag(SubmissionRole.Auditor);
        var answering = role.HasFlag(SubmissionRole.Vendor);
        var firstCell = new Dictionary<string, CellRef>(StringComparer.Ordinal);
        foreach (var line in tables.Items)
        {
            var r = line.Row;
            var header = line.Header;
            Field? Get(ColumnKind kind)
            {
                if (header.Column(kind) is not { } c) return null;
                return new Field(sheet[r, c].Trim(), new CellRef(file, sheet.Name, r, c));
            }

            var id = line.Id;
            var judgment = judging ? Get(ColumnKind.Judgment) : null;
            var answer = answering ? Get(ColumnKind.Answer) : null;
            var finding = Get(ColumnKind.Finding);
            var (parsed, auditorNotes) = Judge(_options.JudgingScale, id, judgment, finding, vocabulary);
            var parsedAnswer = answer is null ? VendorAnswer.NoAnswer : VendorAnswers.Parse(answer.Text, _options.Lexicon.Answers);
            var vendorNotes = new List<ReviewNote>();
            if (answer is not null && parsedAnswer == VendorAnswer.Invalid) vendorNotes.Add(Notes.InvalidAnswer(id, answer.Cell, answer.Text));

            // A repeat inside one sheet is a duplicate; the same id on another sheet is a scope (ParallelSheets).
            var duplicate = false;
            if (!firstCell.TryAdd(id, line.RawId.Cell))
            {
                duplicate = true;
                notes.Add(Notes.DuplicateItemId(id, firstCell[id], line.RawId.Cell, line.RawId.Text));
            }

            var category = line.Path.Count > 0
                ? new Field(string.Join(" › ", line.Path), line.PathCell ?? line.RawId.Cell)
                : Get(ColumnKind.Category);
            var text = Get(ColumnKind.ItemText);
            if (line.Words is not null && (text is null || text.IsEmpty)) text = line.Words;
            rows.Add(new ItemRow
            {
                Id = id,
                RawId = line.RawId,
                Sheet = sheet.Name,
                Row = r,
                Category = category,
                CategoryPath = line.Path,
                ItemText = text,
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
    }

    /// <summary>
    /// A judgment cell read on a scale, with its problems: invalid, symbol and label that
    /// disagree, △ or × without 指摘内容. Used again when an audit's master list brings its own scale.
    /// </summary>
    /// <summary>
    /// A row's judgment read through the workbook's own legend (<see cref="JudgmentVocabulary"/>): a symbol
    /// the legend defines but the scale has not is named with the legend's cell; the rest is <see cref="Judging"/>.
    /// </summary>
    private static (ParsedJudgment Parsed, List<ReviewNote> Notes) Judge(JudgmentScale scale, string id, Field? judgment, Field? finding,
        JudgmentVocabulary? vocabulary)
    {
        if (judgment is null || vocabulary is null) return Judging.Judge(scale, id, judgment, finding);
        var parsed = vocabulary.Parse(judgment.Text, judgment.Cell);
        if (parsed.State == JudgmentState.Invalid && vocabulary.Unmapped(judgment.Text) is { } legend)
            return (parsed, [Notes.JudgmentNotOnScale(id, judgment.Cell, judgment.Text, legend.Meaning, legend.Cell)]);
        return (parsed, Judging.Check(parsed, id, judgment, finding));
    }

    private static SubmissionMetadata ReadMetadata(RawWorkbook book, List<(RawSheet Sheet, HeaderRow Header)> tables, string file, Lexicon lexicon)
    {
        var found = new Dictionary<MetaKey, Field>();
        void Merge(Dictionary<MetaKey, Field> more)
        {
            foreach (var (k, v) in more) found.TryAdd(k, v);
        }
        foreach (var (sheet, header) in tables.Take(1))
            Merge(MetadataReader.Read(sheet, file, 1, header.Row - 1, lexicon));
        foreach (var sheet in book.Sheets.Where(s => lexicon.IsCoverSheet(s.Name)))
            Merge(MetadataReader.Read(sheet, file, 1, sheet.RowCount, lexicon));
        foreach (var (sheet, header) in tables.Skip(1))
            Merge(MetadataReader.Read(sheet, file, 1, header.Row - 1, lexicon));
        if (tables.Count == 0)
            foreach (var sheet in book.Sheets)
                Merge(MetadataReader.Read(sheet, file, 1, Math.Min(sheet.RowCount, 40), lexicon));
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
    /// Returns the role and what decided it, in Japanese and English.
    /// </summary>
    private static (SubmissionRole Role, string Ja, string En) DecideRole(SubmissionMetadata meta, List<(RawSheet Sheet, SheetTables Tables)> tables, string file)
    {
        var stated = Roles.FromText(meta.Role?.Text);
        var judgment = Column(tables, ColumnKind.Judgment, file);
        var answer = Column(tables, ColumnKind.Answer, file);
        var judged = Filled(tables, ColumnKind.Judgment, file);
        var answered = Filled(tables, ColumnKind.Answer, file);
        string Has(string ja, CellRef? header, CellRef? filled) =>
            $"{ja}の列（{header!.Sheet}!{header.Address}「{Text.Collapsed(Header(tables, header))}」）" + (filled is null ? "があり値は未記入" : $"に値あり（{filled.Sheet}!{filled.Address} など）");
        string HasEn(string en, CellRef? header, CellRef? filled) =>
            $"a {en} column ({header!.Sheet}!{header.Address}) " + (filled is null ? "without values" : $"with values ({filled.Sheet}!{filled.Address} …)");

        if (stated != SubmissionRole.None && meta.Role is { } r)
        {
            var said = $"区分「{r.Text}」（{r.Cell.Sheet}!{r.Cell.Address}）";
            var saidEn = $"区分 '{r.Text}' ({r.Cell.Sheet}!{r.Cell.Address})";
            switch (stated)
            {
                case SubmissionRole.Master:
                    return (SubmissionRole.Master, said + "による", "stated by " + saidEn);
                case SubmissionRole.Auditor when answered is not null && meta.Vendor is not null:
                    return (SubmissionRole.Auditor | SubmissionRole.Vendor, $"{said}、{Has("事前回答", answer, answered)}、事業者名があるため", $"stated by {saidEn}; {HasEn("pre-answer", answer, answered)} and a vendor named");
                case SubmissionRole.Auditor:
                    return (SubmissionRole.Auditor, said + "による", "stated by " + saidEn);
                case SubmissionRole.Vendor when judged is not null && meta.Auditor is not null:
                    return (SubmissionRole.Auditor | SubmissionRole.Vendor, $"{said}、{Has("判定", judgment, judged)}、監査人名があるため", $"stated by {saidEn}; {HasEn("judgment", judgment, judged)} and an auditor named");
                case SubmissionRole.Vendor:
                    return (SubmissionRole.Vendor, said + "による", "stated by " + saidEn);
            }
        }
        if (judgment is not null && answer is not null)
        {
            if (judged is not null && answered is not null)
                return (SubmissionRole.Auditor | SubmissionRole.Vendor, $"{Has("判定", judgment, judged)}、{Has("事前回答", answer, answered)}のため", $"{HasEn("judgment", judgment, judged)} and {HasEn("pre-answer", answer, answered)}");
            if (answered is not null)
                return (SubmissionRole.Vendor, $"{Has("事前回答", answer, answered)}、判定は未記入のため", $"{HasEn("pre-answer", answer, answered)}; no judgment filled in");
            return (SubmissionRole.Auditor, $"{Has("判定", judgment, judged)}のため", HasEn("judgment", judgment, judged));
        }
        if (judgment is not null) return (SubmissionRole.Auditor, $"{Has("判定", judgment, judged)}のため", HasEn("judgment", judgment, judged));
        if (answer is not null) return (SubmissionRole.Vendor, $"{Has("事前回答", answer, answered)}、判定の列がないため", $"{HasEn("pre-answer", answer, answered)}; no judgment column");
        return (SubmissionRole.Master, "区分の記載がなく、判定・事前回答の列もないため", "no 区分, and neither a judgment nor a pre-answer column");
    }

    private static string Header(List<(RawSheet Sheet, SheetTables Tables)> tables, CellRef cell) =>
        tables.First(t => t.Sheet.Name == cell.Sheet).Sheet[cell.Row, cell.Column];

    /// <summary>The header cell of the first table with a column of the kind.</summary>
    private static CellRef? Column(List<(RawSheet Sheet, SheetTables Tables)> tables, ColumnKind kind, string file)
    {
        foreach (var (sheet, t) in tables)
            foreach (var h in t.Headers)
                if (h.Column(kind) is { } c) return new CellRef(file, sheet.Name, h.Row, c);
        return null;
    }

    /// <summary>The first item cell of the kind holding a value, or null.</summary>
    private static CellRef? Filled(List<(RawSheet Sheet, SheetTables Tables)> tables, ColumnKind kind, string file)
    {
        foreach (var (sheet, t) in tables)
            foreach (var item in t.Items)
                if (item.Header.Column(kind) is { } c && sheet[item.Row, c].Trim().Length > 0)
                    return new CellRef(file, sheet.Name, item.Row, c);
        return null;
    }

    private (AuditKey? Key, string? Origin, string Missing) ResolveKey(SourceFile source, SubmissionMetadata meta)
    {
        // A target made only of dots, spaces, slashes or invisible characters names nothing (and would
        // make another audit's file name): it counts as missing.
        string? target = meta.Target is { IsEmpty: false } t && OutputNames.IsName(t.Text) ? t.Text : null;
        int? year = meta.FiscalYear is { } fy && JapaneseDates.TryParseFiscalYear(fy.Text, out var y) ? y : null;
        var origin = "metadata";
        if (target is null || year is null)
        {
            var (ft, fyear) = AuditKeys.FromFolders(source.Folders);
            if (!OutputNames.IsName(ft)) ft = null;
            if ((target is null && ft is not null) || (year is null && fyear is not null)) origin = "folder";
            target ??= ft;
            year ??= fyear;
        }
        if (target is null || year is null)
        {
            if ((target is null && _options.DefaultTarget is not null) || (year is null && _options.DefaultFiscalYear is not null)) origin = "settings";
            target ??= OutputNames.IsName(_options.DefaultTarget) ? _options.DefaultTarget : null;
            year ??= _options.DefaultFiscalYear;
        }
        if (target is null || year is null)
        {
            var missing = new List<string>();
            if (target is null)
                missing.Add(meta.Target is { IsEmpty: false } named
                    ? $"名前として読める対象業務 (a target that names something; {named.Cell.Sheet}!{named.Cell.Address} holds only dots, spaces, slashes or invisible characters)"
                    : "対象業務 (target system)");
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
