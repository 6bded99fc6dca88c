using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Writing.Templates;

/// <summary>
/// The words of a template: title, instructions, dropdown entries and the input hints Excel
/// shows beside a selected cell. Excel limits a hint's title to 32 characters and its text to
/// 255; every text here stays within them.
/// </summary>
internal static class TemplateTexts
{
    public static readonly string[] Answers = ["実施", "一部実施", "未実施", "該当なし"];

    public static string SheetName(SubmissionRole role) => role == SubmissionRole.Vendor ? "事前回答" : "チェックリスト";

    public static string Document(SubmissionRole role) => role == SubmissionRole.Vendor ? "事前回答書" : "チェックリスト";

    public static string Title(TemplateDefinition t) =>
        $"{t.Key.FiscalYearLabel} 情報セキュリティ監査 {Document(t.Role)}（{t.Key.Target}）";

    /// <summary>The dropdown: the four answers, or the scale from least to most severe, out of scope last.</summary>
    public static IReadOnlyList<string> Choices(TemplateDefinition t) =>
        t.Role == SubmissionRole.Vendor
            ? Answers
            : t.Scale.Classes.OrderBy(c => c.IsOutOfScope ? int.MaxValue : c.Severity).Select(c => Choice(t.Scale, c)).ToList();

    /// <summary>
    /// Symbol and label together ("× 重大な不適合") when the scale reads that back as the class;
    /// else the symbol alone (a label with brackets or spaces of its own would not split cleanly).
    /// </summary>
    private static string Choice(JudgmentScale scale, JudgmentClass c)
    {
        foreach (var choice in new[] { $"{c.Symbol} {c.Label}", c.Symbol, c.Label })
            if (scale.Parse(choice) is { IsValid: true } parsed && parsed.Class == c)
                return choice;
        return c.Symbol;
    }

    public static IReadOnlyList<string> Instructions(TemplateDefinition t, IReadOnlyList<string> inputs)
    {
        var cells = string.Join("・", inputs.Select(i => $"「{i}」"));
        if (t.Role == SubmissionRole.Vendor)
        {
            return
            [
                $"1. 黄色のセル（{cells}）だけに記入してください。ほかのセルは変更できないよう保護しています（パスワードなし）。",
                $"2. 事前回答は、セルを選ぶと表示される一覧から選んでください：{string.Join("／", Answers)}。",
                "3. 回答内容には実施している対策を具体的に、証跡にはそれを確認できる資料名（例：運用手順書（第4版））を記入してください。",
                "4. 事前回答が空欄の項目は「未回答」として扱われます。該当しない項目は「該当なし」を選び、理由を回答内容に記入してください。",
                "5. 行・列の追加や削除、並べ替え、シート名の変更はしないでください。記入後はこのファイルを提出してください（ファイル名は変えても構いません）。",
            ];
        }
        var requiresFinding = t.Scale.Classes.Where(c => c.RequiresFinding).OrderByDescending(c => c.Severity).Select(c => $"{c.Symbol}（{c.Label}）").ToList();
        return
        [
            $"1. 黄色のセル（{cells}）だけに記入してください。ほかのセルは変更できないよう保護しています（パスワードなし）。",
            $"2. 判定は、セルを選ぶと表示される一覧から選んでください：{string.Join("／", Choices(t))}。",
            requiresFinding.Count > 0
                ? $"3. {string.Join("・", requiresFinding)} と判定した項目には、指摘内容（確認した事実と問題点）を必ず記入してください。"
                : "3. 指摘内容には、確認した事実と問題点を記入してください。",
            "4. 判定が空欄の項目は「未判定」として扱われ、集計に含まれません。",
            "5. 行・列の追加や削除、並べ替え、シート名の変更はしないでください。記入後はこのファイルを提出してください（ファイル名は変えても構いません）。",
        ];
    }

    /// <summary>The hint of a column's input cells: title (at most 32 characters) and text (at most 255).</summary>
    public static (string Title, string Message) Hint(ColumnKind kind, TemplateDefinition t) => kind switch
    {
        ColumnKind.Judgment => ("判定", Truncate($"一覧から選んでください（{string.Join("、", Choices(t))}）。空欄は未判定として扱われます。")),
        ColumnKind.Finding => ("指摘内容", "確認した事実と問題点を記入してください。判定が不適合・重大な不適合のときは必須です。適合のときは確認した資料などを記入できます。"),
        ColumnKind.Recommendation => ("改善提案", "改善すべき点と、その方法を記入してください（任意）。"),
        ColumnKind.Answer => ("事前回答", "一覧から選んでください（実施、一部実施、未実施、該当なし）。空欄は未回答として扱われます。"),
        ColumnKind.AnswerDetail => ("回答内容", "実施している対策を具体的に記入してください。一部実施・未実施・該当なしのときは、その理由も記入してください。"),
        ColumnKind.Evidence => ("証跡", "対策を確認できる資料の名称を記入してください（例：運用手順書（第4版）、作業記録）。"),
        ColumnKind.Remarks => ("備考", "補足があれば記入してください（任意）。"),
        _ => ("", ""),
    };

    public static (string Title, string Message) FieldHint(MetaKey key) => key switch
    {
        MetaKey.AuditDate => ("実施日", "監査の実施日を記入してください（例：令和5年10月24日、2023/10/24）。"),
        MetaKey.SubmittedOn => ("提出日", "提出する日を記入してください（例：令和5年10月6日、2023/10/6）。同じ事業者から複数の提出があるときは、提出日の新しいものが使われます。"),
        MetaKey.Organisation => ("所属", "監査人の所属を記入してください（例：行政経営部 監査室）。"),
        MetaKey.Auditor => ("監査人", "監査人の氏名を記入してください。役割を括弧で添えられます（例：高橋 美咲（監査人））。"),
        MetaKey.Vendor => ("事業者名", "事業者の正式名称を記入してください（例：株式会社みなと情報システム）。"),
        MetaKey.Submitter => ("提出者", "回答した方の所属と氏名を記入してください（例：公共システム部 山口 太郎）。"),
        _ => ("", ""),
    };

    private static string Truncate(string s) => s.Length <= 255 ? s : s[..254] + "…";
}
