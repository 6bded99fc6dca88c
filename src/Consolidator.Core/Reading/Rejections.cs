using Consolidator.Core.Model;

namespace Consolidator.Core.Reading;

/// <summary>Every reason a whole file is refused, in Japanese and English, with what to do.</summary>
public static class Rejections
{
    private const string ResaveJa = "Excel で開き、「名前を付けて保存」で Excel ブック (*.xlsx) として保存し直して提出してください。";
    private const string ResaveEn = "Open it in Excel and save it again as an Excel workbook (*.xlsx), then resubmit.";

    public static Rejection Corrupt(string detail) => new("corrupt",
        "ファイルが壊れているため読み込めません。",
        $"The file is damaged and cannot be read ({detail}).",
        "元のファイルを保存し直すか、もう一度送付してください。", "Save the original again or send it once more.");

    public static Rejection NotAWorkbook(string what) => new("not-a-workbook",
        $"Excel ブックではありません（{what}）。",
        $"This is not an Excel workbook ({what}).",
        "監査チェックリスト又は事前回答書の Excel ファイル (.xlsx, .xls) 又は CSV を提出してください。",
        "Submit the checklist or pre-answer as an Excel file (.xlsx, .xls) or CSV.");

    public static Rejection Encrypted() => new("encrypted",
        "パスワードで保護（暗号化）されたブックのため読み込めません。",
        "The workbook is password-protected (encrypted) and cannot be read.",
        "パスワードを解除して保存し直し、提出してください。", "Remove the password, save, and resubmit.");

    public static Rejection Xlsb() => new("xlsb",
        "Excel バイナリブック (.xlsb) には対応していません。",
        "Excel binary workbooks (.xlsb) are not supported.", ResaveJa, ResaveEn);

    public static Rejection Ods() => new("ods",
        "OpenDocument スプレッドシート (.ods) には対応していません。",
        "OpenDocument spreadsheets (.ods) are not supported.", ResaveJa, ResaveEn);

    public static Rejection Empty() => new("empty",
        "ファイルが空です（0 バイト）。", "The file is empty (0 bytes).",
        "内容を保存したファイルを送付してください。", "Send the saved file with its content.");

    public static Rejection EmptyWorkbook() => new("empty-workbook",
        "ブックにデータがありません。", "The workbook holds no data.",
        "記入済みのチェックリスト又は事前回答書を提出してください。", "Submit the filled checklist or pre-answer.");

    /// <summary>A text file under a workbook's name (議事メモ.xlsx holding plain text): read as CSV, and no table in it.</summary>
    public static Rejection TextWithoutTable(string extension) => new("no-table",
        $"Excel ブックではなくテキストファイルです（拡張子は {extension}）。監査項目の表も見つかりません。",
        $"This is a text file, not an Excel workbook (though named {extension}), and no table of audit items was found in it.",
        "監査チェックリスト又は事前回答書の Excel ファイルを提出してください。",
        "Submit the checklist or pre-answer as an Excel file.");

    public static Rejection NoTable(string sheets) => new("no-table",
        $"監査項目の表が見つかりません（見出し行に「No.」等の項目番号の列と「監査項目」「判定」「事前回答」等の列が必要です。調べたシート: {sheets}）。",
        $"No table of audit items was found (a header row needs an item-id column such as 'No.' and another known column such as 監査項目, 判定 or 事前回答; sheets searched: {sheets}).",
        "テンプレートの見出し行を消さずに記入してください。", "Keep the template's header row when filling it in.");

    public static Rejection NoAuditKey(string missing) => new("no-audit-key",
        $"どの監査のファイルか分かりません（{missing}がありません）。",
        $"The file does not say which audit it belongs to (missing: {missing}).",
        "表の上に「対象業務」と「年度」を記入するか、対象業務と年度を名前に含むフォルダ（例: 庶務事務システム_令和5年度）に置いてください。",
        "Fill in 対象業務 and 年度 above the table, or put the file in a folder named after the target and year (e.g. 庶務事務システム_令和5年度).");

    public static Rejection TooLarge(string what, string limit, string setting) => new("too-large",
        $"ファイルが大きすぎます（{what}、上限 {limit}）。",
        $"The file is too large ({what}; the limit is {limit}, setting {setting}).",
        "不要なシートや行を削除して提出してください。", "Remove sheets or rows that are not needed and resubmit.");

    public static Rejection Unsafe(string what) => new("unsafe",
        $"安全でない内容を含むため読み込みません（{what}）。",
        $"The file holds content that is not read for safety ({what}).",
        "Excel で開き、通常のブックとして保存し直して提出してください。", ResaveEn);
}
