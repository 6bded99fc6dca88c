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
    public static ChartAnchor Write(SheetPlan ws, AuditResult result, DateTimeOffset generatedAt)
    {
        // The font over the rows the sheet uses: the fixed rows, the key findings and the inputs.
        Sheets.Base(ws, 40 + result.Items.Count(i => i.Judgment is { IsFinding: true, RequiresFinding: true }) + result.Inputs.Count + FollowUpSections.Rows(result), Width);
        Sheets.Title(ws, "情報セキュリティ監査 結果総括", Width);
        var row = 3;
        void Field(string label, string value)
        {
            ws.Put(row, 1, label);
            ws.Merge(row, 2, row, Width);
            ws.Put(row, 2, value);
            ws.Style(row, 2, row, Width, s => s.Alignment.WrapText = true);
            ws.Style(row, 1, s => s.Font.Bold = true);
            ws.Style(row, 1, s => s.Fill.BackgroundColor = Sheets.HeaderFill);
            ws.Style(row, 1, row, Width, s => s.Border.OutsideBorder = XLBorderStyleValues.Thin);
            ws.Style(row, 1, row, Width, s => s.Border.OutsideBorderColor = Sheets.BorderColour);
            ws.Style(row, 1, s => s.Border.RightBorder = XLBorderStyleValues.Thin);
            ws.Height(row, Sheets.Height(Sheets.Lines(value, 6 * 14 + 30)));
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
        ws.Put(row, 1, "状態");
        ws.Style(row, 1, s => s.Font.Bold = true);
        ws.Style(row, 1, s => s.Fill.BackgroundColor = Sheets.HeaderFill);
        ws.Put(row, 2, result.Status.Label());
        ws.Style(row, 2, s => s.Font.Bold = true);
        ws.Style(row, 2, s => s.Alignment.Horizontal = XLAlignmentHorizontalValues.Center);
        var statusFill = result.Status == AuditStatus.Final ? "#C6EFCE" : "#FFEB9C";
        ws.Style(row, 2, s => s.Fill.BackgroundColor = XLColor.FromHtml(statusFill), variant: statusFill);
        ws.Merge(row, 3, row, Width);
        var why = result.Status == AuditStatus.Final
            ? "全項目が判定済みで、要確認の事項はありません。"
            : FollowUpTexts.ProvisionalReason(result) + (SummarySentence.Unjudged(result) is { } none ? $"{none.Ja}（{none.En}）。判定結果は集計していません。" : "")
                + $"未判定 {result.Pending} 件、要確認 {result.Notes.Count} 件があります（{Breakdown(result)}）。確認後に再集計してください。";
        ws.Put(row, 3, why);
        ws.Height(row, Sheets.Height(Sheets.Lines(why, 5 * 14 + 30)));
        ws.Style(row, 3, row, Width, s => s.Alignment.WrapText = true);
        ws.Style(row, 1, row, Width, s => s.Border.OutsideBorder = XLBorderStyleValues.Thin);
        ws.Style(row, 1, row, Width, s => s.Border.InsideBorder = XLBorderStyleValues.Thin);
        ws.Style(row, 1, row, Width, s => s.Border.OutsideBorderColor = Sheets.BorderColour);
        ws.Style(row, 1, row, Width, s => s.Border.InsideBorderColor = Sheets.BorderColour);
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

        ws.Put(row, 1, "総括文");
        ws.Style(row, 1, s => s.Font.Bold = true);
        row++;
        ws.Merge(row, 1, row, right);
        ws.Put(row, 1, SummarySentence.For(result));
        ws.Style(row, 1, row, right, s => s.Alignment.WrapText = true);
        ws.Style(row, 1, row, right, s => s.Alignment.Vertical = XLAlignmentVerticalValues.Center);
        ws.Style(row, 1, row, right, s => s.Border.OutsideBorder = XLBorderStyleValues.Thin);
        ws.Style(row, 1, row, right, s => s.Border.OutsideBorderColor = Sheets.BorderColour);
        ws.Height(row, Sheets.Height(Math.Max(2, Sheets.Lines(SummarySentence.For(result), (right - 1) * 14 + (right == Width ? 30 : 14)))));
        var chart = beside
            ? new ChartAnchor(last, tableTitle - 1, Width, row)
            : new ChartAnchor(0, chartTop - 1, 5, chartTop - 1 + ChartRows);
        row += 2;

        row = KeyFindings(ws, result, row);
        row++;
        row = FollowUpSections.Write(ws, result, row);
        row = Inputs(ws, result, row);
        row++;
        ws.Put(row, 1, "作成日時");
        ws.Style(row, 1, s => s.Font.Bold = true);
        ws.Merge(row, 2, row, Width);
        ws.Put(row, 2, generatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" (UTC{generatedAt:zzz})");

        ws.Width(1, 14);
        for (var c = 2; c <= Width; c++) ws.Width(c, 14);
        ws.Width(Width, 30);
        // Landscape, as the other sheets: the count table and the key findings are 128 units wide, which
        // portrait could print only shrunk to 7 pt; landscape holds them at 100 %.
        Sheets.Print(ws, 0, 0, PageFit.For([.. Enumerable.Range(1, Width).Select(c => ws.Widths[c])], 9));
        ws.Sheet(w => w.ShowGridLines = false, "no grid");
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
    private static (int Next, int Last) CountTable(SheetPlan ws, AuditResult result, int row)
    {
        ws.Put(row, 1, "判定結果の件数");
        ws.Style(row, 1, s => s.Font.Bold = true);
        row++;
        var counts = result.Counts;
        var plain = counts.Where(c => !c.Class.IsFinding).ToList();
        var findings = counts.Where(c => c.Class.IsFinding).ToList();
        var top = row;
        var col = 1;
        foreach (var (cls, _) in plain)
        {
            ws.Merge(top, col, top + 1, col);
            ws.Put(top, col, cls.Label);
            col++;
        }
        if (findings.Count > 0)
        {
            ws.Merge(top, col, top, col + findings.Count - 1);
            ws.Put(top, col, "指摘事項");
            foreach (var (cls, _) in findings)
            {
                ws.Put(top + 1, col, cls.Label);
                col++;
            }
        }
        ws.Merge(top, col, top + 1, col);
        ws.Put(top, col, "計");
        var last = col;

        col = 1;
        foreach (var (_, n) in plain.Concat(findings)) ws.Put(top + 2, col++, n);
        ws.Put(top + 2, col, result.Total);

        ws.Style(top, 1, top + 1, last, s => s.Font.Bold = true);
        ws.Style(top, 1, top + 1, last, s => s.Fill.BackgroundColor = Sheets.HeaderFill);
        ws.Style(top, 1, top + 1, last, s => s.Alignment.Horizontal = XLAlignmentHorizontalValues.Center);
        ws.Style(top, 1, top + 1, last, s => s.Alignment.Vertical = XLAlignmentVerticalValues.Center);
        ws.Style(top, 1, top + 1, last, s => s.Alignment.WrapText = true);
        ws.Style(top + 2, 1, top + 2, last, s => s.Alignment.Horizontal = XLAlignmentHorizontalValues.Center);
        ws.Style(top + 2, 1, top + 2, last, s => s.Font.FontSize = 12);
        ws.Height(top + 2, 22);
        ws.Style(top, 1, top + 2, last, s => s.Border.OutsideBorder = XLBorderStyleValues.Medium, edges: true);
        ws.Style(top, 1, top + 2, last, s => s.Border.InsideBorder = XLBorderStyleValues.Thin, edges: true);
        ws.Style(top + 2, last, s => s.Font.Bold = true);

        // 未判定 is in no column: counted beside the table, with the number of 要確認 entries.
        var r = top + 3;
        ws.Put(r, 1, "未判定");
        ws.Put(r, 2, result.Pending);
        ws.Put(r, 3, "要確認");
        ws.Put(r, 4, result.Notes.Count);
        var noteEnd = Math.Max(5, last < Width ? last : Width);
        ws.Merge(r, 5, r, noteEnd);
        ws.Put(r, 5, "未判定の項目は計に含めていません。");
        ws.Style(r, 5, r, noteEnd, s => s.Font.FontSize = 9);
        ws.Style(r, 5, r, noteEnd, s => s.Alignment.WrapText = true);
        foreach (var c in new[] { 1, 3 })
        {
            ws.Style(r, c, s => s.Font.Bold = true);
            ws.Style(r, c, s => s.Fill.BackgroundColor = Sheets.HeaderFill);
        }
        foreach (var c in new[] { 2, 4 }) ws.Style(r, c, s => s.Alignment.Horizontal = XLAlignmentHorizontalValues.Center);
        ws.Style(r, 1, r, 4, s => s.Border.OutsideBorder = XLBorderStyleValues.Thin);
        ws.Style(r, 1, r, 4, s => s.Border.InsideBorder = XLBorderStyleValues.Thin);
        if (result.Pending > 0) ws.Style(r, 2, s => s.Fill.BackgroundColor = XLColor.FromHtml("#FFFF99"));
        if (result.Notes.Count > 0) ws.Style(r, 4, s => s.Fill.BackgroundColor = XLColor.FromHtml("#FFEB9C"));
        return (r + 1, last);
    }

    private static int KeyFindings(SheetPlan ws, AuditResult result, int row)
    {
        var key = result.Items.Where(i => i.Judgment is { IsFinding: true, RequiresFinding: true })
            .OrderByDescending(i => i.Judgment!.Severity).ToList();
        var labels = string.Join("・", result.Scale.Classes.Where(c => c.IsFinding && c.RequiresFinding).OrderByDescending(c => c.Severity).Select(c => c.Label));
        ws.Put(row, 1, $"主な指摘事項（{labels}）");
        ws.Style(row, 1, s => s.Font.Bold = true);
        row++;
        if (key.Count == 0)
        {
            ws.Put(row, 1, "該当なし");
            return row + 1;
        }
        ws.Put(row, 1, "No.");
        ws.Put(row, 2, "判定");
        ws.Merge(row, 3, row, 5);
        ws.Put(row, 3, "監査項目");
        ws.Merge(row, 6, row, Width);
        ws.Put(row, 6, "指摘内容");
        // One cell styled, its style given to the whole header and to the whole body: range by range and
        // property by property ClosedXML looks a style up per cell and property (the inside borders most),
        // which made this table a tenth of the time of writing a workbook.
        ws.StyleAs(row, 1, row, 1, row, Width, headStyle =>
        {
            headStyle.Font.Bold = true;
            headStyle.Fill.BackgroundColor = Sheets.HeaderFill;
            headStyle.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            Sheets.Grid(headStyle);
        });
        var first = row;
        foreach (var item in key)
        {
            row++;
            ws.Put(row, 1, item.Id);
            ws.Put(row, 2, $"{item.Judgment!.Symbol} {item.Judgment.Label}");
            ws.Merge(row, 3, row, 5);
            ws.Put(row, 3, item.Text);
            ws.Merge(row, 6, row, Width);
            ws.Put(row, 6, item.Findings);
            ws.Height(row, Sheets.Height(Math.Max(Sheets.Lines(item.Text, 3 * 14), Sheets.Lines(item.Findings, 2 * 14 + 30))));
        }
        ws.StyleAs(first + 1, 1, first + 1, 1, row, Width, bodyStyle =>
        {
            bodyStyle.Alignment.WrapText = true;
            bodyStyle.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            Sheets.Grid(bodyStyle);
        });
        for (var k = 0; k < key.Count; k++)
            if (key[k].Judgment!.Colour is { } colour) ws.Style(first + 1 + k, 2, s => s.Fill.BackgroundColor = XLColor.FromHtml("#" + colour), variant: colour);
        return row + 1;
    }

    private static int Inputs(SheetPlan ws, AuditResult result, int row)
    {
        var used = result.Inputs.Where(i => i.Status == FileStatus.Adopted).ToList();
        var others = result.Inputs.Count - used.Count;
        var kinds = string.Join("・", result.Inputs.Where(i => i.Status != FileStatus.Adopted).Select(i => i.Status).Distinct().Order().Select(s => s.Label()));
        ws.Put(row, 1, $"使用した入力ファイル（{used.Count} 件" + (others > 0 ? $"、ほかに{kinds} {others} 件は取込履歴を参照" : "") + "）");
        ws.Style(row, 1, s => s.Font.Bold = true);
        row++;
        foreach (var f in used)
        {
            ws.Put(row, 1, f.Role.Label());
            ws.Merge(row, 2, row, 4);
            ws.Put(row, 2, f.Submitter);
            ws.Merge(row, 5, row, Width);
            ws.Put(row, 5, f.Source.RelativePath);
            ws.Style(row, 1, row, Width, s => s.Border.BottomBorder = XLBorderStyleValues.Hair);
            ws.Style(row, 1, row, Width, s => s.Border.BottomBorderColor = Sheets.BorderColour);
            row++;
        }
        return row;
    }
}
