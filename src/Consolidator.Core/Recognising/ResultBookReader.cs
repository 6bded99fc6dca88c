using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>
/// A workbook this product wrote, dropped back into the inbox: a result workbook (sheets 総括,
/// 監査結果 and 取込履歴, 総括 titled 結果総括) or the overview (一覧 and 取込履歴, titled
/// 監査結果一覧). It is never a submission — its 監査結果 sheet would otherwise read as an
/// auditor's checklist. A result workbook gives the earlier year for 前年度比較: the audit key
/// from 総括, every item of 監査結果 with its judgment as written (判定 and 判定区分), its status
/// and when it was generated. Recognised by the sheets, so a copy saved again by Excel or
/// LibreOffice (also as .xls) is recognised too.
/// </summary>
internal static class ResultBookReader
{
    private const int TitleRows = 3;
    private const int HeaderRows = 10;

    /// <summary>Null when the workbook is not one of this product's outputs.</summary>
    public static Submission? Read(SourceFile source, RawWorkbook book)
    {
        var summary = Sheet(book, "総括");
        var items = Sheet(book, "監査結果");
        var history = Sheet(book, "取込履歴");
        var overview = Sheet(book, "一覧");
        var baseSubmission = new Submission { Source = source, Format = book.Format, Role = SubmissionRole.Result };
        if (history is not null && overview is not null && summary is null && Titled(overview, "監査結果一覧"))
            return baseSubmission with { Sheets = [new SheetReport(overview.Name, overview.Hidden, null, [], 0, "監査結果一覧（この製品の出力） / overview written by this product")] };
        if (summary is null || items is null || history is null || !Titled(summary, "結果総括")) return null;

        var file = source.RelativePath;
        var meta = MetadataReader.Read(summary, file, 1, 12, Lexicon.Default);
        var target = meta.GetValueOrDefault(MetaKey.Target)?.Text;
        int? year = meta.GetValueOrDefault(MetaKey.FiscalYear) is { } fy && JapaneseDates.TryParseFiscalYear(fy.Text, out var y) ? y : null;
        var rows = Items(items);
        var report = new SheetReport(items.Name, items.Hidden, null, [], rows.Count, "前年度比較に使う結果ブック / result workbook for the year-on-year comparison");
        if (string.IsNullOrWhiteSpace(target) || year is null)
            return baseSubmission with { Sheets = [report], Rejection = WithoutKey };
        var key = new AuditKey(target, year.Value);
        return baseSubmission with
        {
            Key = key,
            KeyOrigin = "metadata",
            Sheets = [report],
            Previous = new YearSnapshot
            {
                Key = key,
                Items = rows,
                File = source.RelativePath,
                Status = Labelled(summary, "状態"),
                GeneratedAt = Labelled(summary, "作成日時") is { Length: >= 16 } at ? at[..16] : "",
            },
        };
    }

    private static readonly Rejection WithoutKey = new("result-without-key",
        "この製品が出力した結果ブックですが、総括の対象業務・年度を読めないため前年度比較に使えません。提出としては数えません。",
        "A result workbook written by this product, but its 総括 names no readable target and year, so it cannot be compared with; it is not counted as a submission.",
        "出力されたままの結果ブックを置いてください（総括の対象業務・年度を消さないでください）。",
        "Put the result workbook as it was written (keep 対象業務 and 年度 on 総括).");

    private static RawSheet? Sheet(RawWorkbook book, string name) =>
        book.Sheets.FirstOrDefault(s => Text.NfkcCollapsed(s.Name) == name);

    private static bool Titled(RawSheet sheet, string title)
    {
        for (var r = 1; r <= Math.Min(sheet.RowCount, TitleRows); r++)
            if (sheet.Row(r).Any(c => Text.NfkcCollapsed(c).Contains(title, StringComparison.Ordinal))) return true;
        return false;
    }

    /// <summary>The value beside a label in column A of 総括 (状態 → 確定).</summary>
    private static string Labelled(RawSheet sheet, string label)
    {
        for (var r = 1; r <= sheet.RowCount; r++)
            if (Text.NfkcCollapsed(sheet[r, 1]) == label) return Text.NfkcCollapsed(sheet[r, 2]);
        return "";
    }

    /// <summary>The rows of 監査結果 under the header row holding No., 判定 and 判定区分.</summary>
    private static List<SnapshotItem> Items(RawSheet sheet)
    {
        var list = new List<SnapshotItem>();
        for (var r = 1; r <= Math.Min(sheet.RowCount, HeaderRows); r++)
        {
            var cells = sheet.Row(r).Select(Text.HeaderKey).ToArray();
            int Find(string name) => Array.IndexOf(cells, Text.HeaderKey(name)) + 1;
            var (id, symbol, label) = (Find("No."), Find("判定"), Find("判定区分"));
            if (id == 0 || symbol == 0 || label == 0) continue;
            var (category, text) = (Find("分類"), Find("監査項目"));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var row = r + 1; row <= sheet.RowCount; row++)
            {
                var itemId = ItemIds.Normalise(sheet[row, id]);
                if (itemId.Length == 0 || !seen.Add(itemId)) continue;
                var written = Text.NfkcCollapsed(sheet[row, label]);
                list.Add(new SnapshotItem(itemId,
                    category > 0 ? sheet[row, category].Trim() : "",
                    text > 0 ? sheet[row, text].Trim() : "",
                    sheet[row, symbol].Trim(),
                    written.StartsWith("未判定", StringComparison.Ordinal) ? "" : written));
            }
            return list;
        }
        return list;
    }
}
