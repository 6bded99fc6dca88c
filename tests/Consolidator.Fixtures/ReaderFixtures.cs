namespace Consolidator.Fixtures;

/// <summary>
/// The reading scenarios kept in every format under tests/…/Data/Reading (as Sylvan.Data.Excel
/// keeps one scenario per format): the .xlsx written here, and the .xls, re-saved .xlsx and CSVs
/// LibreOffice makes from it (scripts/make-reader-fixtures.sh, run once, results committed).
/// </summary>
public static class ReaderFixtures
{
    /// <summary>
    /// Title rows, a metadata block, notes, the header on row 9, vertically merged categories,
    /// ids typed full-width, with "No.", as numbers, 5.10 stored as 5.1 with format 0.00 beside
    /// 5.1, a formula id with its cached value, furigana on the auditor's name.
    /// </summary>
    public static SheetSpec TitleRows()
    {
        var s = new SheetSpec { Title = "令和5年度 情報セキュリティ監査 チェックリスト（文書管理システム）", MergeColumn = 1 }
            .Meta("区分", "監査人").Meta("対象業務", "文書管理システム")
            .Meta("年度", "令和5年度").Meta("実施日", "令和5年11月9日")
            .Meta("所属", "行政経営部 監査室").Meta("監査人", new Ruby("伊藤 直子", "イトウ ナオコ"));
        s.Notes.Add("※No.は監査項目一覧の番号を記入すること。");
        s.Notes.Add("※指摘がある場合は指摘内容欄に具体的に記載すること。");
        s.Headers = ["分類", "No.", "監査項目", "根拠", "判定", "指摘内容"];
        var t = SeedAudit.Items;
        s.Row("人的セキュリティ", "４．１", t[13].Text, "4.1", "〇", null)
         .Row("人的セキュリティ", "No.4.2", t[14].Text, "4.2", "◎", "受講率が85%にとどまる。")
         .Row("技術的セキュリティ", new Num(5.1), t[18].Text, "5.1", "○", null)
         .Row("技術的セキュリティ", new Num(5.1, "0.00"), t[19].Text, "5.10", "×（重大な不適合）", "特権IDを共用している。")
         .Row("技術的セキュリティ", new Formula("ROW()-8.5", 5.5), t[20].Text, "5.5", "△ 不適合", "パッチが未適用。")
         .Row("運用", "6-1", new Ruby(t[28].Text, "ウンヨウテジュンショ"), "6.1", "―", null);
        return s;
    }

    /// <summary>The ids, judgments and categories <see cref="TitleRows"/> must read as, in row order.</summary>
    public static readonly (string Id, string Judgment, string Category, int Row)[] TitleRowsExpected =
    [
        ("4.1", "〇", "人的セキュリティ", 10),
        ("4.2", "⦿", "人的セキュリティ", 11),
        ("5.1", "〇", "技術的セキュリティ", 12),
        ("5.10", "×", "技術的セキュリティ", 13),
        ("5.5", "△", "技術的セキュリティ", 14),
        ("6-1", "―", "運用", 15),
    ];

    /// <summary>A 表紙 sheet with the metadata, the table on a hidden sheet, and a hidden sheet of notes without a table.</summary>
    public static SheetSpec[] HiddenSheet()
    {
        var cover = new SheetSpec { Name = "表紙", Title = "情報セキュリティ監査 事前回答書" }
            .Meta("区分", "事業者").Meta("対象業務", "図書館システム").Meta("年度", "R5")
            .Meta("事業者名", "株式会社あおばシステム開発").Meta("提出日", "令和5年11月13日").Meta("提出者", "森 進");
        var table = new SheetSpec { Name = "回答", Hidden = true };
        table.Headers = ["項番", "確認項目", "実施状況", "具体的な対策", "エビデンス"];
        table.Row("L-01", SeedAudit.Items[1].Text, "実施", "緊急連絡体制表を整備", "体制表")
             .Row("L-02", SeedAudit.Items[7].Text, "一部実施", "物理破壊を実施", "消去証明書");
        var notes = new SheetSpec { Name = "メモ", Hidden = true, Title = "作業メモ（提出不要）" };
        notes.Notes.Add("社内確認用");
        return [cover, table, notes];
    }
}
