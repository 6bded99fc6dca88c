using Consolidator.Core;
using Consolidator.Core.Writing;

namespace Consolidator.Fixtures;

/// <summary>
/// Inboxes for 提出状況 (a roster in the master list, some submitters missing or partial, one not
/// on the roster) and 前年度比較 (two fiscal years of one system, in folders as offices keep them,
/// or the later year with the earlier year's result workbook).
/// </summary>
public static partial class Scenarios
{
    // ------------------------------------------------------------------ roster

    /// <summary>The day <see cref="Roster"/> is consolidated on in its tests: 2023-10-16 in Tokyo.</summary>
    public static readonly DateTimeOffset RosterDay = At(2023, 10, 16, 9);

    /// <summary>
    /// 国民健康保険システム (令和5年度): the master list's 提出予定 sheet names 3 auditors and 2 vendors with
    /// their items and due dates. 佐藤 (written 監査責任者：佐藤 健一 in his checklist) judges all of 1-*;
    /// 高橋 (2-*, due 令和5年10月13日) sends nothing; 田中 (3-*) judges both of his; みなと情報システム
    /// (written ㈱みなと情報システム, items 1-2, 2-*, 3-1, due 令和5年10月6日) leaves 2-2 blank; 北斗
    /// データセンター answers 3-*; さくらソリューションズ, on no roster, answers 1-1. Expected on
    /// <see cref="RosterDay"/>: 完了 3, 一部 1 (みなと 3/4, overdue), 未提出 1 (高橋, overdue), 名簿外 1; 暫定.
    /// </summary>
    public static Scenario Roster()
    {
        const string t = "国民健康保険システム", y = "令和5年度";
        var ids = new[] { ("1-1", "組織体制"), ("1-2", "組織体制"), ("2-1", "情報資産"), ("2-2", "情報資産"), ("3-1", "物理的"), ("3-2", "物理的") };
        var roster = new SheetSpec { Name = "提出予定", Title = $"{y} 提出予定（{t}）" };
        roster.Headers = ["氏名・事業者名", "区分", "担当項目", "提出期限", "備考"];
        roster.Row("佐藤 健一（監査責任者）", "監査人", "1-*", "令和5年10月13日", null)
            .Row("高橋 美咲", "監査人", "2-*", "令和5年10月13日", null)
            .Row("田中 誠", "監査人", "3-1、3-2", "2023/10/20", null)
            .Row("株式会社みなと情報システム", "事業者", "1-2, 2-*, 3-1", "R5.10.6", "保守運用")
            .Row("北斗データセンター株式会社", "委託事業者", "3-*", "令和5年10月6日", "データセンター");
        var sato = Checklist(t, y, "監査責任者：佐藤 健一", "令和5年10月11日",
            [J("組織体制", "1-1", "〇"), J("組織体制", "1-2", "〇", text: 1)]);
        var tanaka = Checklist(t, y, "田中 誠 様", "令和5年10月12日",
            [J("物理的", "3-1", "〇", text: 4), J("物理的", "3-2", "□", "入退室記録の確認が不定期である。", 5)]);
        var minato = PreAnswer(t, y, "㈱みなと情報システム", "山口 太郎", "令和5年10月5日",
            [A("1-2", "実施"), A("2-1", "実施"), A("2-2", "", null), A("3-1", "実施")]);
        var hokuto = PreAnswer(t, y, "北斗データセンター", "清水 由香", "令和5年10月4日", [A("3-1", "実施"), A("3-2", "一部実施")]);
        var sakura = PreAnswer(t, y, "株式会社さくらソリューションズ", "木村 一郎", "令和5年10月4日", [A("1-1", "実施")]);
        return new Scenario("roster",
        [
            new("監査項目一覧_国民健康保険システム.xlsx", Books.Xlsx(Master(t, y, ids), roster), At(2023, 9, 1)),
            new("監査室/チェックリスト_佐藤.xlsx", Books.Xlsx(sato), At(2023, 10, 11, 17)),
            new("監査室/チェックリスト_田中.xlsx", Books.Xlsx(tanaka), At(2023, 10, 12, 17)),
            new("事業者/事前回答_みなと情報システム.xlsx", Books.Xlsx(minato), At(2023, 10, 5, 16)),
            new("事業者/事前回答_北斗データセンター.xlsx", Books.Xlsx(hokuto), At(2023, 10, 4, 11)),
            new("事業者/事前回答_さくらソリューションズ.xlsx", Books.Xlsx(sakura), At(2023, 10, 4, 15)),
        ]);
    }

    // ------------------------------------------------------------------ two fiscal years

    private const string CareTarget = "介護保険システム";

    // Item texts by index into the seed audit's items, so a renumbered item keeps its text.
    private static readonly (string Id, string Category, int Text)[] CareItems2023 =
        [("1-1", "組織体制", 0), ("1-2", "組織体制", 1), ("2-1", "情報資産", 2), ("2-2", "情報資産", 3), ("3-1", "物理的", 4), ("3-2", "物理的", 5), ("4-1", "人的", 6)];

    // 3-2 became 3-3 (same text), 4-1 was dropped, 4-2 is new.
    private static readonly (string Id, string Category, int Text)[] CareItems2024 =
        [("1-1", "組織体制", 0), ("1-2", "組織体制", 1), ("2-1", "情報資産", 2), ("2-2", "情報資産", 3), ("3-1", "物理的", 4), ("3-3", "物理的", 5), ("4-2", "人的", 7)];

    /// <summary>
    /// 介護保険システム, 令和5年度 and 令和6年度 in one inbox, each with its own master list, checklist and
    /// pre-answer, the earlier year in a folder 令和5年度/ with subfolders per organisation. Between the
    /// years: 1-2 △ → 〇 (改善, a finding fixed), 2-1 〇 → × (悪化), 2-2 □ → □ (継続, a finding
    /// unchanged), 3-2 △ became 3-3 △ (renumbered, same text, 継続), 4-2 is new (新規), 4-1 × was
    /// dropped (削除); 1-1 〇 and 3-1 ― stay. 令和6年度 compares with 令和5年度; 令和5年度 with nothing.
    /// </summary>
    public static Scenario TwoYears() => new("two-years", [.. CareEarlierYear("令和5年度/"), .. CareYear2024()]);

    /// <summary>
    /// <see cref="TwoYears"/>' 令和6年度 with, instead of 令和5年度's files, the result workbook this
    /// product wrote for 令和5年度 (put in a folder 前年度/): the same comparison, and no 令和5年度 audit.
    /// </summary>
    public static Scenario TwoYearsFromResult()
    {
        var earlier = new Consolidation().Run(CareEarlierYear("").Select(f => f.ToSource())).Audits.Single();
        using var ms = new MemoryStream();
        ResultWorkbook.Write(earlier, At(2024, 3, 29, 18), ms);
        return new Scenario("two-years-from-result",
            [new("前年度/" + OutputNames.ResultWorkbook(earlier), ms.ToArray(), At(2024, 3, 29, 18)), .. CareYear2024()]);
    }

    /// <summary>The earlier year's files of <see cref="TwoYears"/> under a folder, for the fiscal year given (令和5年度 there).</summary>
    public static List<InputFile> CareEarlierYear(string folder, string y = "令和5年度")
    {
        var checklist = Checklist(CareTarget, y, "田中 誠", $"{y[..^1]}11月7日",
        [
            J("組織体制", "1-1", "〇", text: 0),
            J("組織体制", "1-2", "△", "連絡体制表が2年間更新されていない。", 1),
            J("情報資産", "2-1", "〇", text: 2),
            J("情報資産", "2-2", "□", "取扱制限の表示が一部の帳票にない。", 3),
            J("物理的", "3-1", "―", text: 4),
            J("物理的", "3-2", "△", "入退室記録が保存されていない月がある。", 5),
            J("人的", "4-1", "×", "周知が一度も行われていない。", 6),
        ]);
        var vendor = PreAnswer(CareTarget, y, "株式会社みなと情報システム", "山口 太郎", $"{y[..^1]}10月20日",
            [A("1-2", "一部実施"), A("2-1", "実施"), A("3-2", "一部実施")]);
        return
        [
            new(folder + "監査項目一覧_介護保険システム.xlsx", Books.Xlsx(MasterOf(CareTarget, y, CareItems2023)), At(2023, 9, 4)),
            new(folder + "監査室/チェックリスト_田中.xlsx", Books.Xlsx(checklist), At(2023, 11, 8, 17)),
            new(folder + "株式会社みなと情報システム/事前回答書.xlsx", Books.Xlsx(vendor), At(2023, 10, 20, 15)),
        ];
    }

    private static List<InputFile> CareYear2024()
    {
        const string y = "令和6年度";
        var checklist = Checklist(CareTarget, y, "田中 誠", "令和6年11月6日",
        [
            J("組織体制", "1-1", "〇", text: 0),
            J("組織体制", "1-2", "〇", text: 1),
            J("情報資産", "2-1", "×", "台帳に記載のない外部記録媒体が見つかった。", 2),
            J("情報資産", "2-2", "□", "取扱制限の表示が一部の帳票にない。", 3),
            J("物理的", "3-1", "―", text: 4),
            J("物理的", "3-3", "△", "入退室記録が保存されていない月がある。", 5),
            J("人的", "4-2", "〇", text: 7),
        ]);
        var vendor = PreAnswer(CareTarget, y, "株式会社みなと情報システム", "山口 太郎", "令和6年10月18日",
            [A("1-2", "実施"), A("2-1", "実施"), A("3-3", "一部実施")]);
        return
        [
            new("監査項目一覧_介護保険システム_令和6年度.xlsx", Books.Xlsx(MasterOf(CareTarget, y, CareItems2024)), At(2024, 9, 2)),
            new("監査室/チェックリスト_田中_令和6年度.xlsx", Books.Xlsx(checklist), At(2024, 11, 7, 17)),
            new("株式会社みなと情報システム/事前回答書_令和6年度.xlsx", Books.Xlsx(vendor), At(2024, 10, 18, 15)),
        ];
    }

    /// <summary>A master list whose item texts are chosen (by index into the seed audit's items).</summary>
    private static SheetSpec MasterOf(string target, string year, (string Id, string Category, int Text)[] items)
    {
        var s = new SheetSpec { Name = "監査項目一覧", Title = $"{year} 情報セキュリティ監査 監査項目一覧（{target}）", MergeColumn = 1 }
            .Meta("区分", "監査項目一覧").Meta("対象業務", target).Meta("年度", year);
        s.Headers = ["分類", "No.", "監査項目", "根拠"];
        foreach (var (id, category, text) in items) s.Row(category, id, TextOf(text), $"対策基準 {id}");
        return s;
    }
}
