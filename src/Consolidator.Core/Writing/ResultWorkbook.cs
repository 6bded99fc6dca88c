using System.Globalization;
using ClosedXML.Excel;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Writing;

/// <summary>
/// The consolidated result workbook of one audit (SPEC §5): 総括, 監査結果, 指摘事項, 事前回答,
/// 要確認 and 取込履歴, laid out to be read on screen and printed on A4.
/// </summary>
public static class ResultWorkbook
{
    /// <summary>
    /// Writes the workbook. ClosedXML lays out each shape of workbook once per process
    /// (<see cref="WorkbookFrame"/>); every audit's cells, 総括 included, are streamed into that frame.
    /// </summary>
    public static void Write(AuditResult result, DateTimeOffset generatedAt, Stream stream) =>
        WorkbookFrame.Write(Plan(result, generatedAt), stream);

    /// <summary>The workbook laid out by ClosedXML for this audit alone, as before frames: what the framed workbook is compared with.</summary>
    internal static void WriteLaidOut(AuditResult result, DateTimeOffset generatedAt, Stream stream) =>
        WorkbookFrame.WriteLaidOut(Plan(result, generatedAt), stream);

    /// <summary>The workbook's sheets as plans, without ClosedXML.</summary>
    internal static WorkbookPlan Plan(AuditResult result, DateTimeOffset generatedAt)
    {
        // The target's name came in with a file: cleaned like any cell text (a control character
        // in a document property makes the writer throw), and kept short.
        var title = CellText.Clean($"{result.Key.Target} {result.Key.FiscalYearLabel} 監査結果");
        var book = new WorkbookPlan(title.Length > 255 ? title[..254] + "…" : title, "情報セキュリティ監査 結果総括", "Consolidator", generatedAt.DateTime);
        var chart = SummarySheet.Write(book.Add("総括"), result, generatedAt);
        book.Bodies.AddChart("総括", SummarySheet.Chart(result), chart, "判定結果の件数");
        ItemsSheet(book.Add("監査結果"), result);
        FindingsSheet(book.Add("指摘事項"), result);
        AnswersSheet(book.Add("事前回答"), result);
        ReviewSheet(book.Add("要確認"), result.Notes, $"要確認（{result.Key}）");
        if (result.Roster is not null) RosterSheet.Write(book.Add("提出状況"), result, generatedAt.Offset);
        HistorySheet(book.Add("取込履歴"), result.Inputs, $"取込履歴（{result.Key}）", generatedAt.Offset);
        return book;
    }

    public static void Write(AuditResult result, DateTimeOffset generatedAt, string path) =>
        AtomicFile.Write(path, s => Write(result, generatedAt, s));

    /// <summary>The 監査結果 columns, shared with the CSV export.</summary>
    internal static (List<Column> Columns, List<string?[]> Rows) ItemTable(AuditResult result)
    {
        var columns = new List<Column>
        {
            new("No.", 5, 8, Center: true),
            new("分類", 8, 12),
            new("監査項目", 20, 40, Share: 2),
            new("根拠", 8, 12),
            new("判定", 5, 5, Center: true),
            new("判定区分", 7, 10, Center: true),
            new("指摘内容", 12, 36, Share: 1.6),
            new("改善提案", 12, 30, Share: 1.4),
        };
        columns.AddRange(result.Vendors.Select(v => new Column($"事前回答\n{v}", 9, 10, Center: true)));
        columns.Add(new Column("監査人", 8, 12));
        columns.Add(new Column("出典", 12, 26, Small: true));
        var rows = result.Items.Select(i =>
        {
            var row = new List<string?>
            {
                i.Id, i.Category, i.Text, i.Basis,
                i.Judgment?.Symbol ?? "",
                i.Judgment?.Label ?? (i.InvalidJudgmentText.Length > 0 ? $"未判定（{i.InvalidJudgmentText}）" : "未判定"),
                i.Findings, i.Recommendations,
            };
            row.AddRange(result.Vendors.Select(v => i.Answers.TryGetValue(v, out var a) ? a.AnswerText : ""));
            row.Add(string.Join("、", i.Judgments.Select(j => j.Auditor).Distinct()));
            row.Add(string.Join("\n", i.Judgments.Count > 0 ? i.Judgments.SelectMany(j => j.SourceLines()) : [i.Source?.ToString() ?? ""]));
            return row.ToArray();
        }).ToList();
        YearColumns.Insert(result, columns, rows);
        return (columns, rows);
    }

    private static void ItemsSheet(SheetPlan ws, AuditResult result)
    {
        var (columns, rows) = ItemTable(result);
        const int header = 3;
        Sheets.Table(ws, header, columns, rows, JudgmentFill(result.Items, judgmentColumn: 5, labelColumn: 6));
        Sheets.Title(ws, $"監査結果（{result.Key}）", columns.Count);
        if (rows.Count > 0 && JudgmentList(result.Scale) is { } list)
        {
            var range = (header + 1, 5, header + rows.Count, 5);
            ws.Validation = range;
            ws.Sheet(w =>
            {
                var dv = w.Range(range.Item1, range.Item2, range.Item3, range.Item4).SetDataValidation();
                dv.List(list, true);
                dv.IgnoreBlanks = true;
                dv.ErrorStyle = XLErrorStyle.Warning;
                dv.ErrorTitle = "判定";
                dv.ErrorMessage = "判定の区分から選んでください。 / Choose a judgment from the scale.";
            }, "validation " + list);
        }
    }

    /// <summary>
    /// The data validation list of 判定 as a literal: "〇,⦿,□,△,×,―". A list is a formula, so only
    /// symbols that cannot leave the quoted literal (no quote, no comma, no control character) are
    /// used, within Excel's 255-character limit; otherwise no list is set. No other formula is ever
    /// written, and none is built from submitted text: every cell is set as a text or a number.
    /// </summary>
    internal static string? JudgmentList(JudgmentScale scale)
    {
        var symbols = scale.Classes.Select(c => c.Symbol).ToList();
        if (symbols.Count == 0 || symbols.Any(s => s.Length == 0 || s.Any(ch => ch is '"' or ',' || char.IsControl(ch)) || CellText.Clean(s) != s))
            return null;
        var list = "\"" + string.Join(",", symbols) + "\"";
        return list.Length <= 257 ? list : null;
    }

    /// <summary>Judgment cells (1-based columns) coloured by class; 未判定 yellow.</summary>
    private static Func<int, int, string?> JudgmentFill(IReadOnlyList<ResultItem> items, int judgmentColumn, int labelColumn)
    {
        var fills = new Dictionary<JudgmentClass, string?>(ReferenceEqualityComparer.Instance);
        return (r, c) =>
        {
            if (c + 1 < judgmentColumn || c + 1 > labelColumn) return null;
            if (items[r].Judgment is not { } cls) return "#FFFF99";
            if (!fills.TryGetValue(cls, out var fill)) fills[cls] = fill = cls.Colour is { } colour ? "#" + colour : null;
            return fill;
        };
    }

    /// <summary>The least severe class in scope (〇 適合): every in-scope judgment above it is on 指摘事項.</summary>
    private static JudgmentClass? Conforming(JudgmentScale scale) => scale.Classes.Where(c => !c.IsOutOfScope).MinBy(c => c.Severity);

    /// <summary>The items of 指摘事項: judged in scope above the conforming class (× △ □ ⦿), most severe first.</summary>
    internal static List<ResultItem> FindingItems(AuditResult result)
    {
        var conforming = Conforming(result.Scale);
        return result.Items
            .Where(i => i.Judgment is { IsOutOfScope: false } j && j != conforming)
            .OrderByDescending(i => i.Judgment!.Severity)
            .ToList();
    }

    private static void FindingsSheet(SheetPlan ws, AuditResult result)
    {
        var items = FindingItems(result);
        var conforming = Conforming(result.Scale);
        var columns = new List<Column>
        {
            new("No.", 5, 8, Center: true),
            new("判定", 5, 5, Center: true),
            new("判定区分", 7, 10, Center: true),
            new("分類", 8, 12),
            new("監査項目", 18, 40, Share: 2),
            new("指摘内容", 18, 44, Share: 2),
            new("改善提案", 16, 40, Share: 1.6),
            new("事前回答", 10, 24),
            new("監査人", 8, 12),
            new("出典", 12, 26, Small: true),
        };
        var rows = items.Select(i => new string?[]
        {
            i.Id, i.Judgment!.Symbol, i.Judgment.Label, i.Category, i.Text, i.Findings, i.Recommendations,
            string.Join("\n", i.Answers.Values.Select(a => $"{a.Vendor}: {a.AnswerText}")),
            string.Join("、", i.Judgments.Select(j => j.Auditor).Distinct()),
            // An item judged on several sheets names the sheets where the finding was made.
            string.Join("\n", i.Judgments.SelectMany(j => j.SourceLines(c => !c.IsOutOfScope && c != conforming))),
        }).ToList();
        Sheets.Table(ws, 3, columns, rows, JudgmentFill(items, judgmentColumn: 2, labelColumn: 3));
        Sheets.Title(ws, $"指摘事項（{result.Key}）", columns.Count);
        if (rows.Count == 0) Sheets.Note(ws, 4, columns.Count, "指摘事項はありません。");
    }

    private static void AnswersSheet(SheetPlan ws, AuditResult result)
    {
        var judgment = result.Items.ToDictionary(i => i.Id, i => i.Judgment, StringComparer.Ordinal);
        var columns = new List<Column>
        {
            new("事業者", 10, 16),
            new("回答者", 8, 12),
            new("No.", 5, 8, Center: true),
            new("監査項目", 18, 40, Share: 2),
            new("事前回答", 8, 9, Center: true),
            new("回答内容", 18, 44, Share: 2),
            new("証跡", 12, 24),
            new("備考", 8, 20),
            new("判定", 5, 6, Center: true),
            new("出典", 12, 26, Small: true),
            new("状態", 6, 14),
        };
        var rows = result.Answers.Select(a => new string?[]
        {
            a.Vendor, a.Person, a.RawId.Text.Length > 0 && a.Known ? a.ItemId : a.RawId.Text, a.ItemText, a.AnswerText, a.Detail, a.Evidence, a.Remarks,
            judgment.TryGetValue(a.ItemId, out var j) ? j?.Symbol ?? "未判定" : "",
            (a.AnswerCell?.Cell ?? a.RawId.Cell).ToString(),
            a.Known ? "" : "監査項目にない番号（要確認）",
        }).ToList();
        Sheets.Table(ws, 3, columns, rows);
        Sheets.Title(ws, $"事前回答（{result.Key}）", columns.Count);
        if (rows.Count == 0) Sheets.Note(ws, 4, columns.Count, "事前回答はありません。");
    }

    internal static void ReviewSheet(SheetPlan ws, IReadOnlyList<ReviewNote> notes, string title)
    {
        var columns = new List<Column>
        {
            new("No.", 4, 5, Center: true),
            new("区分", 8, 14),
            new("項目", 5, 8, Center: true),
            new("場所（ファイル!\nシート!セル）", 16, 30, Small: true),
            new("元の値", 6, 14),
            new("内容", 22, 44, Share: 1.6),
            new("対応", 18, 36, Share: 1.4),
            new("Details (English)", 22, 40, Small: true, Share: 1.6),
        };
        var rows = notes.Select((n, i) => new string?[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), n.KindLabel, n.ItemId ?? "", n.Where, n.Original, n.MessageJa, n.FixJa,
            $"{n.MessageEn} {n.FixEn}",
        }).ToList();
        Sheets.Table(ws, 3, columns, rows);
        Sheets.Title(ws, title, columns.Count);
        if (rows.Count == 0) Sheets.Note(ws, 4, columns.Count, "要確認の事項はありません。");
    }

    /// <summary>The first 12 hex digits and an ellipsis: what a person compares on paper.</summary>
    internal static string ShortHash(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;

    internal static void HistorySheet(SheetPlan ws, IReadOnlyList<InputRecord> inputs, string title, TimeSpan offset)
    {
        var columns = new List<Column>
        {
            new("No.", 4, 5, Center: true),
            new("ファイル", 14, 30, Share: 1.4),
            new("形式", 5, 12),
            new("区分", 6, 10),
            new("提出者", 8, 18),
            new("提出者キー", 8, 16),
            new("対象業務", 8, 14),
            new("年度", 10, 10),
            new("提出日", 8, 12),
            new("受領日時", 12, 12),
            new("読込\n行数", 5, 5, Center: true, Numeric: true),
            new("採用\n行数", 5, 5, Center: true, Numeric: true),
            new("要確認\n行数", 6, 6, Center: true, Numeric: true),
            new("状態", 5, 5, Center: true),
            new("理由 / Reason", 14, 40, Share: 2),
            // On paper the hash's first 12 digits (enough to tell files apart and to find the file);
            // the whole hash beside it, outside the print area.
            new("SHA-256\n（先頭12桁）", 14, 14, Wrap: false, Small: true),
            new("SHA-256", 66, 66, Wrap: false, Small: true, Printed: false),
        };
        var rows = inputs.Select((f, i) => new string?[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), f.Source.RelativePath, f.Template is null ? f.Format : $"{f.Format}\nテンプレート {f.Template}",
            f.Status == FileStatus.Rejected && f.Role == SubmissionRole.None ? "" : f.Role.Label(),
            f.SubmitterBeside.Length == 0 ? f.Submitter : $"{f.Submitter}\n（{f.SubmitterBeside}）", f.SubmitterKey, f.Key?.Target ?? "", f.Key?.FiscalYearLabel ?? "",
            f.SubmittedOn is { } d ? JapaneseDates.DateLabel(d) : "",
            f.Source.ModifiedAt.ToOffset(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            f.RowsRead.ToString(CultureInfo.InvariantCulture), f.RowsMerged.ToString(CultureInfo.InvariantCulture), f.RowsListed.ToString(CultureInfo.InvariantCulture),
            f.Status.Label(), f.ReasonJa.Length == 0 ? "" : $"{f.ReasonJa}\n{f.ReasonEn}",
            ShortHash(f.Source.Sha256),
            f.Source.Sha256,
        }).ToList();
        var statusColumn = columns.FindIndex(c => c.Header == "状態");
        Sheets.Table(ws, 3, columns, rows, (r, c) => c != statusColumn ? null : inputs[r].Status switch
        {
            FileStatus.Adopted => "#E2EFDA",
            FileStatus.Rejected => "#F4B6B6",
            _ => "#EDEDED",
        });
        Sheets.Title(ws, title, columns.Count);
    }
}
