using System.Globalization;
using ClosedXML.Excel;
using Consolidator.Core.Model;

namespace Consolidator.Core.Writing;

/// <summary>
/// 総括: what the audit report's summary needs. The count table is laid out as in the seed
/// report — two header rows, 指摘事項 merged over its classes, 計 — then 未判定 beside it (in no
/// column), the generated sentence, 確定/暫定 with its reasons, the key findings, the inputs.
/// </summary>
internal static class SummarySheet
{
    private const int Width = 8;

    // Every merge here is of cells no other merge touches: Merge(false) skips ClosedXML's search for
    // intersecting merges, which costs O(merges) per call (the key findings make it quadratic).
    /// <summary>Writes 総括 and returns where the picture of the counts goes (<see cref="CountChart"/>).</summary>
    public static ChartAnchor Write(IXLWorksheet ws, AuditResult result, DateTimeOffset generatedAt)
    {
        // The font over the rows the sheet uses: the fixed rows, the key findings and the inputs.
        Sheets.Base(ws, 40 + result.Items.Count(i => i.Judgment is { IsFinding: true, RequiresFinding: true }) + result.Inputs.Count + FollowUpSections.Rows(result), Width);
        Sheets.Title(ws, "情報セキュリティ監査 結果総括", Width);
        var row = 3;
        void Field(string label, string value)
        {
            Sheets.Put(ws.Cell(row, 1), label);
            var range = ws.Range(row, 2, row, Width);
            range.Merge(false);
            Sheets.Put(ws.Cell(row, 2), value);
            range.Style.Alignment.WrapText = true;
            ws.Cell(row, 1).Style.Font.Bold = true;
            ws.Cell(row, 1).Style.Fill.BackgroundColor = Sheets.HeaderFill;
            ws.Range(row, 1, row, Width).Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            ws.Range(row, 1, row, Width).Style.Border.OutsideBorderColor = Sheets.BorderColour;
            ws.Cell(row, 1).Style.Border.RightBorder = XLBorderStyleValues.Thin;
            ws.Row(row).Height = Sheets.Height(Sheets.Lines(value, 6 * 14 + 30));
            row++;
        }
        Field("対象業務", result.Key.Target);
        Field("年度", result.Key.FiscalYearLabel);
        Field("実施日", result.AuditDates.Count > 0 ? string.Join("、", result.AuditDates) : "（記載なし）");
        Field("監査人", result.Auditors.Count > 0 ? string.Join("、", result.Auditors) : "（なし）");
        Field("事業者", result.Vendors.Count > 0 ? string.Join("、", result.Vendors) : "（なし）");
        Field("監査項目", result.UniverseFromMaster
            ? $"監査項目一覧の {result.Items.Count} 項目"
            : $"監査人のチェックリストにある {result.Items.Count} 項目（監査項目一覧の提出なし）");
        // Another audit's target makes the same file name: this result's own name, and why, where the reader starts.
        if (result.Notes.FirstOrDefault(n => n.Kind == ReviewKind.OutputNameCollision) is { } collision)
            Field(collision.KindLabel, collision.MessageJa);

        // 状態: 確定 or 暫定 alone in its cell, the reasons beside it.
        Sheets.Put(ws.Cell(row, 1), "状態");
        ws.Cell(row, 1).Style.Font.Bold = true;
        ws.Cell(row, 1).Style.Fill.BackgroundColor = Sheets.HeaderFill;
        var status = ws.Cell(row, 2);
        Sheets.Put(status, result.Status.Label());
        status.Style.Font.Bold = true;
        status.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        status.Style.Fill.BackgroundColor = XLColor.FromHtml(result.Status == AuditStatus.Final ? "#C6EFCE" : "#FFEB9C");
        var reason = ws.Range(row, 3, row, Width);
        reason.Merge(false);
        var why = result.Status == AuditStatus.Final
            ? "全項目が判定済みで、要確認の事項はありません。"
            : FollowUpTexts.ProvisionalReason(result) + (SummarySentence.Unjudged(result) is { } none ? $"{none.Ja}（{none.En}）。判定結果は集計していません。" : "")
                + $"未判定 {result.Pending} 件、要確認 {result.Notes.Count} 件があります（{Breakdown(result)}）。確認後に再集計してください。";
        Sheets.Put(ws.Cell(row, 3), why);
        ws.Row(row).Height = Sheets.Height(Sheets.Lines(why, 5 * 14 + 30));
        reason.Style.Alignment.WrapText = true;
        ws.Range(row, 1, row, Width).Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        ws.Range(row, 1, row, Width).Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        ws.Range(row, 1, row, Width).Style.Border.OutsideBorderColor = Sheets.BorderColour;
        ws.Range(row, 1, row, Width).Style.Border.InsideBorderColor = Sheets.BorderColour;
        row += 2;

        var tableTitle = row;
        (row, var last) = CountTable(ws, result, row);
        // The chart stands beside the table, in the columns right of 計, down to the sentence; a
        // scale with so many classes that the table fills the width has it under the table instead.
        var beside = last < Width;
        var right = beside ? last : Width;
        var chartTop = row;
        if (!beside) row += ChartRows;
        row++;

        Sheets.Put(ws.Cell(row, 1), "総括文");
        ws.Cell(row, 1).Style.Font.Bold = true;
        row++;
        var sentence = ws.Range(row, 1, row, right);
        sentence.Merge(false);
        Sheets.Put(ws.Cell(row, 1), SummarySentence.For(result));
        sentence.Style.Alignment.WrapText = true;
        sentence.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        sentence.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        sentence.Style.Border.OutsideBorderColor = Sheets.BorderColour;
        ws.Row(row).Height = Sheets.Height(Math.Max(2, Sheets.Lines(SummarySentence.For(result), (right - 1) * 14 + (right == Width ? 30 : 14))));
        var chart = beside
            ? new ChartAnchor(last, tableTitle - 1, Width, row)
            : new ChartAnchor(0, chartTop - 1, 5, chartTop - 1 + ChartRows);
        row += 2;

        row = KeyFindings(ws, result, row);
        row++;
        row = FollowUpSections.Write(ws, result, row);
        row = Inputs(ws, result, row);
        row++;
        Sheets.Put(ws.Cell(row, 1), "作成日時");
        ws.Cell(row, 1).Style.Font.Bold = true;
        var generated = ws.Range(row, 2, row, Width);
        generated.Merge(false);
        Sheets.Put(ws.Cell(row, 2), generatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" (UTC{generatedAt:zzz})");

        ws.Column(1).Width = 14;
        for (var c = 2; c <= Width; c++) ws.Column(c).Width = 14;
        ws.Column(Width).Width = 30;
        // Landscape, as the other sheets: the count table and the key findings are 128 units wide, which
        // portrait could print only shrunk to 7 pt; landscape holds them at 100 %.
        Sheets.Print(ws, 0, 0, PageFit.For([.. Enumerable.Range(1, Width).Select(c => ws.Column(c).Width)], 9));
        ws.ShowGridLines = false;
        return chart;
    }

    /// <summary>Rows kept for the chart when it cannot stand beside the count table.</summary>
    private const int ChartRows = 10;

    /// <summary>The picture of the counts: a bar per class in the table's order, the 指摘事項 classes in their judgment colours.</summary>
    public static string Chart(AuditResult result) => CountChart.Bars("判定結果の件数",
        result.Counts.Select(c => (c.Class.Label, c.Count, c.Class.Colour, c.Class.IsFinding)).ToList());

    /// <summary>The 要確認 entries counted by kind: 判定不一致 3、未判定 1、….</summary>
    internal static string Breakdown(AuditResult result) =>
        result.Notes.Count == 0 ? "要確認なし" :
        string.Join("、", result.Notes.GroupBy(n => n.Kind).OrderBy(g => g.Key).Select(g => $"{g.First().KindLabel} {g.Count()}"));

    /// <summary>
    /// The count table. Columns: out-of-scope and non-finding classes (each merged over the two
    /// header rows), the 指摘事項 classes under one merged header, 計. Numbers are values, not formulas.
    /// </summary>
    private static (int Next, int Last) CountTable(IXLWorksheet ws, AuditResult result, int row)
    {
        Sheets.Put(ws.Cell(row, 1), "判定結果の件数");
        ws.Cell(row, 1).Style.Font.Bold = true;
        row++;
        var counts = result.Counts;
        var plain = counts.Where(c => !c.Class.IsFinding).ToList();
        var findings = counts.Where(c => c.Class.IsFinding).ToList();
        var top = row;
        var col = 1;
        foreach (var (cls, _) in plain)
        {
            ws.Range(top, col, top + 1, col).Merge(false);
            Sheets.Put(ws.Cell(top, col), cls.Label);
            col++;
        }
        if (findings.Count > 0)
        {
            ws.Range(top, col, top, col + findings.Count - 1).Merge(false);
            Sheets.Put(ws.Cell(top, col), "指摘事項");
            foreach (var (cls, _) in findings)
            {
                Sheets.Put(ws.Cell(top + 1, col), cls.Label);
                col++;
            }
        }
        ws.Range(top, col, top + 1, col).Merge(false);
        Sheets.Put(ws.Cell(top, col), "計");
        var last = col;

        col = 1;
        foreach (var (_, n) in plain.Concat(findings)) Sheets.Put(ws.Cell(top + 2, col++), n);
        Sheets.Put(ws.Cell(top + 2, col), result.Total);

        var header = ws.Range(top, 1, top + 1, last);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = Sheets.HeaderFill;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
        var numbers = ws.Range(top + 2, 1, top + 2, last);
        numbers.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        numbers.Style.Font.FontSize = 12;
        ws.Row(top + 2).Height = 22;
        var table = ws.Range(top, 1, top + 2, last);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Medium;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        ws.Cell(top + 2, last).Style.Font.Bold = true;

        // 未判定 is in no column: counted beside the table, with the number of 要確認 entries.
        var r = top + 3;
        Sheets.Put(ws.Cell(r, 1), "未判定");
        Sheets.Put(ws.Cell(r, 2), result.Pending);
        Sheets.Put(ws.Cell(r, 3), "要確認");
        Sheets.Put(ws.Cell(r, 4), result.Notes.Count);
        var note = ws.Range(r, 5, r, Math.Max(5, last < Width ? last : Width));
        note.Merge(false);
        Sheets.Put(ws.Cell(r, 5), "未判定の項目は計に含めていません。");
        note.Style.Font.FontSize = 9;
        note.Style.Alignment.WrapText = true;
        foreach (var c in new[] { 1, 3 })
        {
            ws.Cell(r, c).Style.Font.Bold = true;
            ws.Cell(r, c).Style.Fill.BackgroundColor = Sheets.HeaderFill;
        }
        foreach (var c in new[] { 2, 4 }) ws.Cell(r, c).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        var side = ws.Range(r, 1, r, 4);
        side.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        side.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        if (result.Pending > 0) ws.Cell(r, 2).Style.Fill.BackgroundColor = XLColor.FromHtml("#FFFF99");
        if (result.Notes.Count > 0) ws.Cell(r, 4).Style.Fill.BackgroundColor = XLColor.FromHtml("#FFEB9C");
        return (r + 1, last);
    }

    private static int KeyFindings(IXLWorksheet ws, AuditResult result, int row)
    {
        var key = result.Items.Where(i => i.Judgment is { IsFinding: true, RequiresFinding: true })
            .OrderByDescending(i => i.Judgment!.Severity).ToList();
        var labels = string.Join("・", result.Scale.Classes.Where(c => c.IsFinding && c.RequiresFinding).OrderByDescending(c => c.Severity).Select(c => c.Label));
        Sheets.Put(ws.Cell(row, 1), $"主な指摘事項（{labels}）");
        ws.Cell(row, 1).Style.Font.Bold = true;
        row++;
        if (key.Count == 0)
        {
            Sheets.Put(ws.Cell(row, 1), "該当なし");
            return row + 1;
        }
        Sheets.Put(ws.Cell(row, 1), "No.");
        Sheets.Put(ws.Cell(row, 2), "判定");
        ws.Range(row, 3, row, 5).Merge(false);
        Sheets.Put(ws.Cell(row, 3), "監査項目");
        ws.Range(row, 6, row, Width).Merge(false);
        Sheets.Put(ws.Cell(row, 6), "指摘内容");
        // One cell styled, its style given to the whole header and to the whole body: range by range and
        // property by property ClosedXML looks a style up per cell and property (the inside borders most),
        // which made this table a tenth of the time of writing a workbook.
        var headStyle = ws.Cell(row, 1).Style;
        headStyle.Font.Bold = true;
        headStyle.Fill.BackgroundColor = Sheets.HeaderFill;
        headStyle.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        Sheets.Grid(headStyle);
        ws.Range(row, 1, row, Width).Style = headStyle;
        var first = row;
        foreach (var item in key)
        {
            row++;
            Sheets.Put(ws.Cell(row, 1), item.Id);
            Sheets.Put(ws.Cell(row, 2), $"{item.Judgment!.Symbol} {item.Judgment.Label}");
            ws.Range(row, 3, row, 5).Merge(false);
            Sheets.Put(ws.Cell(row, 3), item.Text);
            ws.Range(row, 6, row, Width).Merge(false);
            Sheets.Put(ws.Cell(row, 6), item.Findings);
            ws.Row(row).Height = Sheets.Height(Math.Max(Sheets.Lines(item.Text, 3 * 14), Sheets.Lines(item.Findings, 2 * 14 + 30)));
        }
        var bodyStyle = ws.Cell(first + 1, 1).Style;
        bodyStyle.Alignment.WrapText = true;
        bodyStyle.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        Sheets.Grid(bodyStyle);
        ws.Range(first + 1, 1, row, Width).Style = bodyStyle;
        for (var k = 0; k < key.Count; k++)
            if (key[k].Judgment!.Colour is { } colour) ws.Cell(first + 1 + k, 2).Style.Fill.BackgroundColor = XLColor.FromHtml("#" + colour);
        return row + 1;
    }

    private static int Inputs(IXLWorksheet ws, AuditResult result, int row)
    {
        var used = result.Inputs.Where(i => i.Status == FileStatus.Adopted).ToList();
        var others = result.Inputs.Count - used.Count;
        var kinds = string.Join("・", result.Inputs.Where(i => i.Status != FileStatus.Adopted).Select(i => i.Status).Distinct().Order().Select(s => s.Label()));
        Sheets.Put(ws.Cell(row, 1), $"使用した入力ファイル（{used.Count} 件" + (others > 0 ? $"、ほかに{kinds} {others} 件は取込履歴を参照" : "") + "）");
        ws.Cell(row, 1).Style.Font.Bold = true;
        row++;
        foreach (var f in used)
        {
            Sheets.Put(ws.Cell(row, 1), f.Role.Label());
            ws.Range(row, 2, row, 4).Merge(false);
            Sheets.Put(ws.Cell(row, 2), f.Submitter);
            ws.Range(row, 5, row, Width).Merge(false);
            Sheets.Put(ws.Cell(row, 5), f.Source.RelativePath);
            var line = ws.Range(row, 1, row, Width);
            line.Style.Border.BottomBorder = XLBorderStyleValues.Hair;
            line.Style.Border.BottomBorderColor = Sheets.BorderColour;
            row++;
        }
        return row;
    }
}
