using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>
/// What intake made of a workbook carrying a template's hidden sheet: the template it names,
/// the submission read exactly by the recorded layout (null when the layout no longer matches),
/// and the workbook without the hidden sheet for the general reading to fall back on.
/// </summary>
internal sealed record TemplateMatch(TemplateInfo? Info, Submission? Exact, RawWorkbook Remainder, string Why)
{
    /// <summary>The general reading of <see cref="Remainder"/>, marked with the template it came from and why it was read by content.</summary>
    public Submission Stamp(Submission general) => general with
    {
        Template = Info?.Label ?? general.Template,
        Sheets = [.. general.Sheets, new SheetReport(TemplateInfo.SheetName, true, null, [], 0,
            $"テンプレート{(Info is null ? "" : " " + Info.Label)}の様式と一致しないため内容から読み取り（{Why}） / layout changed, read by content")],
    };
}

/// <summary>
/// Reads a filled template exactly: the hidden sheet (<see cref="TemplateInfo"/>) says which
/// sheet, header row, columns, metadata cells and item rows the template was written with, and
/// every value is taken from those cells — no header search, no guessing of role or audit key.
/// When anything disagrees with the record (rows moved or added, headers or locked cells
/// changed, another table added, an unknown layout version), the workbook is read by content
/// instead, so nothing a person wrote is lost.
/// </summary>
internal static class TemplateRecogniser
{
    /// <summary>Null when the workbook is not a template.</summary>
    public static TemplateMatch? Match(SourceFile source, RawWorkbook book, RecognitionOptions options)
    {
        var infoSheet = book.Sheets.FirstOrDefault(TemplateInfo.IsInfoSheet);
        if (infoSheet is null) return null;
        var remainder = book with { Sheets = book.Sheets.Where(s => !ReferenceEquals(s, infoSheet)).ToList() };
        var info = TemplateInfoReader.Parse(infoSheet);
        if (info is null) return new TemplateMatch(null, null, remainder, "テンプレート情報を読めません / unreadable template record");
        var why = Mismatch(book, info, options);
        return new TemplateMatch(info, why is null ? Read(source, book, info, options) : null, remainder, why ?? "");
    }

    /// <summary>Why the workbook no longer has the recorded layout, or null when it does.</summary>
    private static string? Mismatch(RawWorkbook book, TemplateInfo info, RecognitionOptions options)
    {
        if (info.Version != TemplateInfo.LayoutVersion) return $"様式バージョン {info.Version} / layout version {info.Version}";
        if (info.Key is null || !Writing.OutputNames.IsName(info.Key.Target) || info.Role is not (SubmissionRole.Auditor or SubmissionRole.Vendor))
            return "テンプレート情報が不完全 / incomplete template record";
        var sheet = book.Sheets.FirstOrDefault(s => s.Name == info.ItemSheet);
        if (sheet is null) return $"シート「{info.ItemSheet}」がありません / sheet missing";
        if (!info.Columns.Any(c => c.Kind == ColumnKind.Id) || info.Items.Count == 0) return "テンプレート情報が不完全 / incomplete template record";
        foreach (var c in info.Columns)
            if (Text.HeaderKey(sheet[info.HeaderRow, c.Column]) != Text.HeaderKey(c.Header))
                return $"見出し「{c.Header}」が変更 / header changed";

        var expected = new Dictionary<MetaKey, string>
        {
            [MetaKey.Role] = info.Role.Label(),
            [MetaKey.Target] = info.Key.Target,
            [MetaKey.FiscalYear] = info.Key.FiscalYearLabel,
        };
        foreach (var (key, text) in expected)
            if (!info.Fields.TryGetValue(key, out var cell) || Text.NfkcCollapsed(sheet[cell.Row, cell.Column]) != Text.NfkcCollapsed(text))
                return "区分・対象業務・年度の欄が変更 / metadata changed";

        var id = info.Columns.First(c => c.Kind == ColumnKind.Id).Column;
        foreach (var (row, itemId) in info.Items)
            if (ItemIds.Normalise(sheet[row, id]) != itemId)
                return $"{row} 行目の項目番号が変更 / item id in row {row} changed";

        // Nothing written below the items, and no other table in the workbook: those rows would not be read.
        var lastItem = info.Items.Max(i => i.Row);
        var lastColumn = info.Columns.Max(c => c.Column);
        for (var r = lastItem + 1; r <= sheet.RowCount; r++)
            for (var c = 1; c <= lastColumn; c++)
                if (sheet[r, c].Trim().Length > 0)
                    return $"表の下に記入（{new CellRef("", "", r, c).Address}） / content below the items";
        foreach (var other in book.Sheets.Where(s => s != sheet && !TemplateInfo.IsInfoSheet(s)))
            if (HeaderFinder.Find(other, options.MaxHeaderRow, options.Lexicon) is not null)
                return $"シート「{other.Name}」に別の表 / another table";
        return null;
    }

    private static Submission Read(SourceFile source, RawWorkbook book, TemplateInfo info, RecognitionOptions options)
    {
        var file = source.RelativePath;
        var sheet = book.Sheets.First(s => s.Name == info.ItemSheet);
        Field Cell(int row, int column) => new(sheet[row, column].Trim(), new CellRef(file, sheet.Name, row, column));
        Field? Meta(MetaKey key) => info.Fields.TryGetValue(key, out var c) ? new Field(Text.NfkcCollapsed(sheet[c.Row, c.Column]), new CellRef(file, sheet.Name, c.Row, c.Column)) : null;
        Field? NonEmpty(Field? f) => f is { IsEmpty: false } ? f : null;

        var metadata = new SubmissionMetadata
        {
            Role = Meta(MetaKey.Role),
            Target = Meta(MetaKey.Target),
            FiscalYear = Meta(MetaKey.FiscalYear),
            AuditDate = NonEmpty(Meta(MetaKey.AuditDate)),
            SubmittedOn = NonEmpty(Meta(MetaKey.SubmittedOn)),
            Submitter = NonEmpty(Meta(MetaKey.Submitter)),
            Auditor = NonEmpty(Meta(MetaKey.Auditor)),
            Vendor = NonEmpty(Meta(MetaKey.Vendor)),
            Organisation = NonEmpty(Meta(MetaKey.Organisation)),
        };
        var role = info.Role;
        var notes = new List<ReviewNote>();
        Party? auditor = null, vendor = null;
        if (role == SubmissionRole.Auditor)
        {
            var (person, title) = SubmitterNames.Person(metadata.Auditor?.Text);
            auditor = new Party(metadata.Organisation?.Text, person, title);
        }
        else
        {
            var org = metadata.Vendor?.Text;
            if (org is null)
            {
                org = source.Folders.Count > 0 ? source.Folders[^1] : Path.GetFileNameWithoutExtension(source.Name);
                (int Row, int Column) cell = info.Fields.TryGetValue(MetaKey.Vendor, out var c) ? c : (info.HeaderRow, 1);
                notes.Add(Notes.VendorNotNamed(new CellRef(file, sheet.Name, cell.Row, cell.Column), org));
            }
            vendor = new Party(org, metadata.Submitter?.Text);
        }

        var column = info.Columns.ToDictionary(c => c.Kind, c => c.Column);
        Field? Get(int row, ColumnKind kind) => column.TryGetValue(kind, out var c) ? Cell(row, c) : null;
        var rows = new List<ItemRow>();
        foreach (var (r, id) in info.Items)
        {
            var judgment = role == SubmissionRole.Auditor ? Get(r, ColumnKind.Judgment) : null;
            var answer = role == SubmissionRole.Vendor ? Get(r, ColumnKind.Answer) : null;
            var finding = Get(r, ColumnKind.Finding);
            var (parsed, auditorNotes) = Judging.Judge(options.JudgingScale, id, judgment, finding);
            var parsedAnswer = answer is null ? VendorAnswer.NoAnswer : VendorAnswers.Parse(answer.Text, options.Lexicon.Answers);
            var vendorNotes = new List<ReviewNote>();
            if (answer is not null && parsedAnswer == VendorAnswer.Invalid) vendorNotes.Add(Notes.InvalidAnswer(id, answer.Cell, answer.Text));
            rows.Add(new ItemRow
            {
                Id = id,
                RawId = Get(r, ColumnKind.Id)!,
                Sheet = sheet.Name,
                Row = r,
                Category = Get(r, ColumnKind.Category),
                ItemText = Get(r, ColumnKind.ItemText),
                Basis = Get(r, ColumnKind.Basis),
                Judgment = judgment,
                ParsedJudgment = parsed,
                Finding = finding,
                Recommendation = Get(r, ColumnKind.Recommendation),
                Answer = answer,
                ParsedAnswer = parsedAnswer,
                AnswerDetail = Get(r, ColumnKind.AnswerDetail),
                Evidence = Get(r, ColumnKind.Evidence),
                Remarks = Get(r, ColumnKind.Remarks),
                AuditorNotes = auditorNotes,
                VendorNotes = vendorNotes,
            });
        }

        static DateOnly? Date(Field? f) => f is not null && JapaneseDates.TryParseDate(f.Text, out var d) ? d : null;
        return new Submission
        {
            Source = source,
            Format = book.Format,
            Role = role,
            Key = info.Key,
            KeyOrigin = "template",
            Metadata = metadata,
            Auditor = auditor,
            Vendor = vendor,
            SubmittedOn = Date(metadata.SubmittedOn),
            AuditDate = Date(metadata.AuditDate),
            Rows = rows,
            Counts = RowCounts.Zero with { Items = rows.Count },
            RoleReasonJa = $"テンプレート {info.Label} の記録による",
            RoleReasonEn = $"recorded by template {info.Label}",
            Notes = notes,
            Template = info.Label,
            Sheets =
            [
                new SheetReport(sheet.Name, sheet.Hidden, info.HeaderRow,
                    info.Columns.OrderBy(c => c.Column).Select(c => ColumnSynonyms.Label(c.Kind)).ToList(), rows.Count,
                    $"テンプレート {info.Label} として読み取り / read as template {info.Label}"),
                new SheetReport(TemplateInfo.SheetName, true, null, [], 0, "テンプレート管理 / template record"),
            ],
        };
    }
}
