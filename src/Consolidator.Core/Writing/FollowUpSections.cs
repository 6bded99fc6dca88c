using ClosedXML.Excel;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Writing;

/// <summary>
/// Two blocks of 総括, each only when the audit has what it reports: 提出状況 (the roster's counts
/// per role and who is still missing) and 前年度比較 with 前回指摘事項の状況 (the earlier year's
/// 指摘事項 with this year's judgment, then the items that could not be matched, by id).
/// </summary>
internal static class FollowUpSections
{
    private const int Width = 8;
    private const int ListedIds = 30;

    /// <summary>Rows the blocks take, for the font range of the sheet.</summary>
    public static int Rows(AuditResult result) =>
        (result.Roster is null ? 0 : 9) + (result.Comparison is { } c ? 9 + c.Items.Count(i => i.WasFinding) : 0);

    /// <summary>Writes the blocks from <paramref name="row"/>; returns the row after them.</summary>
    public static int Write(SheetPlan ws, AuditResult result, int row)
    {
        if (result.Roster is { } roster) row = Roster(ws, roster, row) + 1;
        if (result.Comparison is { } comparison) row = Comparison(ws, comparison, row) + 1;
        return row;
    }

    private static int Roster(SheetPlan ws, RosterReport roster, int row)
    {
        Bold(ws, row, 1, $"提出状況（期限の判定日 {JapaneseDates.DateLabel(roster.Today)}、詳細は提出状況シート）");
        row++;
        var top = row;
        string[] headers = ["区分", "予定", "完了", "一部", "未提出", "うち期限超過", "名簿外"];
        for (var c = 0; c < headers.Length; c++) ws.Put(row, c + 1, headers[c]);
        foreach (var (label, counts) in new[]
                 {
                     ("監査人", roster.CountsFor(SubmissionRole.Auditor)),
                     ("事業者", roster.CountsFor(SubmissionRole.Vendor)),
                     ("計", roster.Counts),
                 })
        {
            row++;
            ws.Put(row, 1, label);
            int[] values = [counts.Expected, counts.Complete, counts.Partial, counts.Missing, counts.Overdue, counts.Unexpected];
            for (var c = 0; c < values.Length; c++) ws.Put(row, c + 2, values[c]);
            if (counts.Missing > 0) ws.Style(row, 5, s => s.Fill.BackgroundColor = XLColor.FromHtml(RosterSheet.Fill(SubmitterState.Missing)));
            if (counts.Partial > 0) ws.Style(row, 4, s => s.Fill.BackgroundColor = XLColor.FromHtml(RosterSheet.Fill(SubmitterState.Partial)));
            if (counts.Overdue > 0) ws.Style(row, 6, s => s.Fill.BackgroundColor = XLColor.FromHtml(RosterSheet.Fill(SubmitterState.Missing)));
        }
        var width = headers.Length;
        ws.Style(top, 1, top, width, s => s.Font.Bold = true);
        ws.Style(top, 1, top, width, s => s.Fill.BackgroundColor = Sheets.HeaderFill);
        ws.Style(top, 1, top, width, s => s.Alignment.WrapText = true);
        ws.Style(top + 1, 1, row, 1, s => s.Font.Bold = true);
        ws.Style(top, 1, row, width, s => s.Alignment.Horizontal = XLAlignmentHorizontalValues.Center);
        Grid(ws, top, 1, row, width, edges: true);
        row++;
        foreach (var line in FollowUpTexts.StillMissing(roster))
        {
            Line(ws, row, line);
            row++;
        }
        return row;
    }

    private static int Comparison(SheetPlan ws, YearComparison comparison, int row)
    {
        var previous = comparison.Previous;
        var caption = $"前年度比較（比較対象: {previous.SourceLabel}" + (previous.Status == "暫定" ? "。その結果は暫定" : "") + "）";
        Bold(ws, row, 1, caption);
        ws.Merge(row, 1, row, Width);
        ws.Style(row, 1, s => s.Alignment.WrapText = true);
        ws.Height(row, Sheets.Height(Sheets.Lines(caption, Width * 14 + 16)));
        row++;
        Line(ws, row, FollowUpTexts.Changes(comparison.All)
            + (comparison.Renumbered > 0 ? $"（番号が変わった {comparison.Renumbered} 項目は同じ項目文で照合）" : "")
            + "。項目ごとの変化は監査結果シートにあります。");
        row += 2;

        var findings = comparison.Items.Where(i => i.WasFinding)
            .OrderByDescending(i => i.Previous!.Severity).ThenBy(i => i.PreviousId ?? "", ItemIds.NaturalComparer).ToList();
        Bold(ws, row, 1, $"前回指摘事項の状況（{previous.Key.FiscalYearLabel}の指摘事項 {findings.Count} 件: {FollowUpTexts.Changes(comparison.Findings, findings: true)}）");
        row++;
        if (findings.Count == 0)
        {
            ws.Put(row, 1, "前年度の指摘事項はありません。");
            row++;
        }
        else
        {
            var top = row;
            string[] headers = ["前年度No.", "前年度判定", "監査項目", "", "", "今年度No.", "今年度判定", "変化"];
            for (var c = 0; c < headers.Length; c++) if (headers[c].Length > 0) ws.Put(row, c + 1, headers[c]);
            ws.Merge(row, 3, row, 5);
            foreach (var f in findings)
            {
                row++;
                ws.Put(row, 1, f.PreviousId);
                ws.Put(row, 2, f.PreviousText);
                ws.Merge(row, 3, row, 5);
                ws.Put(row, 3, f.Text);
                ws.Put(row, 6, f.Id ?? "（なし）");
                ws.Put(row, 7, f.Change == YearChange.Removed ? "（項目なし）" : f.Current is { } now ? $"{now.Symbol} {now.Label}" : "未判定");
                ws.Put(row, 8, f.Change.Label() + (f.ByText ? "（番号変更）" : ""));
                Colour(ws, row, 2, f.Previous);
                Colour(ws, row, 7, f.Current);
                ws.Height(row, Sheets.Height(Sheets.Lines(f.Text, 3 * 14)));
            }
            ws.Style(top, 1, top, Width, s => s.Font.Bold = true);
            ws.Style(top, 1, top, Width, s => s.Fill.BackgroundColor = Sheets.HeaderFill);
            ws.Style(top, 1, top, Width, s => s.Alignment.Horizontal = XLAlignmentHorizontalValues.Center);
            ws.Style(top + 1, 3, row, 5, s => s.Alignment.WrapText = true);
            ws.Style(top + 1, 1, row, Width, s => s.Alignment.Vertical = XLAlignmentVerticalValues.Top);
            // Outside and inside borders alike: every cell of the block has the same four borders.
            Grid(ws, top, 1, row, Width, edges: false);
            row++;
        }

        // What could not be matched is listed by id, not guessed.
        var added = comparison.Items.Where(i => i.Change == YearChange.New).Select(i => i.Id!).ToList();
        var removed = comparison.Items.Where(i => i.Change == YearChange.Removed).Select(i => i.PreviousId!).ToList();
        if (added.Count + removed.Count > 0)
        {
            Line(ws, row, "照合できなかった項目（番号も項目文も一致しないもの）: "
                + (added.Count > 0 ? $"今年度のみ（新規） {Ids(added)}" : "")
                + (added.Count > 0 && removed.Count > 0 ? "／" : "")
                + (removed.Count > 0 ? $"前年度のみ（削除） {Ids(removed)}" : ""));
            row++;
        }
        return row;
    }

    private static string Ids(List<string> ids) =>
        string.Join("、", ids.Take(ListedIds)) + (ids.Count > ListedIds ? $" ほか {ids.Count - ListedIds} 件" : "") + $"（{ids.Count} 件）";

    private static void Bold(SheetPlan ws, int row, int column, string text)
    {
        ws.Put(row, column, text);
        ws.Style(row, column, s => s.Font.Bold = true);
    }

    /// <summary>A wrapped line of text across the sheet's width.</summary>
    private static void Line(SheetPlan ws, int row, string text)
    {
        ws.Merge(row, 1, row, Width);
        ws.Put(row, 1, text);
        ws.Style(row, 1, row, Width, s => s.Alignment.WrapText = true);
        ws.Height(row, Sheets.Height(Sheets.Lines(text, Width * 14 + 16)));
    }

    private static void Colour(SheetPlan ws, int row, int column, JudgmentClass? cls)
    {
        if (cls?.Colour is { } colour) ws.Style(row, column, s => s.Fill.BackgroundColor = XLColor.FromHtml("#" + colour), variant: colour);
    }

    private static void Grid(SheetPlan ws, int r1, int c1, int r2, int c2, bool edges)
    {
        ws.Style(r1, c1, r2, c2, s => s.Border.OutsideBorder = XLBorderStyleValues.Thin, edges: edges);
        ws.Style(r1, c1, r2, c2, s => s.Border.InsideBorder = XLBorderStyleValues.Thin, edges: edges);
        ws.Style(r1, c1, r2, c2, s => s.Border.OutsideBorderColor = Sheets.BorderColour, edges: edges);
        ws.Style(r1, c1, r2, c2, s => s.Border.InsideBorderColor = Sheets.BorderColour, edges: edges);
    }
}
