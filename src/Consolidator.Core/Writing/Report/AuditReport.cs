using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using static Consolidator.Core.Writing.Report.WordWriter;

namespace Consolidator.Core.Writing.Report;

/// <summary>
/// The audit report draft (監査報告書案) of one audit, as a Word document in the fixed shape of a
/// municipal information-security audit report: 1 監査概要 (目的, 対象, 基準 with the
/// judgment-method table, 方法, 体制, スケジュール) and 2 運用監査結果 (総括 with the count table
/// and sentence exactly as on the workbook's 総括, then 指摘事項). Everything the data says is
/// generated; what only a person can write comes from <see cref="ReportTexts"/> or stands as a
/// marked placeholder. The generated sentence stays counts only.
/// </summary>
public static class AuditReport
{
    public static void Write(AuditResult result, ReportTexts texts, DateTimeOffset generatedAt, string path) =>
        AtomicFile.Write(path, s => Write(result, texts, generatedAt, s));

    public static void Write(AuditResult result, ReportTexts texts, DateTimeOffset generatedAt, Stream stream)
    {
        // The SDK needs a stream it can seek in; the package is small, so it is built in memory.
        using var buffer = new MemoryStream();
        using (var doc = new WordWriter(buffer, $"{result.Key.Target} {result.Key.FiscalYearLabel} 情報セキュリティ監査報告書（案）"))
        {
            Front(doc, result, texts, generatedAt);
            Overview(doc, result, texts, generatedAt);
            Results(doc, result, texts);
            doc.Text("以上", "Closing");
            doc.Finish();
        }
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    private static void Front(WordWriter doc, AuditResult result, ReportTexts texts, DateTimeOffset generatedAt)
    {
        doc.Title("情報セキュリティ監査報告書（案）");
        doc.Text($"{result.Key.Target}　{result.Key.FiscalYearLabel}", "Subtitle");
        doc.Text($"作成日　{JapaneseDates.DateLabel(DateOnly.FromDateTime(generatedAt.DateTime))}", "Subtitle");
        if (result.Status == AuditStatus.Provisional)
        {
            doc.Warning($"【暫定】この報告書案は、集計が確定していない段階のものです（未判定 {result.Pending} 件、要確認 {result.ReviewCount} 件）。確定後に作成し直してください。");
            foreach (var line in Missing(result)) doc.Text("・" + line, "Indented");
        }
    }

    /// <summary>What keeps the audit provisional, line by line: items not judged, then the entries to review by kind.</summary>
    private static IEnumerable<string> Missing(AuditResult result)
    {
        var pending = result.Items.Where(i => i.Judgment is null).Select(i => i.Id).ToList();
        if (result.Items.Count == 0)
            yield return "判定された監査項目がありません。監査人のチェックリストを受付フォルダに置いてください。";
        else if (pending.Count > 0)
            yield return $"未判定の項目（{pending.Count} 件）: " + string.Join("、", pending.Take(30)) + (pending.Count > 30 ? $" ほか {pending.Count - 30} 件" : "");
        if (FollowUpTexts.ProvisionalReason(result) is { Length: > 0 } roster)
            yield return roster;
        if (result.Notes.Count > 0)
            yield return $"要確認（{result.Notes.Count} 件）: {SummarySheet.Breakdown(result)} — 結果ブックの「要確認」シートを参照してください。";
    }

    private static void Overview(WordWriter doc, AuditResult result, ReportTexts texts, DateTimeOffset generatedAt)
    {
        doc.Heading(1, "1　監査概要");

        doc.Heading(2, "1.1　監査目的");
        Said(doc, texts.Purpose);

        doc.Heading(2, "1.2　監査対象");
        doc.Heading(3, "(1)　対象業務");
        doc.Text(result.Key.Target, "Indented");
        doc.Heading(3, "(2)　対象部署・対象者");
        if (texts.Departments.Count > 0)
            foreach (var d in texts.Departments) doc.Text(d, "Indented");
        else
            doc.Text("Indented", Run("所管部署："), PlaceholderRun());
        var vendors = Vendors(result);
        if (vendors.Count > 0)
        {
            doc.Text("委託事業者（事前回答による）：", "Indented");
            foreach (var v in vendors) doc.Text("・" + v, "Indented");
        }

        doc.Heading(2, "1.3　監査基準");
        doc.Heading(3, "(1)　適用基準");
        if (texts.Standards.Count > 0)
            foreach (var s in texts.Standards) doc.Text("・" + s, "Indented");
        else
            doc.Placeholder("Indented");
        doc.Heading(3, "(2)　監査結果判定方法");
        doc.Text("監査項目ごとの判定は、次の区分による。", "Indented");
        ScaleTable(doc, result.Scale);

        doc.Heading(2, "1.4　監査方法");
        doc.Text(Method(result), "Indented");
        doc.Text("Indented", Run("監査の手法（書面確認、ヒアリング、実地確認など）："), PlaceholderRun());

        doc.Heading(2, "1.5　監査体制");
        TeamTable(doc, result, texts);

        doc.Heading(2, "1.6　監査スケジュール");
        ScheduleTable(doc, result, generatedAt);
    }

    private static void Results(WordWriter doc, AuditResult result, ReportTexts texts)
    {
        doc.Heading(1, "2　運用監査結果");
        doc.Heading(2, "2.1　総括");
        Said(doc, texts.Summary);
        doc.Text("監査項目ごとの判定結果の件数は、次のとおりである。");
        CountTable(doc, result);
        doc.Text(SummarySentence.For(result));
        var status = result.Status == AuditStatus.Final
            ? "状態：確定（全項目が判定済みで、要確認の事項はない。）"
            : $"状態：暫定（未判定 {result.Pending} 件、要確認 {result.ReviewCount} 件。未判定の項目は計に含めていない。）";
        doc.Text(status);

        doc.Heading(2, "2.2　指摘事項");
        var items = ResultWorkbook.FindingItems(result);
        if (items.Count == 0)
        {
            doc.Text(result.Total == 0 ? "判定された監査項目がないため、記載する事項はない。" : "記載する指摘事項及び参考意見はない。");
            return;
        }
        var labels = string.Join("、", items.Select(i => i.Judgment!).Distinct().OrderByDescending(c => c.Severity).Select(c => $"「{c.Label}」"));
        doc.Text($"判定が{labels}であった項目は、次のとおりである（重大なものから順に記載）。");
        var header = Row(Cell("No.", header: true), Cell("監査項目", header: true), Cell("判定", header: true),
            Cell("指摘内容", header: true), Cell("改善提案", header: true));
        var rows = items.Select(i => Row(
            Cell(i.Id, center: true),
            Cell(i.Category.Length > 0 ? $"【{i.Category}】\n{i.Text}" : i.Text),
            Cell($"{i.Judgment!.Symbol}\n{i.Judgment.Label}", center: true, fill: i.Judgment.Colour),
            Cell(i.Findings),
            Cell(i.Recommendations)));
        doc.Table([0.8, 3.2, 1.1, 3.2, 2.7], [header], rows);
        if (result.Comparison is { } comparison) Previous(doc, comparison);
    }

    /// <summary>2.3 the previous audit's findings and what became of them, with the same counts as 総括's.</summary>
    private static void Previous(WordWriter doc, YearComparison comparison)
    {
        doc.Heading(2, "2.3　前回指摘事項の状況");
        var previous = comparison.Previous;
        var findings = comparison.Items.Where(i => i.WasFinding)
            .OrderByDescending(i => i.Previous!.Severity).ThenBy(i => i.PreviousId ?? "", ItemIds.NaturalComparer).ToList();
        if (findings.Count == 0)
        {
            doc.Text($"前回（{previous.Key.FiscalYearLabel}）の監査に指摘事項はなかった。");
            return;
        }
        doc.Text($"前回（{previous.Key.FiscalYearLabel}）の監査の指摘事項 {findings.Count} 件の今回の状況は、次のとおりである（{FollowUpTexts.Changes(comparison.Findings, findings: true)}）。");
        var header = Row(Cell("前回No.", header: true), Cell("前回の判定", header: true), Cell("監査項目", header: true), Cell("今回の判定", header: true), Cell("変化", header: true));
        var rows = findings.Select(f => Row(
            Cell(f.PreviousId ?? "", center: true),
            Cell(f.PreviousText, center: true, fill: f.Previous?.Colour),
            Cell(f.Text),
            Cell(f.Change == YearChange.Removed ? "（項目なし）" : f.Current is { } now ? $"{now.Symbol} {now.Label}" : "未判定", center: true, fill: f.Current?.Colour),
            Cell(f.Change.Label() + (f.ByText ? "（番号変更）" : ""), center: true)));
        doc.Table([1.1, 1.6, 4.6, 1.6, 1.3], [header], rows);
    }

    private static void Said(WordWriter doc, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) doc.Placeholder();
        else doc.Text(text);
    }

    /// <summary>The vendors named in the inputs, each with the people who answered for it.</summary>
    private static List<string> Vendors(AuditResult result)
    {
        var people = result.Answers.Where(a => !string.IsNullOrWhiteSpace(a.Person))
            .GroupBy(a => a.Vendor, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Person!).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        return result.Vendors.Select(v => people.TryGetValue(v, out var p) && p.Count > 0 ? $"{v}（回答者：{string.Join("、", p)}）" : v).ToList();
    }

    private static string Method(AuditResult result)
    {
        var auditors = Team(result).Count;
        var what = result.UniverseFromMaster
            ? $"監査項目一覧の {result.Items.Count} 項目"
            : $"監査人のチェックリストにある {result.Items.Count} 項目（監査項目一覧の提出なし）";
        var who = auditors > 0 ? $"監査人 {auditors} 名がチェックリストにより判定した" : "監査人の判定はまだない";
        var vendors = result.Vendors.Count > 0 ? $"。判定に先立ち、委託事業者 {result.Vendors.Count} 者から事前回答を受けた。" : "。";
        return $"{what}について、{who}{vendors}";
    }

    /// <summary>The judgment-method table: symbol, label, criterion, and whether the class is a 指摘事項.</summary>
    private static void ScaleTable(WordWriter doc, JudgmentScale scale)
    {
        var header = Row(Cell("判定", header: true), Cell("区分", header: true), Cell("判定基準", header: true), Cell("指摘事項", header: true));
        var classes = scale.Classes.Where(c => !c.IsOutOfScope).OrderBy(c => c.Severity).Concat(scale.Classes.Where(c => c.IsOutOfScope));
        var rows = classes.Select(c => Row(
            Cell(c.Symbol, center: true, fill: c.Colour),
            Cell(c.Label, center: true),
            string.IsNullOrWhiteSpace(c.Criterion) ? PlaceholderCell() : Cell(c.Criterion),
            Cell(c.IsFinding ? "〇" : "", center: true)));
        doc.Table([1.0, 1.8, 6.0, 1.2], [header], rows);
    }

    /// <summary>The auditors by their titles: 監査責任者 first, then 監査人, each as their files name them.</summary>
    private static List<(string Role, string Name)> Team(AuditResult result) => result.Auditors
        .Select(a =>
        {
            var (name, title) = Text.SplitTrailingBracket(a);
            var role = title is null ? "監査人" : title.Contains("責任者", StringComparison.Ordinal) ? "監査責任者" : title;
            return (Role: role, Name: name.Length > 0 ? name : a);
        })
        .OrderBy(t => t.Role == "監査責任者" ? 0 : 1)
        .ThenBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    private static void TeamTable(WordWriter doc, AuditResult result, ReportTexts texts)
    {
        var header = Row(Cell("役割", header: true), Cell("氏名・名称", header: true));
        var rows = new List<DocumentFormat.OpenXml.Wordprocessing.TableRow>
        {
            Row(Cell("監査実施者"), string.IsNullOrWhiteSpace(texts.Firm)
                ? PlaceholderCell()
                : Cell(texts.Firm)),
        };
        var team = Team(result);
        rows.AddRange(team.Select(t => Row(Cell(t.Role), Cell(t.Name))));
        if (team.Count == 0) rows.Add(Row(Cell("監査人"), Cell("（チェックリストの提出なし）")));
        doc.Table([3, 7], [header], rows);
    }

    private static void ScheduleTable(WordWriter doc, AuditResult result, DateTimeOffset generatedAt)
    {
        var header = Row(Cell("日程", header: true), Cell("内容", header: true));
        var rows = new List<DocumentFormat.OpenXml.Wordprocessing.TableRow>();
        var answered = result.Inputs.Where(i => i.Status == FileStatus.Adopted && i.Role.HasFlag(SubmissionRole.Vendor) && i.SubmittedOn is not null)
            .Select(i => i.SubmittedOn!.Value).Distinct().Order().ToList();
        if (answered.Count > 0)
            rows.Add(Row(Cell(Span(answered)), Cell("委託事業者からの事前回答の提出")));
        rows.Add(result.AuditDates.Count > 0
            ? Row(Cell(string.Join("、", result.AuditDates)), Cell("監査の実施"))
            : Row(PlaceholderCell(), Cell("監査の実施（実施日の記載なし）")));
        rows.Add(Row(Cell(JapaneseDates.DateLabel(DateOnly.FromDateTime(generatedAt.DateTime))), Cell("監査結果の集計・報告書案の作成")));
        doc.Table([4, 6], [header], rows);
    }

    private static string Span(List<DateOnly> dates) => dates.Count == 1
        ? JapaneseDates.DateLabel(dates[0])
        : $"{JapaneseDates.DateLabel(dates[0])}～{JapaneseDates.DateLabel(dates[^1])}";

    /// <summary>
    /// The count table exactly as on 総括: the out-of-scope and non-finding classes each over both
    /// header rows, 指摘事項 merged over its classes, 計; then one row of numbers.
    /// </summary>
    private static void CountTable(WordWriter doc, AuditResult result)
    {
        var counts = result.Counts;
        var plain = counts.Where(c => !c.Class.IsFinding).ToList();
        var findings = counts.Where(c => c.Class.IsFinding).ToList();
        var top = new List<DocumentFormat.OpenXml.Wordprocessing.TableCell>();
        var second = new List<DocumentFormat.OpenXml.Wordprocessing.TableCell>();
        foreach (var (cls, _) in plain)
        {
            top.Add(Cell(cls.Label, rowMerge: RowMerge.Start, header: true));
            second.Add(Cell("", rowMerge: RowMerge.Continue, header: true));
        }
        if (findings.Count > 0)
        {
            top.Add(Cell("指摘事項", span: findings.Count, header: true));
            second.AddRange(findings.Select(f => Cell(f.Class.Label, header: true)));
        }
        top.Add(Cell("計", rowMerge: RowMerge.Start, header: true));
        second.Add(Cell("", rowMerge: RowMerge.Continue, header: true));
        var numbers = plain.Concat(findings).Select(c => Cell(c.Count.ToString(CultureInfo.InvariantCulture), center: true, size: 12)).ToList();
        numbers.Add(Cell(result.Total.ToString(CultureInfo.InvariantCulture), center: true, bold: true, size: 12));
        // Each column as wide as its label needs (重大な不適合 more than 計), so no label breaks mid-word.
        var shares = plain.Concat(findings).Select(c => Math.Max(5, CellText.DisplayWidth(c.Class.Label) + 1)).Append(5).ToList();
        doc.Table(shares, [Row([.. top]), Row([.. second])], [Row([.. numbers])]);
    }
}
