using System.Text.Encodings.Web;
using System.Text.Json;

namespace Consolidator.Fixtures;

/// <summary>One sheet laid out cell by cell: rows from row 1 (null: an empty cell), merges and dropdowns.</summary>
public sealed record GridSheet(string Name, IReadOnlyList<string?[]> Rows)
{
    public List<(int Row1, int Col1, int Row2, int Col2)> Merges { get; init; } = [];
    public List<(string Range, string[] Values)> Dropdowns { get; init; } = [];
}

/// <summary>A workbook of <see cref="GridSheet"/>s, written by the Excel-shaped builder here and by openpyxl and LibreOffice (scripts/make-recognition-fixtures.sh).</summary>
public sealed record GridBook(string Name, IReadOnlyList<GridSheet> Sheets)
{
    public byte[] Xlsx()
    {
        var book = new XlsxBuilder();
        foreach (var sheet in Sheets)
        {
            var s = book.AddSheet(sheet.Name);
            for (var r = 0; r < sheet.Rows.Count; r++)
                for (var c = 0; c < sheet.Rows[r].Length; c++)
                    if (sheet.Rows[r][c] is { Length: > 0 } v)
                    {
                        if (r == 0) s.Plain(r + 1, c + 1, v);
                        else s.Text(r + 1, c + 1, v);
                    }
            foreach (var (r1, c1, r2, c2) in sheet.Merges)
            {
                for (var r = r1; r <= r2; r++)
                    for (var c = c1; c <= c2; c++)
                        if (r != r1 || c != c1) s.Styled(r, c);
                s.Merge(r1, c1, r2, c2);
            }
            foreach (var (range, values) in sheet.Dropdowns) s.Dropdown(range, values);
        }
        return book.ToBytes();
    }
}

/// <summary>
/// Workbooks shaped the way files nobody here made are shaped, one recognition trait each: section
/// headings of every form, category columns with a heading, the id column known only by its
/// content, rows without an id, the same ids on two sheets, a file's own legend (o/x/-/?, O meaning
/// 適用, a legend beside the table with a dropdown), a second header row, a checklist laid out like
/// OWASP's MASVS workbook. The tests (Recognising/RowAccountingTests) hold what each must read as.
/// </summary>
public static class RecognitionFixtures
{
    private static string?[] R(params string?[] cells) => cells;

    private static readonly string?[] Blank = [];

    public static GridBook Headings() => new("headings", [new GridSheet("チェックリスト",
    [
        R("令和6年度 情報セキュリティ監査 チェックリスト（見出しの例）"),
        R("区分", "監査人", null, "対象業務", "見出しシステム"),
        R("年度", "令和6年度", null, "監査人", "山田 花子"),
        Blank,
        R("No.", "監査項目", "根拠", "判定", "指摘内容"),
        R("【1】組織的セキュリティ"),
        R("1-1", "情報セキュリティ管理者が定められている。", "対策基準1.1", "〇"),
        R("1-2", "緊急時の連絡体制が定められている。", "対策基準1.2", "△", "夜間の連絡先がない。"),
        R("【2】物理的セキュリティ"),
        R("2.1 サーバ室"),
        R("2-1", "サーバ室が施錠されている。", "対策基準2.1", "〇"),
        R(null, "入退室管理"),
        R("2-2", "入退室が記録されている。", "対策基準2.2", "―"),
        R("5 技術的セキュリティ"),
        R("5.1: アクセス制御"),
        R("5-1", "利用者IDが管理されている。", "対策基準5.1", "〇"),
        R("5-2", "パスワードの基準が定められている。", "対策基準5.2", "×", "基準がない。"),
        R("V6", "運用"),
        R("6.1", "運用手順書が整備されている。", "対策基準6.1", "〇"),
        R("※ 判定は監査人が記入する。"),
        Blank,
        R("凡例"),
        R("記号", "意味"),
        R("〇", "適合"),
        R("△", "不適合"),
        R("×", "重大な不適合"),
        R("―", "対象外"),
    ]) { Merges = [(1, 1, 1, 5), (14, 1, 14, 5)] }]);

    public static GridBook Categories() => new("categories", [new GridSheet("監査項目一覧",
    [
        R("監査項目一覧（分類の例）"),
        R("区分", "監査項目一覧", null, "対象業務", "分類システム"),
        R("年度", "令和6年度"),
        Blank,
        R("大分類", "中分類", "小分類", "項番", "監査項目", "根拠"),
        R("組織的対策", "体制", "管理者", "1-1-1", "管理者が任命されている。", "規程1"),
        R(null, null, null, "1-1-2", "管理者の責任が定められている。", "規程2"),
        R(null, null, "連絡", "1-1-3", "連絡体制がある。", "規程3"),
        R(null, "教育", null, "1-2-1", "研修を実施している。", "規程4"),
        R("技術的対策"),
        R(null, "アクセス制御", "ID", "2-1-1", "利用者IDを管理している。", "規程5"),
        R(null, null, "パスワード", "2-1-2", "パスワードの基準がある。", "規程6"),
    ]) { Merges = [(10, 1, 10, 6)] }]);

    public static GridBook IdByContent() => new("id-by-content",
    [
        new GridSheet("点検表",
        [
            R("チェックリスト（番号の見出しなし）"),
            R("区分", "監査人", null, "対象業務", "番号システム"),
            R("年度", "R6", null, "監査人", "佐々木 健"),
            Blank,
            R(null, "確認項目", "評価", "所見"),
            R("1-1", "規程が整備されている。", "〇"),
            R("1.2.3", "記録が保存されている。", "△", "記録がない。"),
            R("A-3", "鍵が管理されている。", "〇"),
            R("SEC-01", "ログが取得されている。", "―"),
            R("２．１０", "バックアップがある。", "〇"),
            R("MSTG-ARCH-1", "構成が把握されている。", "〇"),
        ]),
        new GridSheet("階層番号",
        [
            R("要求事項（番号が3列）"),
            Blank,
            R(null, null, null, "確認項目", "判定"),
            R("1", "1.1", "1.1.1", "方針が定められている。", "〇"),
            R(null, null, "1.1.2", "方針が周知されている。", "〇"),
            R(null, "1.2", "1.2.1", "責任者がいる。", "⦿"),
            R("2", "2.1", "2.1.1", "資産が管理されている。", "―"),
        ]),
    ]);

    public static GridBook RowsWithoutId() => new("rows-without-id", [new GridSheet("チェックリスト",
    [
        R("チェックリスト（番号のない行）"),
        R("区分", "監査人", null, "対象業務", "行システム"),
        R("年度", "令和6年度", null, "監査人", "石井 誠"),
        Blank,
        R("No.", "監査項目", "判定", "指摘内容"),
        R("1-1", "規程が整備されている。", "〇"),
        R(null, "補足：規程は毎年見直すこと。"),
        R("1-2", "教育を実施している。", "△", "受講記録がない。"),
        R(null, "番号のない項目", "〇"),
        R("1-3", "ログを確認している。", "〇"),
        R(null, "ログの保存期間を確認している。", "×", "保存期間が短い。"),
        R("1-4", "鍵を管理している。", "―"),
        R(null, "アプリは暗号化されていない通信を許可していない。"),
    ]) { Merges = [(10, 1, 11, 1)] }]);

    public static GridBook ParallelSheets()
    {
        GridSheet Sheet(string name, bool meta, string?[][] rows) => new(name,
        [
            R($"チェックリスト（{name}）"),
            meta ? R("区分", "監査人", null, "対象業務", "並行システム") : Blank,
            meta ? R("年度", "R6", null, "監査人", "中村 陽子") : Blank,
            Blank,
            R("No.", "監査項目", "判定", "指摘内容"),
            .. rows,
        ]);
        return new("parallel-sheets",
        [
            Sheet("庁舎A", true,
            [
                R("1-1", "入退室", "〇"),
                R("1-2", "施錠", "△", "庁舎Aで施錠漏れ。"),
                R("1-3", "無線LAN", "―"),
                R("1-4", "持出し", "―"),
                R("1-5", "廃棄", null),
                R("1-6", "特権ID", "×", "庁舎Aで共用。"),
                R("1-6", "特権ID（再掲）", "〇"),
            ]),
            Sheet("庁舎B", false,
            [
                R("1-1", "入退室", "△", "庁舎Bで記録漏れ。"),
                R("1-2", "施錠", "〇"),
                R("1-3", "無線LAN", "―"),
                R("1-4", "持出し", "〇"),
                R("1-5", "廃棄", "〇"),
                R("1-6", "特権ID", "×", "庁舎Bで共用。"),
            ]),
        ]);
    }

    public static GridBook LegendLetters() => new("legend-letters", [new GridSheet("チェックリスト",
    [
        R("チェックリスト（記号は凡例のとおり）"),
        R("区分", "監査人", null, "対象業務", "凡例システム"),
        R("年度", "令和6年度", null, "監査人", "森 一郎"),
        Blank,
        R("No.", "監査項目", "判定", "指摘内容"),
        R("1", "規程がある。", "o"),
        R("2", "記録がある。", "x", "記録の一部がない。"),
        R("3", "無線LAN", "-"),
        R("4", "教育", "?"),
        R("5", "鍵", "X", "鍵の台帳がない。"),
        Blank,
        R("判定の記入方法"),
        R("記号", "意味"),
        R("o", "適合"),
        R("x", "不適合"),
        R("-", "対象外"),
        R("?", "未確認"),
    ])]);

    public static GridBook LegendRedefines() => new("legend-redefines", [new GridSheet("適用宣言書",
    [
        R("適用宣言書"),
        R("区分", "監査人", null, "対象業務", "宣言システム"),
        R("年度", "令和6年度", null, "監査人", "林 さくら"),
        Blank,
        R("No.", "監査項目", "判定", "備考"),
        R("A.5.1", "情報セキュリティのための方針群", "O"),
        R("A.5.2", "方針群のレビュー", "X"),
        R("A.5.3", "職務の分離", "〇"),
        Blank,
        R("凡例"),
        R("O", "適用"),
        R("X", "除外"),
    ])]);

    public static GridBook LegendBeside() => new("legend-beside", [new GridSheet("要件",
    [
        R("要件チェック"),
        R("区分", "監査人", null, "対象業務", "横凡例システム"),
        R("年度", "令和6年度", null, "監査人", "高木 亮"),
        R("※判定欄には 〇（適合）／△（不適合）／―（対象外）を記入してください。"),
        R("No.", "要件", "結果", "指摘内容"),
        R("R-1", "要件1", "Pass", null, null, "Pass", "要件を満たす。"),
        R("R-2", "要件2", "Fail", "改善を要する。", null, "Fail", "要件を満たさない。"),
        R("R-3", "要件3", "N/A", null, null, "N/A", "要件が適用されない。"),
        R("R-4", "要件4", null),
    ]) { Dropdowns = [("C6:C9", ["Pass", "Fail", "N/A"])] }]);

    public static GridBook SecondHeader() => new("second-header", [new GridSheet("チェックリスト",
    [
        R("チェックリスト（表が二つ）"),
        R("区分", "監査人", null, "対象業務", "二表システム"),
        R("年度", "令和6年度", null, "監査人", "岡田 実"),
        Blank,
        R("No.", "監査項目", "判定", "指摘内容"),
        R("1-1", "規程", "〇"),
        R("1-2", "体制", "―"),
        R("No.", "監査項目", "判定", "指摘内容"),
        R("1-3", "教育", "〇"),
        Blank,
        R("追加項目（委託先）"),
        R("No.", "確認項目", "事前回答", "判定", "指摘内容"),
        R("2-1", "契約", "実施", "〇"),
        R("2-2", "再委託", "未実施", "△", "再委託の承認記録がない。"),
    ])]);

    public static GridBook MasvsLike()
    {
        GridSheet Platform(string name, string a11, string a12, string a21, string? a23, string? finding11, string? finding21) => new(name,
        [
            R(null, $"モバイルアプリ要件 - {name}"),
            Blank,
            R(null, "ID", "要件ID", "検証要件", "L1", "結果", "備考"),
            R(null, "V1", null, "アーキテクチャ"),
            R(null, "1.1", "ARCH-1", "構成要素が把握されている。", "✓", a11, finding11),
            R(null, "1.2", "ARCH-2", "サーバ側で制御している。", "✓", a12),
            R(null, "V2", null, "データ保護"),
            R(null, "2.1", "STORAGE-1", "機密データを暗号化している。", "✓", a21, finding21),
            R(null, "2.2", "STORAGE-2", "ログに機密データがない。", "✓"),
            R(null, null, null, "暗号"),
            R(null, "2.3", "CRYPTO-1", "鍵をハードコードしていない。", "✓", a23),
            Blank,
            R(null, "記録内容"),
            R(null, "シンボル", null, "説明"),
            R(null, "Pass", null, "要件を満たす。"),
            R(null, "Fail", null, "要件を満たさない。"),
            R(null, "N/A", null, "要件が適用されない。"),
        ]) { Merges = [(1, 2, 1, 7)], Dropdowns = [("F5:F6 F8:F9 F11", ["Pass", "Fail", "N/A"])] };
        return new("masvs-like",
        [
            new GridSheet("Dashboard",
            [
                R(null, "モバイルアプリ セキュリティチェックリスト"),
                Blank,
                R(null, "顧客企業名"),
                R(null, "テスト実施者名", null, "小林 誠"),
            ]),
            Platform("Android", "Pass", "N/A", "Fail", "N/A", null, "暗号化していない。"),
            Platform("iOS", "Fail", "N/A", "Pass", "N/A", "構成図がない。", null),
        ]);
    }

    /// <summary>The profile the MASVS-like and legend-beside workbooks are read with (settings section Recognition).</summary>
    public const string ProfileJson = """
        {
          "Recognition": {
            "Columns": {
              "Judgment": [ "結果" ],
              "ItemText": [ "検証要件", "要件" ],
              "Finding": [ "備考" ]
            },
            "Metadata": { "Auditor": [ "テスト実施者名" ] },
            "CoverSheets": [ "Dashboard" ],
            "JudgmentSpellings": { "Pass": "〇", "Fail": "△", "N/A": "―" }
          }
        }
        """;

    public static IReadOnlyList<GridBook> All() =>
        [Headings(), Categories(), IdByContent(), RowsWithoutId(), ParallelSheets(), LegendLetters(), LegendRedefines(), LegendBeside(), SecondHeader(), MasvsLike()];

    /// <summary>Every book as JSON (sheets of rows, merges, dropdowns) for scripts/recognition-fixtures.py to write with openpyxl.</summary>
    public static string Json() => JsonSerializer.Serialize(All().Select(b => new
    {
        name = b.Name,
        sheets = b.Sheets.Select(s => new
        {
            name = s.Name,
            rows = s.Rows,
            merges = s.Merges.Select(m => new[] { m.Row1, m.Col1, m.Row2, m.Col2 }),
            dropdowns = s.Dropdowns.Select(d => new { range = d.Range, values = d.Values }),
        }),
    }), JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
