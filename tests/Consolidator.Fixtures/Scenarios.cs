using System.IO.Compression;
using System.Text;
using Consolidator.Core.Model;

namespace Consolidator.Fixtures;

/// <summary>One input file of a scenario: its path in the inbox, its bytes and its modification time.</summary>
public sealed record InputFile(string Path, byte[] Bytes, DateTimeOffset Modified)
{
    public SourceFile ToSource() => SourceFile.FromBytes(Path, Bytes, Modified);
}

/// <summary>A scenario: an inbox as an office receives it.</summary>
public sealed record Scenario(string Name, IReadOnlyList<InputFile> Files)
{
    public IEnumerable<SourceFile> Sources => Files.Select(f => f.ToSource());

    /// <summary>Writes the inbox into a folder, with each file's modification time.</summary>
    public void WriteTo(string folder)
    {
        foreach (var f in Files)
        {
            var path = System.IO.Path.Combine(folder, f.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, f.Bytes);
            File.SetLastWriteTimeUtc(path, f.Modified.UtcDateTime);
        }
    }
}

/// <summary>
/// Inboxes that exercise the traps real submissions hold — spellings of judgments and ids,
/// formats and encodings, conflicting auditors, broken files, several audits, resubmissions,
/// a checklist that is also a pre-answer. Built here from the seed audit's item texts, so the
/// tests need nothing outside the repository.
/// </summary>
public static partial class Scenarios
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public static DateTimeOffset At(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, Jst);

    private static string TextOf(int index) => SeedAudit.Items[index % SeedAudit.Items.Length].Text;

    private static readonly string[] AuditorHeaders = ["分類", "No.", "監査項目", "根拠", "判定", "指摘内容", "改善提案", "備考"];
    private static readonly string[] VendorHeaders = ["No.", "分類", "監査項目", "事前回答", "回答内容", "証跡", "備考"];

    public static SheetSpec Master(string target, string year, IEnumerable<(string Id, string Category)> items, string sheet = "監査項目一覧")
    {
        var s = new SheetSpec { Name = sheet, Title = $"{year} 情報セキュリティ監査 監査項目一覧（{target}）", MergeColumn = 1 }
            .Meta("区分", "監査項目一覧").Meta("対象業務", target).Meta("年度", year);
        s.Headers = ["分類", "No.", "監査項目", "根拠"];
        var i = 0;
        foreach (var (id, category) in items) s.Row(category, id, TextOf(i++), $"対策基準 {id}");
        return s;
    }

    public static SheetSpec Checklist(string target, string year, string auditor, string date, IEnumerable<object?[]> rows, bool withRole = true)
    {
        var s = new SheetSpec { Title = $"{year} 情報セキュリティ監査 チェックリスト（{target}）", MergeColumn = 1 };
        if (withRole) s.Meta("区分", "監査人");
        s.Meta("対象業務", target).Meta("年度", year).Meta("実施日", date).Meta("所属", "行政経営部 監査室").Meta("監査人", auditor);
        s.Headers = AuditorHeaders;
        foreach (var r in rows) s.Rows.Add(r);
        return s;
    }

    public static SheetSpec PreAnswer(string target, string year, string vendor, string person, string submitted, IEnumerable<object?[]> rows, bool withRole = true)
    {
        var s = new SheetSpec { Name = "事前回答", Title = $"情報セキュリティ監査 事前回答書（{target}）" };
        if (withRole) s.Meta("区分", "事業者");
        s.Meta("対象業務", target).Meta("年度", year).Meta("提出日", submitted).Meta("事業者名", vendor).Meta("提出者", person);
        s.Notes.Add("※ 事前回答欄には「実施」「一部実施」「未実施」「該当なし」のいずれかを記入してください。");
        s.Headers = VendorHeaders;
        foreach (var r in rows) s.Rows.Add(r);
        return s;
    }

    private static object?[] J(string category, object id, string judgment, string? finding = null, int text = 0) =>
        [category, id, TextOf(text), "対策基準", judgment, finding, null, null];

    private static object?[] A(object id, string answer, string? detail = "規程に基づき対応している。") =>
        [id, null, "（監査項目）", answer, detail, answer.Length > 0 ? "関係資料" : null, null];

    // ------------------------------------------------------------------ spellings

    /// <summary>
    /// 文書管理システム: every spelling of the judgments, ids typed full-width, with "No.", as
    /// numbers, 5.10 stored as 5.1 with format 0.00 beside 5.1, the header on row 6 after title,
    /// metadata and notes, merged category cells, vendor answers in every spelling, a vendor
    /// file without 区分. Expected: ― 3, 〇 4, ⦿ 1, □ 1, △ 1, × 2, 計 12, 確定.
    /// </summary>
    public static Scenario Spellings()
    {
        const string t = "文書管理システム", y = "令和5年度";
        var ids = new[] { ("1.1", "組織体制"), ("1.2", "組織体制"), ("1.3", "組織体制"), ("2.1", "情報資産"), ("2.2", "情報資産"), ("3.1", "物理的セキュリティ"), ("3.2", "物理的セキュリティ"), ("5.1", "技術的セキュリティ"), ("5.10", "技術的セキュリティ"), ("5.2", "技術的セキュリティ"), ("6.1", "運用"), ("6.2", "運用") };
        var tanaka = Checklist(t, y, "田中 誠", "令和5年11月8日",
        [
            J("組織体制", "１．１", "○"),
            J("組織体制", "No.1.2", "◯"),
            J("組織体制", new Num(1.3), "◎", "夜間・休日の連絡先が代表番号のみである。"),
            J("情報資産", "Ｎｏ．２．１", "X", "台帳に記載のない情報資産があった。"),
            J("情報資産", "２．２", "△ 不適合", "取扱制限の表示がない帳票があった。"),
            J("物理的セキュリティ", new Num(3.1), "N/A"),
            J("物理的セキュリティ", "3.2", "ー"),
        ]);
        tanaka.Notes.Add("※判定欄には 〇（適合）／⦿（参考意見）／□（注意事項）／△（不適合）／×（重大な不適合）／―（対象外）を記入すること。");
        tanaka.Notes.Add("※指摘がある場合は指摘内容欄に具体的に記載すること。");
        var ito = Checklist(t, y, "伊藤 直子", "令和5年11月9日",
        [
            J("技術的セキュリティ", new Num(5.1), " 〇 "),
            J("技術的セキュリティ", new Num(5.1, "0.00"), "OK"),
            J("技術的セキュリティ", new Num(5.2), "×（重大な不適合）", "特権IDを共用している。"),
            J("運用", new Num(6.1), "□", "パターンファイルの更新が2週間停止していた。"),
            J("運用", "No. 6.2", "対象外"),
        ], withRole: false);
        var vendor = PreAnswer(t, y, "株式会社さくらソリューションズ", "木村 一郎", "令和5年10月25日",
        [
            A("1.1", "はい"), A("1.2", "対応済"), A("1.3", "○"), A("2.1", "いいえ"), A("2.2", "No"),
            A("3.1", "対象外"), A("3.2", "N/A"), A(new Num(5.1), "Yes"), A(new Num(5.1, "0.00"), "実施済"),
            A("5.2", "×"), A("6.1", "一部実施"), A("6.2", "―"),
        ], withRole: false);
        return new Scenario("spellings",
        [
            new("監査項目一覧.xlsx", Books.Xlsx(Master(t, y, ids)), At(2023, 10, 2)),
            new("チェックリスト_田中.xlsx", Books.Xlsx(tanaka), At(2023, 11, 8, 17)),
            new("チェックリスト_伊藤.xlsx", Books.Xlsx(XlsxFlavour.InlineStrings, ito), At(2023, 11, 9, 17)),
            new("回答書（さくらソリューションズ）.xlsx", Books.Xlsx(vendor), At(2023, 10, 25)),
        ]);
    }

    // ------------------------------------------------------------------ conflicts

    /// <summary>
    /// 住民記録システム: two auditors judge overlapping items (equal, 〇/△, ―/〇, 〇/⦿), a blank
    /// judgment, 要検討, △ without 指摘内容, vendor 未実施 / 該当なし against 〇, a blank answer,
    /// an unknown id, the same id twice in one file, every dash. Expected: 〇 8, ⦿ 1, △ 2, × 1,
    /// 計 12, 未判定 2, 11 entries in 要確認, 暫定.
    /// </summary>
    public static Scenario Conflicts()
    {
        const string t = "住民記録システム", y = "令和5年度";
        var ids = new[] { "1-1", "1-2", "2-1", "2-2", "2-3", "3-1", "3-2", "4-1", "4-2", "4-3", "5-1", "5-2", "5-3", "5-4" };
        var tanaka = Checklist(t, y, "田中 誠", "令和5年9月28日",
        [
            J("組織体制", "1-1", "〇"), J("組織体制", "1-2", "〇"),
            J("情報資産", "2-1", "〇"), J("情報資産", "2-2", "〇"), J("情報資産", "2-3", "―"),
            J("物理的", "3-1", "〇"), J("物理的", "3-2", "〇"),
            J("人的", "4-1", ""), J("人的", "4-2", "〇"), J("人的", "4-3", "△"),
            J("技術的", "5-1", "〇"), J("技術的", "5-2", "×", "特権IDを共用している。"), J("技術的", "5-3", "要検討", "事業者に確認中。"), J("技術的", "5-4", "〇"),
        ]);
        var watanabe = Checklist(t, y, "渡辺 浩", "令和5年9月29日",
        [
            J("組織体制", "１－２", "〇"),
            J("情報資産", "2‐1", "△", "台帳に未登録の領域があった。"), J("情報資産", "2–3", "〇"),
            J("物理的", "3−2", "⦿", "記録の定期確認がない。"),
            J("技術的", "5―2", "×", "特権IDを共用している。"), J("技術的", "No.5-4", "〇"),
        ]);
        var minato = PreAnswer(t, y, "株式会社みなと情報システム", "山口 太郎", "令和5年9月15日",
            [A("1-2", "実施"), A("5-1", "未実施"), A("5-4", "該当なし"), A("4-2", "", null), A("9-9", "実施")]);
        var hokuto = PreAnswer(t, y, "北斗データセンター株式会社", "清水 由香", "令和5年9月19日",
            [A("3-1", "実施"), A("4-2", "実施"), A("4-2", "実施")]);
        return new Scenario("conflicts",
        [
            new("監査項目一覧_住民記録システム.xlsx", Books.Xlsx(Master(t, y, ids.Select(i => (i, "分類" + i[0])))), At(2023, 9, 1)),
            new("チェックリスト_田中.xlsx", Books.Xlsx(tanaka), At(2023, 10, 3, 18)),
            new("チェックリスト_渡辺.xlsx", Books.Xlsx(watanabe), At(2023, 10, 4, 9)),
            new("事前回答_みなと情報システム.xlsx", Books.Xlsx(minato), At(2023, 9, 15, 16)),
            new("事前回答_北斗データセンター.xlsx", Books.Xlsx(hokuto), At(2023, 9, 19, 11)),
        ]);
    }

    // ------------------------------------------------------------------ formats

    /// <summary>
    /// 財務会計システム without a master list (the universe is the auditors' items): a checklist
    /// whose No. column is =ROW()-5 with cached values (inline strings, as another writer saves it),
    /// an .xlsm that is an xlsx renamed, a Shift_JIS CSV with full-width ids and CP932-only
    /// characters (①, ㈱, ～), a UTF-8 CSV with BOM, "No.n" ids and a quoted line break.
    /// Expected: ― 1, 〇 8, ⦿ 1, □ 1, △ 1, 計 12, 暫定 with 3 cross-checks located in the CSVs
    /// (9 未実施 vs 〇, 6 該当なし vs 〇, 12 未回答).
    /// </summary>
    public static Scenario Formats()
    {
        const string t = "財務会計システム", y = "令和5年度";
        var first = new SheetSpec { Title = "財務会計システム 監査チェックリスト（1）", GapRows = 0 }
            .Meta("対象業務", t).Meta("年度", "2023").Meta("監査人", "渡辺 浩").Meta("実施日", "令和5年12月5日");
        first.Headers = ["No", "分類", "監査項目", "根拠", "判定", "確認結果", "改善提案"];
        var judgments = new[] { "〇", "〇", "〇", "⦿", "―", "〇" };
        for (var i = 0; i < judgments.Length; i++)
            first.Row(new Formula("ROW()-5", i + 1), i < 2 ? "組織体制" : "情報資産", TextOf(i), $"規程 {i + 1}", judgments[i], judgments[i] == "⦿" ? "表示のない帳票があった。" : null, null);
        var second = Checklist(t, y, "山本 彩", "令和5年12月6日",
        [
            J("人的", new Num(7), "〇"), J("人的", new Num(8), "□", "付箋にパスワードが記載されていた。"), J("人的", new Num(9), "〇"),
            J("技術的", new Num(10), "△", "ワイヤーロックがない端末があった。"), J("技術的", new Num(11), "〇"), J("技術的", new Num(12), "〇"),
        ]);
        var sjis = new SheetSpec { GapRows = 1 }.Meta("区分", "事業者").Meta("対象業務", t).Meta("年度", y).Meta("事業者名", "㈱中央電算").Meta("提出者", "岡田 修");
        sjis.Headers = ["番号", "監査項目", "回答", "回答内容", "証跡"];
        sjis.Row("７", TextOf(6), "はい", "①サーバ室は施錠管理 ②監視カメラで24時間録画", "設備概要書")
            .Row("９", TextOf(8), "いいえ", "UPSのバッテリー交換は令和6年度予定（4月～6月）", null)
            .Row("１１", TextOf(10), "実施", "ログを1年間保存", "ログ設定");
        var utf8 = new SheetSpec { GapRows = 1 }.Meta("区分", "事業者").Meta("対象業務", t).Meta("年度", y).Meta("事業者名", "東和ビジネスサービス株式会社").Meta("提出者", "小川 真理");
        utf8.Headers = ["No", "チェック項目", "事前回答", "回答内容", "証跡", "備考"];
        utf8.Row("No.3", TextOf(2), "実施", "スクリーンロックは5分で自動設定。\n離席時の手動ロックも\"徹底\"するよう周知している。", "現地確認", null)
            .Row("No.6", TextOf(5), "該当なし", "廃棄は当社の作業範囲外", null, null)
            .Row("No.12", TextOf(11), "", "", "", "担当者確認中");
        return new Scenario("formats",
        [
            new("チェックリスト_財務会計_監査人1.xlsx", Books.Xlsx(XlsxFlavour.InlineStrings, first), At(2023, 12, 7)),
            new("チェックリスト_財務会計_監査人2.xlsm", Books.Xlsx(second), At(2023, 12, 8)),
            new("事前回答_中央電算.csv", Books.Csv(sjis, Books.ShiftJis), At(2023, 11, 27)),
            new("事前回答_東和ビジネスサービス.csv", Books.Csv(utf8, new UTF8Encoding(true), bom: true), At(2023, 11, 28)),
        ]);
    }

    // ------------------------------------------------------------------ bad files

    /// <summary>
    /// 電子申請システム: random bytes, a text file and a non-OOXML zip named .xlsx, an empty
    /// workbook and a cover letter with metadata but no table (all refused), beside a good master
    /// list with text ids 01–06 and a checklist that typed numbers with format 00.
    /// Expected: ― 1, 〇 4, ⦿ 1, 計 6, 確定, 指摘事項はなかった。
    /// </summary>
    public static Scenario BadFiles()
    {
        const string t = "電子申請システム", y = "令和5年度";
        var ids = Enumerable.Range(1, 6).Select(i => (i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), "分類")).ToList();
        var judgments = new[] { "〇", "〇", "〇", "⦿", "―", "〇" };
        var checklist = Checklist(t, y, "高橋 美咲", "令和5年11月16日",
            judgments.Select((j, i) => J("分類", new Num(i + 1, "00"), j, j == "⦿" ? "表示のない帳票があった。" : null, i)));
        var cover = new SheetSpec { Name = "送付状" }.Meta("対象業務", t).Meta("年度", y).Meta("送付物", "事前回答書（別途メールにて送付）");
        var random = new byte[3000];
        new Random(20231110).NextBytes(random);
        return new Scenario("bad-files",
        [
            new("監査項目一覧.xlsx", Books.Xlsx(Master(t, y, ids)), At(2023, 10, 30)),
            new("checklist.xlsx", Books.Xlsx(checklist), At(2023, 11, 17, 15)),
            new("破損ファイル.xlsx", random, At(2023, 11, 10)),
            new("議事メモ.xlsx", Encoding.UTF8.GetBytes("監査打合せメモ（令和5年10月12日）\r\n・チェックリストは11月17日までに提出\r\n"), At(2023, 10, 12)),
            new("参考資料一式.xlsx", Zip(("参考資料/ポリシー抜粋.txt", "情報セキュリティポリシー（抜粋）")), At(2023, 10, 20)),
            new("空のブック.xlsx", new XlsxBuilder().Also(b => b.AddSheet("Sheet1")).ToBytes(), At(2023, 11, 1)),
            new("送付状.xlsx", Books.Xlsx(cover), At(2023, 11, 6)),
        ]);
    }

    // ------------------------------------------------------------------ several audits

    /// <summary>
    /// Two audits in one inbox, files in per-organisation folders, two vendor files of the same
    /// name in different folders, one auditor submitting for both audits. 人事給与システム has a
    /// master list with text ids 1–5 (the auditor typed numbers); 図書館システム has none and one
    /// blank judgment.
    /// </summary>
    public static Scenario MultiAudit()
    {
        const string y = "令和5年度";
        var hr = Checklist("人事給与システム", y, "山本 彩", "令和5年11月21日",
            [J("分類", new Num(1), "〇"), J("分類", new Num(2), "〇"), J("分類", new Num(3), "□", "確認が四半期に1回にとどまる。"), J("分類", new Num(4), "〇"), J("分類", new Num(5), "―")]);
        var library = Checklist("図書館システム", y, "山本 彩", "令和5年11月22日",
            [J("分類", "L-01", "〇"), J("分類", "L-02", "△", "ワイヤーロックがない端末があった。"), J("分類", "L-03", ""), J("分類", "L-04", "―")]);
        var sakura = PreAnswer("人事給与システム", y, "株式会社さくらソリューションズ", "木村 一郎", "令和5年11月10日", [A(new Num(4), "実施"), A(new Num(5), "該当なし")]);
        var aoba = PreAnswer("図書館システム", y, "株式会社あおばシステム開発", "森 進", "令和5年11月13日", [A("L-01", "実施"), A("L-04", "該当なし")]);
        return new Scenario("multi-audit",
        [
            new("人事課/監査項目一覧_人事給与システム.xlsx", Books.Xlsx(Master("人事給与システム", y, Enumerable.Range(1, 5).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), "分類")))), At(2023, 10, 16)),
            new("監査室/チェックリスト_人事給与システム.xlsx", Books.Xlsx(hr), At(2023, 11, 24)),
            new("監査室/チェックリスト_図書館システム.xlsx", Books.Xlsx(library), At(2023, 11, 27)),
            new("株式会社さくらソリューションズ/事前回答書.xlsx", Books.Xlsx(sakura), At(2023, 11, 10)),
            new("株式会社あおばシステム開発/事前回答書.xlsx", Books.Xlsx(aoba), At(2023, 11, 13)),
        ]);
    }

    // ------------------------------------------------------------------ resubmission

    /// <summary>
    /// 税務システム: a vendor's v1 (提出日 9/20, 未実施 on an item judged 〇, a blank answer) is
    /// superseded by v2 (10/2, corrected); a byte-identical copy of v2 under another name with a
    /// later time is a duplicate. With v2 only the audit is clean: 確定.
    /// </summary>
    public static Scenario Resubmission()
    {
        const string t = "税務システム", y = "令和5年度";
        var ids = new[] { "1-1", "2-1", "3-1", "4-1" };
        var checklist = Checklist(t, y, "伊藤 直子", "令和5年10月31日",
            [J("分類", "1-1", "〇"), J("分類", "2-1", "〇"), J("分類", "3-1", "△", "記録の漏れがあった。"), J("分類", "4-1", "―")]);
        var v1 = PreAnswer(t, y, "株式会社中央電算", "公共事業部 岡田 修", "令和5年9月20日", [A("1-1", "未実施"), A("2-1", "", null), A("4-1", "該当なし")]);
        var v2 = PreAnswer(t, y, "株式会社中央電算", "公共事業部 岡田 修", "令和5年10月2日", [A("1-1", "実施"), A("2-1", "実施"), A("4-1", "該当なし")]);
        var v2Bytes = Books.Xlsx(v2);
        return new Scenario("resubmission",
        [
            new("監査項目一覧_税務システム.xlsx", Books.Xlsx(Master(t, y, ids.Select(i => (i, "分類")))), At(2023, 9, 1)),
            new("チェックリスト_税務システム.xlsx", Books.Xlsx(checklist), At(2023, 11, 6)),
            new("事前回答_保守事業者_v1.xlsx", Books.Xlsx(v1), At(2023, 9, 20, 17)),
            new("事前回答_保守事業者_v2.xlsx", v2Bytes, At(2023, 10, 2, 15)),
            new("事前回答_保守事業者_v2 - コピー.xlsx", v2Bytes, At(2023, 10, 3, 8)),
        ]);
    }

    // ------------------------------------------------------------------ shared checklist

    /// <summary>
    /// 統合宛名システム (令和6年度): one workbook that is both the vendor's pre-answer (事前回答,
    /// 回答内容, 証跡 by 株式会社かもめ情報サービス) and the auditor's checklist (判定, 指摘内容 by
    /// 吉田 修平), no 区分, a legend of the scale above the header row; a data-centre vendor answers
    /// in its own file. 4-2 is answered 未実施 and judged 〇 in the same row.
    /// </summary>
    public static Scenario SharedChecklist()
    {
        const string t = "統合宛名システム", y = "令和6年度";
        var combined = new SheetSpec { Title = $"{y} 情報セキュリティ監査 チェックリスト兼事前回答書（{t}）" }
            .Meta("対象業務", t).Meta("年度", y).Meta("事業者名", "株式会社かもめ情報サービス").Meta("回答者", "西村 恵子").Meta("監査人", "吉田 修平").Meta("実施日", "令和6年10月16日");
        combined.Notes.Add("※ 事前回答・回答内容・証跡の欄は事業者が、判定・指摘内容・改善提案の欄は監査人が記入する。");
        combined.Above.Add(["【判定基準】"]);
        combined.Above.Add(["記号", "判定", "説明"]);
        combined.Above.Add(["〇", "適合", "規程どおりに対策が実施され、一般的な水準を上回っている。"]);
        combined.Above.Add(["△", "不適合", "規程に反しており、情報セキュリティ上一定のリスクがある。"]);
        combined.Above.Add(["―", "対象外", "監査項目が想定する状況が本システムに存在しない。"]);
        combined.Headers = ["No.", "分類", "監査項目", "根拠", "事前回答", "回答内容", "証跡", "判定", "指摘内容", "改善提案"];
        combined.Row("1-1", "組織体制", TextOf(0), "1.1", "実施", "規程に基づき対応", "体制図", "〇", null, null)
            .Row("3-2", "物理的", TextOf(9), "3.2", "一部実施", "入退室を制限", "管理簿", "□", "退室時刻の記載漏れ", "電子化すること")
            .Row("4-2", "人的", TextOf(14), "4.2", "未実施", "所管課が実施している", null, "〇", "所管課の削除記録を確認した。", null)
            .Row("5-2", "技術的", TextOf(19), "5.2", "一部実施", "管理者IDを共用", "台帳", "×", "特権IDを共用している。", "個別に発行すること")
            .Row("5-6", "技術的", TextOf(24), "5.6", "該当なし", "無線LANはない", null, "―", null, null);
        var hikari = PreAnswer(t, y, "ひかりデータセンター株式会社", "井上 真一", "令和6年10月1日", [A("3-2", "実施"), A("5-6", "該当なし")]);
        var ids = new[] { ("1-1", "組織体制"), ("3-2", "物理的"), ("4-2", "人的"), ("5-2", "技術的"), ("5-6", "技術的") };
        return new Scenario("shared-checklist",
        [
            new("監査項目一覧_統合宛名システム.xlsx", Books.Xlsx(Master(t, y, ids)), At(2024, 9, 2)),
            new("チェックリスト兼事前回答_統合宛名システム.xlsx", Books.Xlsx(combined), At(2024, 10, 18)),
            new("事前回答_ひかりデータセンター.xlsx", Books.Xlsx(hikari), At(2024, 10, 1)),
        ]);
    }

    /// <summary>The seed audit as a scenario.</summary>
    public static Scenario Seed() =>
        new("seed", SeedAudit.Build().Select(kv => new InputFile(kv.Key, kv.Value, At(2023, 10, 20))).ToList());

    public static IEnumerable<Scenario> All() =>
        [Seed(), Spellings(), Conflicts(), Formats(), BadFiles(), MultiAudit(), Resubmission(), SharedChecklist(), Roster(), TwoYears(), TwoYearsFromResult()];

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                var e = zip.CreateEntry(name);
                e.LastWriteTime = new DateTime(2023, 1, 1);
                using var s = e.Open();
                s.Write(Encoding.UTF8.GetBytes(content));
            }
        return ms.ToArray();
    }

    private static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
