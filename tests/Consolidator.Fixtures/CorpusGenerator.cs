using System.Globalization;

namespace Consolidator.Fixtures;

/// <summary>
/// A deterministic corpus shaped the way Japanese Excel saves workbooks (shared strings with
/// phonetic properties and furigana on names, styled empty cells, merged categories): per audit
/// one master list, two auditors' checklists and three vendors' pre-answers, each file holding
/// every item (so 200 audits × 400 items make 480,000 item rows). The two auditors agree on
/// most items and vendors mostly answer in line with the judgment; the few disagreements,
/// contradictions and blanks fill 要確認 the way a real audit does.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>The merged judgment each item of each audit must get: the more severe of the two auditors' (― only when both say ―).</summary>
    public sealed record Expectation(string Target, IReadOnlyDictionary<string, string> Judgments);

    private static readonly string[] SeverityOrder = ["〇", "⦿", "□", "△", "×"];

    private static string Merged(string a, string b) =>
        a == "―" ? b : b == "―" ? a : Array.IndexOf(SeverityOrder, a) >= Array.IndexOf(SeverityOrder, b) ? a : b;

    private static readonly string[] Judgments = ["〇", "〇", "〇", "〇", "〇", "―", "―", "⦿", "□", "△", "×"];
    private static readonly string[] Answers = ["実施", "実施", "実施", "一部実施", "実施"];

    public static (int Files, long Bytes, int Rows) Generate(string folder, int audits, int items) => Generate(folder, audits, items, out _);

    public static (int Files, long Bytes, int Rows) Generate(string folder, int audits, int items, out IReadOnlyList<Expectation> expected)
    {
        var expectations = new List<Expectation>();
        Directory.CreateDirectory(folder);
        var files = 0;
        long bytes = 0;
        var rows = 0;
        var texts = SeedAudit.Items.Select(i => i.Text).ToArray();
        for (var a = 0; a < audits; a++)
        {
            var random = new Random(a + 1);
            var target = $"業務システム{a + 1:000}";
            var dir = Path.Combine(folder, target);
            Directory.CreateDirectory(dir);
            var ids = Enumerable.Range(1, items).Select(i => $"{i / 10 + 1}-{i % 10 + 1}").ToArray();
            string Category(int i) => $"分類{i / 25 + 1}";
            string Text(int i) => texts[i % texts.Length] + $"（{i + 1}）";

            void Save(string name, SheetSpec spec)
            {
                var b = Books.Xlsx(XlsxFlavour.JapaneseExcel, spec);
                File.WriteAllBytes(Path.Combine(dir, name), b);
                files++;
                bytes += b.Length;
                rows += spec.Rows.Count;
            }

            Save("監査項目一覧.xlsx", Scenarios.Master(target, "令和5年度", ids.Select((id, i) => (id, Category(i)))));
            var judged = Enumerable.Range(0, items).Select(_ => Judgments[random.Next(Judgments.Length)]).ToArray();
            var merged = ids.ToDictionary(id => id, _ => "", StringComparer.Ordinal);
            for (var k = 0; k < 2; k++)
            {
                var auditor = k == 0 ? new Ruby("佐藤 健一", "サトウ ケンイチ") : (object)new Ruby("高橋 美咲", "タカハシ ミサキ");
                var spec = Scenarios.Checklist(target, "令和5年度", k == 0 ? "佐藤 健一" : "高橋 美咲", "令和5年10月24日",
                    Enumerable.Range(0, items).Select(i =>
                    {
                        // The second auditor differs on about 3 % of the items (判定不一致).
                        var j = k == 1 && random.Next(100) < 3 ? Judgments[random.Next(Judgments.Length)] : judged[i];
                        merged[ids[i]] = k == 0 ? j : Merged(merged[ids[i]], j);
                        return new object?[] { Category(i), ids[i], new Ruby(Text(i), "カンサコウモク"), $"対策基準 {ids[i]}", j, j is "△" or "×" or "□" or "⦿" ? "確認した事実と問題点。" : null, null, null };
                    }));
                spec.Metadata[5] = ("監査人", auditor);
                Save($"チェックリスト_{k + 1}.xlsx", spec);
            }
            expectations.Add(new Expectation(target, merged));
            for (var v = 0; v < 3; v++)
            {
                var spec = Scenarios.PreAnswer(target, "令和5年度", $"株式会社事業者{v + 1}", "担当 太郎", "令和5年10月1日",
                    Enumerable.Range(0, items).Select(i =>
                    {
                        // Out-of-scope items are answered 該当なし; about 2 % of the answers contradict the judgment or are left blank.
                        var answer = judged[i] == "―" ? "該当なし" : Answers[random.Next(Answers.Length)];
                        if (random.Next(100) < 2) answer = random.Next(2) == 0 ? "未実施" : "";
                        return new object?[] { ids[i], Category(i), Text(i), answer, "規程に基づき対応している。", "関係資料", null };
                    }));
                Save($"事前回答_{v + 1}.xlsx", spec);
            }
        }
        expected = expectations;
        File.WriteAllText(Path.Combine(folder, ".corpus"), string.Create(CultureInfo.InvariantCulture, $"{audits} {items} {files} {bytes} {rows}"));
        return (files, bytes, rows);
    }
}
