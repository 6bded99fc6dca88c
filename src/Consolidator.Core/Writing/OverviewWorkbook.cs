using System.Globalization;
using ClosedXML.Excel;
using Consolidator.Core.Model;

namespace Consolidator.Core.Writing;

/// <summary>With several audits in one inbox: one row per audit (counts, status, items to review, inputs), and every file's history.</summary>
public static class OverviewWorkbook
{
    public static void Write(ConsolidationResult result, DateTimeOffset generatedAt, Stream stream)
    {
        lock (ClosedXmlGate.Lock) Build(result, generatedAt, stream);
    }

    private static void Build(ConsolidationResult result, DateTimeOffset generatedAt, Stream stream)
    {
        using var wb = new XLWorkbook();
        wb.Properties.Title = "監査結果一覧";
        wb.Properties.Created = generatedAt.DateTime;
        wb.Properties.Modified = generatedAt.DateTime;
        var bodies = new TableBodies();
        var ws = wb.AddWorksheet("一覧");
        var classes = result.Audits.Count > 0 ? result.Audits[0].Scale.Classes : [];
        var columns = new List<Column> { new("対象業務", 12, 30), new("年度", 10, 12) };
        columns.AddRange(classes.Select(c => new Column(c.Label, 6, 10, Center: true, Numeric: true)));
        columns.Add(new Column("計", 5, 8, Center: true, Numeric: true));
        columns.Add(new Column("未判定", 6, 8, Center: true, Numeric: true));
        columns.Add(new Column("状態", 5, 8, Center: true));
        columns.Add(new Column("要確認", 6, 8, Center: true, Numeric: true));
        columns.Add(new Column("入力\nファイル", 6, 10, Center: true, Numeric: true));
        columns.Add(new Column("総括文", 24, 60, Share: 2));
        columns.Add(new Column("結果ファイル", 20, 50));
        var rows = result.Audits.Select(a =>
        {
            var row = new List<string?> { a.Key.Target, a.Key.FiscalYearLabel };
            row.AddRange(a.Counts.Select(c => c.Count.ToString(CultureInfo.InvariantCulture)));
            row.Add(a.Total.ToString(CultureInfo.InvariantCulture));
            row.Add(a.Pending.ToString(CultureInfo.InvariantCulture));
            row.Add(a.Status.Label());
            row.Add(a.ReviewCount.ToString(CultureInfo.InvariantCulture));
            row.Add(a.Inputs.Count(i => Equals(i.Key, a.Key)).ToString(CultureInfo.InvariantCulture));
            row.Add(SummarySentence.For(a));
            row.Add(OutputNames.ResultWorkbook(a));
            return row.ToArray();
        }).ToList();
        Sheets.Table(ws, 3, columns, rows, bodies);
        Sheets.Title(ws, $"監査結果一覧（{result.Audits.Count} 件の監査、作成 {generatedAt:yyyy-MM-dd HH:mm}）", columns.Count);
        if (result.Audits.Count > 0) ChartSheet(wb.AddWorksheet("件数グラフ"), result, classes, bodies);
        var history = new SheetPlan("取込履歴");
        ResultWorkbook.HistorySheet(history, result.Files, "取込履歴（すべてのファイル）", generatedAt.Offset);
        if (history.Body is { } body) bodies.Add(body);
        history.Replay(wb.AddWorksheet("取込履歴"));
        bodies.Save(wb, stream);
    }

    /// <summary>
    /// Every audit's counts as one stacked bar, a colour per class, on a sheet of its own: as tall as
    /// the audits need (a bar about 20 pt), a page wide, printed on A4 landscape.
    /// </summary>
    private static void ChartSheet(IXLWorksheet ws, ConsolidationResult result, IReadOnlyList<Normalising.JudgmentClass> classes, TableBodies bodies)
    {
        Sheets.Title(ws, "判定結果の件数（監査ごと）", 12);
        ws.ShowGridLines = false;
        for (var c = 1; c <= 12; c++) ws.Column(c).Width = 12;
        var names = result.Audits.Select(a => $"{a.Key.Target} {a.Key.FiscalYearLabel}").ToList();
        var series = classes.Select(c => (c.Label, c.Colour,
            (IReadOnlyList<int>)result.Audits.Select(a => a.Counts.Where(x => x.Class.Label == c.Label).Sum(x => x.Count)).ToList())).ToList();
        var rows = Math.Min(2000, 8 + (int)Math.Ceiling(result.Audits.Count * 1.4));
        bodies.AddChart("件数グラフ", CountChart.Stacked("判定結果の件数（監査ごと）", names, series), new ChartAnchor(0, 2, 12, 2 + rows), "判定結果の件数");
        Sheets.Print(ws, 0, 0, PageFit.FitWidth);
    }

    public static void Write(ConsolidationResult result, DateTimeOffset generatedAt, string path) =>
        AtomicFile.Write(path, s => Write(result, generatedAt, s));
}
