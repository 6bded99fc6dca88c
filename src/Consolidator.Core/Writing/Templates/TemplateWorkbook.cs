using ClosedXML.Excel;
using Consolidator.Core.Model;
using Consolidator.Core.Recognising;

namespace Consolidator.Core.Writing.Templates;

/// <summary>
/// Writes a blank auditor checklist or vendor pre-answer workbook from the master list, made so
/// that it can only be filled the right way and reads back exactly:
/// <list type="bullet">
/// <item>instructions in Japanese, then the metadata block (区分, 対象業務, 年度 prefilled and
/// locked; the name prefilled when known; the date and the rest to fill);</item>
/// <item>the items (id, category, text, basis) locked by sheet protection without a password,
/// only the answer columns and the metadata to fill are editable (and yellow);</item>
/// <item>a dropdown on 判定 (the configured scale) or 事前回答, input hints on the free-text
/// columns, A4 landscape printing with the header row repeated;</item>
/// <item>a hidden sheet (<see cref="TemplateInfo"/>) with the template id, layout version and
/// item rows, which intake reads first.</item>
/// </list>
/// The layout is the general one too (metadata above a header row of known column names), so
/// a template whose layout someone changed still reads by content.
/// </summary>
public static class TemplateWorkbook
{
    private const int Columns = 8;
    private static readonly XLColor InputFill = XLColor.FromHtml("#FFF2CC");
    private static readonly XLColor KeyFill = XLColor.FromHtml("#EDEDED");

    /// <summary>The item table: what each column holds, its header, width, and whether it is filled in.</summary>
    private sealed record ColumnSpec(ColumnKind Kind, string Header, double Width, bool Input, bool Center = false);

    private static IReadOnlyList<ColumnSpec> Table(SubmissionRole role) => role == SubmissionRole.Vendor
        ?
        [
            new(ColumnKind.Id, "No.", 7, false, Center: true),
            new(ColumnKind.Category, "分類", 14, false),
            new(ColumnKind.ItemText, "監査項目", 50, false),
            new(ColumnKind.Basis, "根拠", 12, false),
            new(ColumnKind.Answer, "事前回答", 11, true, Center: true),
            new(ColumnKind.AnswerDetail, "回答内容", 44, true),
            new(ColumnKind.Evidence, "証跡", 30, true),
            new(ColumnKind.Remarks, "備考", 20, true),
        ]
        :
        [
            new(ColumnKind.Id, "No.", 7, false, Center: true),
            new(ColumnKind.Category, "分類", 14, false),
            new(ColumnKind.ItemText, "監査項目", 50, false),
            new(ColumnKind.Basis, "根拠", 12, false),
            new(ColumnKind.Judgment, "判定", 15, true, Center: true),
            new(ColumnKind.Finding, "指摘内容", 40, true),
            new(ColumnKind.Recommendation, "改善提案", 34, true),
            new(ColumnKind.Remarks, "備考", 22, true),
        ];

    /// <summary>The metadata block: three rows of two key/value pairs (key in A:B, value in C; key in D, value in E:H).</summary>
    private static (MetaKey Key, string Label, string? Value, bool Input)[][] MetadataRows(TemplateDefinition t) => t.Role == SubmissionRole.Vendor
        ?
        [
            [(MetaKey.Role, "区分", SubmissionRole.Vendor.Label(), false), (MetaKey.Target, "対象業務", t.Key.Target, false)],
            [(MetaKey.FiscalYear, "年度", t.Key.FiscalYearLabel, false), (MetaKey.SubmittedOn, "提出日", null, true)],
            [(MetaKey.Vendor, "事業者名", t.Name, t.Name is null), (MetaKey.Submitter, "提出者", null, true)],
        ]
        :
        [
            [(MetaKey.Role, "区分", SubmissionRole.Auditor.Label(), false), (MetaKey.Target, "対象業務", t.Key.Target, false)],
            [(MetaKey.FiscalYear, "年度", t.Key.FiscalYearLabel, false), (MetaKey.AuditDate, "実施日", null, true)],
            [(MetaKey.Organisation, "所属", null, true), (MetaKey.Auditor, "監査人", t.Name, t.Name is null)],
        ];

    /// <summary>The file name: 対象業務_年度_チェックリスト_name.xlsx or 対象業務_年度_事前回答_name.xlsx.</summary>
    public static string FileName(TemplateDefinition t) =>
        OutputNames.Safe($"{t.Key.Target}_{t.Key.FiscalYearLabel}_{TemplateTexts.SheetName(t.Role)}" + (t.Name is null ? "" : "_" + t.Name)) + ".xlsx";

    public static void Write(TemplateDefinition t, string path) => AtomicFile.Write(path, s => Write(t, s));

    public static void Write(TemplateDefinition t, Stream stream)
    {
        lock (ClosedXmlGate.Lock) Build(t, stream);
    }

    private static void Build(TemplateDefinition t, Stream stream)
    {
        if (t.Role is not (SubmissionRole.Auditor or SubmissionRole.Vendor))
            throw new ArgumentException("A template is for an auditor or a vendor.", nameof(t));
        using var wb = new XLWorkbook();
        var title = TemplateTexts.Title(t);
        wb.Properties.Title = title + (t.Name is null ? "" : $" {t.Name}");
        wb.Properties.Subject = "情報セキュリティ監査 記入用テンプレート";
        wb.Properties.Author = "Consolidator";
        wb.Properties.Keywords = $"{t.Id} v{TemplateDefinition.LayoutVersion}";
        wb.Properties.Created = t.GeneratedAt.DateTime;
        wb.Properties.Modified = t.GeneratedAt.DateTime;

        var ws = wb.AddWorksheet(TemplateTexts.SheetName(t.Role));
        var infoSheet = wb.AddWorksheet(TemplateInfo.SheetName);
        var columns = Table(t.Role);
        var inputs = columns.Where(c => c.Input).Select(c => c.Header).ToList();
        var meta = MetadataRows(t);
        inputs.AddRange(meta.SelectMany(r => r).Where(f => f.Input).Select(f => f.Label));
        var instructions = TemplateTexts.Instructions(t, inputs);

        var metaRow = 4 + instructions.Count + 1;
        var header = metaRow + meta.Length + 1;
        var first = header + 1;
        var last = header + t.Items.Count;
        Sheets.Base(ws, last, Columns);
        for (var c = 0; c < columns.Count; c++) ws.Column(c + 1).Width = columns[c].Width;
        var totalWidth = columns.Sum(c => c.Width);

        Sheets.Title(ws, title, Columns);
        Sheets.Put(ws.Cell(3, 1), "記入方法");
        ws.Cell(3, 1).Style.Font.Bold = true;
        for (var i = 0; i < instructions.Count; i++)
        {
            var r = 4 + i;
            ws.Range(r, 1, r, Columns).Merge();
            Sheets.Put(ws.Cell(r, 1), instructions[i]);
            ws.Range(r, 1, r, Columns).Style.Alignment.WrapText = true;
            ws.Range(r, 1, r, Columns).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            ws.Row(r).Height = Sheets.Height(Sheets.Lines(instructions[i], totalWidth));
        }

        var fields = new Dictionary<MetaKey, (int Row, int Column)>();
        var inputFields = new List<(MetaKey Key, IXLRange Range)>();
        for (var i = 0; i < meta.Length; i++)
        {
            var r = metaRow + i;
            foreach (var (pair, (keyFrom, keyTo, valueFrom, valueTo)) in meta[i].Zip(new[] { (1, 2, 3, 3), (4, 4, 5, Columns) }))
            {
                var key = ws.Range(r, keyFrom, r, keyTo);
                if (keyTo > keyFrom) key.Merge();
                Sheets.Put(ws.Cell(r, keyFrom), pair.Label);
                key.Style.Font.Bold = true;
                key.Style.Fill.BackgroundColor = KeyFill;
                var value = ws.Range(r, valueFrom, r, valueTo);
                if (valueTo > valueFrom) value.Merge();
                Sheets.Put(ws.Cell(r, valueFrom), pair.Value);
                value.Style.NumberFormat.Format = "@";
                if (pair.Input)
                {
                    value.Style.Protection.Locked = false;
                    value.Style.Fill.BackgroundColor = InputFill;
                    inputFields.Add((pair.Key, value));
                }
                var block = ws.Range(r, keyFrom, r, valueTo);
                block.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
                block.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
                block.Style.Border.OutsideBorderColor = Sheets.BorderColour;
                block.Style.Border.InsideBorderColor = Sheets.BorderColour;
                fields[pair.Key] = (r, valueFrom);
            }
            ws.Row(r).Height = Sheets.Height(1) + 3;
        }

        for (var c = 0; c < columns.Count; c++) Sheets.Put(ws.Cell(header, c + 1), columns[c].Header);
        var headerRange = ws.Range(header, 1, header, Columns);
        headerRange.Style.Font.Bold = true;
        headerRange.Style.Fill.BackgroundColor = Sheets.HeaderFill;
        headerRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        headerRange.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        ws.Row(header).Height = Sheets.Height(1) + 4;

        var items = new List<(int Row, string Id)>();
        for (var i = 0; i < t.Items.Count; i++)
        {
            var item = t.Items[i];
            var r = first + i;
            Sheets.Put(ws.Cell(r, 1), item.Id);
            Sheets.Put(ws.Cell(r, 2), item.Category);
            Sheets.Put(ws.Cell(r, 3), item.Text);
            Sheets.Put(ws.Cell(r, 4), item.Basis);
            var lines = Math.Max(2, Math.Max(Sheets.Lines(item.Text, columns[2].Width), Sheets.Lines(item.Category, columns[1].Width)));
            ws.Row(r).Height = Sheets.Height(lines);
            items.Add((r, item.Id));
        }

        var table = ws.Range(header, 1, Math.Max(last, header), Columns);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.OutsideBorderColor = Sheets.BorderColour;
        table.Style.Border.InsideBorderColor = Sheets.BorderColour;
        var body = ws.Range(first, 1, last, Columns);
        body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        body.Style.Alignment.WrapText = true;
        body.Style.NumberFormat.Format = "@";
        for (var c = 0; c < columns.Count; c++)
        {
            var range = ws.Range(first, c + 1, last, c + 1);
            if (columns[c].Center) range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            if (!columns[c].Input) continue;
            range.Style.Protection.Locked = false;
            range.Style.Fill.BackgroundColor = InputFill;
        }

        var info = new TemplateInfo
        {
            Id = t.Id,
            Version = TemplateDefinition.LayoutVersion,
            Role = t.Role,
            Key = t.Key,
            Name = t.Name,
            GeneratedAt = t.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            MasterFile = t.MasterFile,
            MasterSha256 = t.MasterSha256,
            ItemSheet = ws.Name,
            HeaderRow = header,
            Columns = columns.Select((c, i) => new TemplateColumn(c.Kind, i + 1, c.Header)).ToList(),
            Fields = fields,
            Choices = TemplateTexts.Choices(t),
            Items = items,
        };
        var choiceRows = info.Write(infoSheet);

        Validations(ws, infoSheet, t, columns, info.Choices, choiceRows, first, last, inputFields);

        ws.SheetView.FreezeRows(header);
        Sheets.Print(ws, header, header);
        ws.PageSetup.PrintAreas.Add(1, 1, Math.Max(last, header), Columns);

        var protection = ws.Protect();
        protection.AllowElement(XLSheetProtectionElements.SelectLockedCells);
        protection.AllowElement(XLSheetProtectionElements.SelectUnlockedCells);
        protection.AllowElement(XLSheetProtectionElements.FormatColumns);
        protection.AllowElement(XLSheetProtectionElements.FormatRows);
        infoSheet.Protect();
        infoSheet.Visibility = XLWorksheetVisibility.Hidden;
        ws.SetTabActive();
        ws.Cell(first, columns.TakeWhile(c => !c.Input).Count() + 1).Select();
        wb.Protect();
        using var saved = new MemoryStream();
        wb.SaveAs(saved);
        PrintTitles.Anchor(saved);
        saved.CopyTo(stream);
    }

    private static void Validations(IXLWorksheet ws, IXLWorksheet infoSheet, TemplateDefinition t, IReadOnlyList<ColumnSpec> columns,
        IReadOnlyList<string> choices, (int First, int Last) choiceRows, int first, int last,
        List<(MetaKey Key, IXLRange Range)> inputFields)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var col = columns[c];
            if (!col.Input) continue;
            var dv = ws.Range(first, c + 1, last, c + 1).SetDataValidation();
            var (hintTitle, hint) = TemplateTexts.Hint(col.Kind, t);
            if (col.Kind is ColumnKind.Judgment or ColumnKind.Answer)
            {
                // Inline when it fits Excel's 255 characters and holds no list separator; else the hidden sheet's cells.
                var inline = "\"" + string.Join(",", choices) + "\"";
                if (inline.Length <= 255 && !choices.Any(x => x.Contains(',') || x.Contains('"')))
                    dv.List(inline, true);
                else
                    dv.List(infoSheet.Range(choiceRows.First, 2, choiceRows.Last, 2), true);
                dv.IgnoreBlanks = true;
                dv.ErrorStyle = XLErrorStyle.Stop;
                dv.ShowErrorMessage = true;
                dv.ErrorTitle = hintTitle;
                dv.ErrorMessage = $"一覧から選んでください。 / Choose from the list: {string.Join(" ", choices)}";
                if (dv.ErrorMessage.Length > 255) dv.ErrorMessage = "一覧から選んでください。 / Choose from the list.";
            }
            Hint(dv, hintTitle, hint);
        }
        foreach (var (key, range) in inputFields)
        {
            var (title, message) = TemplateTexts.FieldHint(key);
            if (message.Length > 0) Hint(range.SetDataValidation(), title, message);
        }
    }

    private static void Hint(IXLDataValidation dv, string title, string message)
    {
        dv.ShowInputMessage = true;
        dv.InputTitle = title;
        dv.InputMessage = message;
    }
}
