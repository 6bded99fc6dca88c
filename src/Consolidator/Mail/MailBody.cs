using System.Globalization;
using System.Net;
using System.Text;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;

namespace Consolidator.Mail;

/// <summary>
/// The body of a result mail, in plain text and in HTML: per audit the status, the number of
/// entries to review, the 総括 count table (laid out as in the workbook: the classes, 指摘事項 over
/// its classes, 計) and the sentence. Only what the 総括 sheet shows; item texts stay in the workbook.
/// Everything taken from a workbook (a target's name) is printed the safe way (<see cref="Printable"/>:
/// no bidirectional override can reorder what the reader sees) and HTML-encoded.
/// </summary>
internal static class MailBody
{
    public const string IntroJa = "情報セキュリティ監査の集約結果をお送りします。結果ブックを添付しています。";
    public const string IntroEn = "The consolidated result of the information-security audit; the result workbook is attached.";
    private const string FooterJa = "このメールは Consolidator が自動で送信しています。宛先は設定 Mail:To で変更できます。";
    private const string FooterEn = "Sent automatically by Consolidator. Recipients are set in Mail:To.";

    /// <summary>Why the result is 確定 or 暫定, as the 総括 sheet says it.</summary>
    public static string StatusReason(AuditResult a) => a.Status == AuditStatus.Final
        ? "全項目が判定済みで、要確認の事項はありません。"
        : FollowUpTexts.ProvisionalReason(a) + (SummarySentence.Unjudged(a) is { } none ? $"{none.Ja}（{none.En}）。" : "")
            + Invariant($"未判定 {a.Pending} 件、要確認 {a.ReviewCount} 件があります。確認後に再集計してください。");

    public static string Text(IReadOnlyList<AuditResult> audits, IReadOnlyList<string> attachments)
    {
        var sb = new StringBuilder();
        sb.AppendLine(audits.Count == 1 ? IntroJa : $"{audits.Count}件の監査の集約結果をお送りします。結果ブックを添付しています。");
        sb.AppendLine(IntroEn);
        foreach (var a in audits)
        {
            sb.AppendLine();
            sb.AppendLine($"■ {Printable.Name(a.Key.Target)} {a.Key.FiscalYearLabel}");
            sb.AppendLine($"状態: {a.Status.Label()}（{StatusReason(a)}）");
            sb.AppendLine(Invariant($"要確認: {a.ReviewCount}件　未判定: {a.Pending}件"));
            foreach (var line in FollowUpTexts.Lines(a)) sb.AppendLine(line);
            sb.AppendLine();
            sb.AppendLine("判定結果の件数");
            var plain = a.Counts.Where(c => !c.Class.IsFinding).ToList();
            var findings = a.Counts.Where(c => c.Class.IsFinding).ToList();
            foreach (var (cls, n) in plain) sb.AppendLine(Invariant($"  {cls.Label}: {n}件"));
            if (findings.Count > 0)
                sb.AppendLine("  指摘事項 … " + string.Join("、", findings.Select(f => Invariant($"{f.Class.Label}: {f.Count}件"))));
            sb.AppendLine(Invariant($"  計: {a.Total}件"));
            sb.AppendLine();
            sb.AppendLine("総括文");
            sb.AppendLine("  " + SummarySentence.For(a));
        }
        sb.AppendLine();
        sb.AppendLine(attachments.Count > 0 ? "添付: " + string.Join("、", attachments) : "添付: なし（結果ブックが見つかりませんでした） / no workbook was found to attach");
        sb.AppendLine();
        sb.AppendLine("-- ");
        sb.AppendLine(FooterJa);
        sb.AppendLine(FooterEn);
        return sb.ToString().ReplaceLineEndings("\r\n");
    }

    public static string Html(string title, IReadOnlyList<AuditResult> audits, IReadOnlyList<string> attachments)
    {
        const string cell = "border:1px solid #808080;padding:4px 10px;text-align:center;";
        const string head = cell + "background:#D9E1F2;font-weight:bold;";
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n</head>\n");
        sb.Append("<body style=\"font-family:'Yu Gothic','Meiryo',sans-serif;font-size:14px;color:#222222;\">\n");
        sb.Append("<p>").Append(E(audits.Count == 1 ? IntroJa : $"{audits.Count}件の監査の集約結果をお送りします。結果ブックを添付しています。"))
          .Append("<br>\n<span style=\"color:#666666;\">").Append(E(IntroEn)).Append("</span></p>\n");
        foreach (var a in audits)
        {
            sb.Append("<h2 style=\"font-size:16px;margin:20px 0 8px 0;\">").Append(E($"{Printable.Name(a.Key.Target)} {a.Key.FiscalYearLabel}")).Append("</h2>\n");
            var statusColour = a.Status == AuditStatus.Final ? "#C6EFCE" : "#FFEB9C";
            sb.Append("<p>状態: <span style=\"background:").Append(statusColour).Append(";padding:1px 6px;font-weight:bold;\">")
              .Append(E(a.Status.Label())).Append("</span> ").Append(E(StatusReason(a))).Append("<br>\n");
            sb.Append(Invariant($"要確認: {a.ReviewCount}件　未判定: {a.Pending}件"));
            foreach (var line in FollowUpTexts.Lines(a)) sb.Append("<br>\n").Append(E(line));
            sb.Append("</p>\n");

            var plain = a.Counts.Where(c => !c.Class.IsFinding).ToList();
            var findings = a.Counts.Where(c => c.Class.IsFinding).ToList();
            sb.Append("<table style=\"border-collapse:collapse;margin:8px 0;\">\n<tr>");
            foreach (var (cls, _) in plain) sb.Append("<th rowspan=\"2\" style=\"").Append(head).Append("\">").Append(E(cls.Label)).Append("</th>");
            if (findings.Count > 0)
                sb.Append(Invariant($"<th colspan=\"{findings.Count}\" style=\"")).Append(head).Append("\">指摘事項</th>");
            sb.Append("<th rowspan=\"2\" style=\"").Append(head).Append("\">計</th></tr>\n<tr>");
            foreach (var (cls, _) in findings) sb.Append("<th style=\"").Append(head).Append("\">").Append(E(cls.Label)).Append("</th>");
            sb.Append("</tr>\n<tr>");
            foreach (var (_, n) in plain.Concat(findings)) sb.Append("<td style=\"").Append(cell).Append("\">").Append(Invariant($"{n}")).Append("</td>");
            sb.Append("<td style=\"").Append(cell).Append("font-weight:bold;\">").Append(Invariant($"{a.Total}")).Append("</td></tr>\n</table>\n");

            sb.Append("<p style=\"display:inline-block;border:1px solid #808080;padding:6px 10px;\">").Append(E(SummarySentence.For(a))).Append("</p>\n");
        }
        sb.Append("<p>添付: ").Append(attachments.Count > 0 ? E(string.Join("、", attachments)) : "なし（結果ブックが見つかりませんでした）").Append("</p>\n");
        sb.Append("<p style=\"color:#666666;font-size:12px;\">").Append(E(FooterJa)).Append("<br>\n").Append(E(FooterEn)).Append("</p>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString().ReplaceLineEndings("\r\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
