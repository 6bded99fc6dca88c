using Consolidator.Core.Model;

namespace Consolidator.Core.Recognising;

/// <summary>
/// Column headers as offices write them (SPEC §3), compared after NFKC without spaces, line
/// breaks and brackets: 項番, 番号 and No. are all the id column; 確認結果 and 所見 are all findings.
/// </summary>
internal static class ColumnSynonyms
{
    public static string Label(ColumnKind kind) => kind switch
    {
        ColumnKind.Id => "項目番号",
        ColumnKind.ItemText => "監査項目",
        ColumnKind.Category => "分類",
        ColumnKind.Basis => "根拠",
        ColumnKind.Judgment => "判定",
        ColumnKind.Finding => "指摘内容",
        ColumnKind.Recommendation => "改善提案",
        ColumnKind.Answer => "事前回答",
        ColumnKind.AnswerDetail => "回答内容",
        ColumnKind.Evidence => "証跡",
        ColumnKind.Remarks => "備考",
        _ => kind.ToString(),
    };

    /// <summary>The built-in synonyms, keyed by <see cref="Normalising.Text.HeaderKey"/>; a <see cref="Lexicon"/> adds an office's own.</summary>
    public static Dictionary<string, ColumnKind> Defaults()
    {
        var d = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        void Add(ColumnKind k, params string[] names)
        {
            foreach (var n in names) d[Normalising.Text.HeaderKey(n)] = k;
        }
        Add(ColumnKind.Id, "No", "No.", "NO", "番号", "項番", "項目番号", "ID", "項目No", "項目No.", "項目ID", "管理番号", "通番", "№", "#");
        Add(ColumnKind.ItemText, "監査項目", "確認項目", "チェック項目", "点検項目", "項目", "監査項目内容", "質問", "質問事項", "評価項目", "確認事項", "監査内容");
        Add(ColumnKind.Category, "分類", "大項目", "中項目", "小項目", "カテゴリ", "カテゴリー", "領域", "分野", "大分類", "中分類", "小分類", "区分名");
        Add(ColumnKind.Basis, "根拠", "根拠規程", "関連規程", "根拠条項", "対策基準", "参照規程", "準拠", "規程");
        Add(ColumnKind.Judgment, "判定", "評価", "監査結果", "判定結果", "評価結果", "監査判定", "判定区分");
        Add(ColumnKind.Finding, "指摘内容", "指摘事項", "所見", "確認結果", "監査所見", "指摘");
        Add(ColumnKind.Recommendation, "改善提案", "改善案", "助言", "改善勧告", "推奨事項", "改善事項");
        Add(ColumnKind.Answer, "事前回答", "回答", "実施状況", "対応状況", "実施有無", "回答区分", "実施区分");
        Add(ColumnKind.AnswerDetail, "回答内容", "説明", "具体的な対策", "対策内容", "実施内容", "回答詳細", "具体的な実施内容");
        Add(ColumnKind.Evidence, "証跡", "証跡資料", "確認資料", "エビデンス", "根拠資料", "提出資料", "証跡名");
        Add(ColumnKind.Remarks, "備考", "コメント", "特記事項", "その他");
        return d;
    }
}
