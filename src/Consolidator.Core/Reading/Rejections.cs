using System.Globalization;
using Consolidator.Core.Model;

namespace Consolidator.Core.Reading;

/// <summary>
/// Every reason a whole file is refused, Japanese first and English second, with what to do. A
/// message names what the file is, and for a limit the setting an administrator can raise. It
/// holds names (file, sheet, part), cell addresses and counts, never cell contents: rejections
/// are written to error files and logs, and cells can hold personal data.
/// </summary>
public static class Rejections
{
    private const string ResaveJa = "Excel で開き、「名前を付けて保存」で Excel ブック (*.xlsx) として保存し直して提出してください。";
    private const string ResaveEn = "Open it in Excel and save it again as an Excel workbook (*.xlsx), then resubmit.";

    public static Rejection Corrupt(string detail) => Corrupt(detail, detail);

    /// <summary>A damaged file, the damage said in each language.</summary>
    public static Rejection Corrupt(string detailJa, string detailEn) => new("corrupt",
        $"ファイルが壊れているため読み込めません（{Name(detailJa, 120)}）。",
        $"The file is damaged and cannot be read ({Name(detailEn, 120)}).",
        "元のファイルを保存し直すか、もう一度送付してください。", "Save the original again or send it once more.");

    /// <summary>
    /// What a parser's failure says about the file, in words: never the exception's type name,
    /// which means nothing to the clerk who reads the error file.
    /// </summary>
    public static Rejection Damaged(Exception e) => e switch
    {
        System.Xml.XmlException x => Corrupt($"XML の記述が正しくありません（{x.LineNumber} 行目）", $"an XML part is not well-formed at line {x.LineNumber}"),
        InvalidDataException => Corrupt("ZIP 圧縮のデータが壊れています", "the zip data is damaged"),
        EndOfStreamException => Corrupt("データが途中で終わっています", "the data ends early"),
        _ => Corrupt("ブックのデータの並びが Excel の形式に合いません", "the workbook's data does not follow Excel's format"),
    };

    /// <summary>An Excel 2.x–4.0 or 5.0/95 workbook that could not be read: named, with the fix.</summary>
    public static Rejection OldExcel(string version) => new("old-format",
        $"古い形式（{version}）のブックで、読み込めませんでした。",
        $"This is a workbook in an old format ({version}) and could not be read.",
        ResaveJa, ResaveEn);

    /// <summary>
    /// The sheets the reader read hold cells with values, yet it handed on none: a workbook is
    /// called empty only when no sheet holds a value, so this is said instead.
    /// </summary>
    public static Rejection ValuesNotRead(long cells) => new("unreadable",
        $"シートに値のあるセルが {Count(cells)} 個ありますが、読み取れませんでした。",
        $"The sheets hold {Count(cells)} cells with values, but they could not be read.",
        ResaveJa, ResaveEn);

    public static Rejection NotAWorkbook(string what) => new("not-a-workbook",
        $"Excel ブックではありません（{what}）。",
        $"This is not an Excel workbook ({what}).",
        "監査チェックリスト又は事前回答書の Excel ファイル (.xlsx, .xls) 又は CSV を提出してください。",
        "Submit the checklist or pre-answer as an Excel file (.xlsx, .xls) or CSV.");

    /// <summary>Text (a CSV) whose bytes are neither valid UTF-8 nor valid Shift_JIS, and which carries no BOM.</summary>
    public static Rejection UnknownEncoding() => new("not-a-workbook",
        "文字コードを判別できないテキストファイルです（UTF-8 としても Shift_JIS としても正しくない文字があります）。",
        "This is a text file in an encoding that cannot be told (it holds bytes that are valid neither as UTF-8 nor as Shift_JIS).",
        "Excel で開き、「CSV UTF-8 (コンマ区切り)」又は Excel ブック (*.xlsx) として保存し直して提出してください。",
        "Open it in Excel and save it as \"CSV UTF-8 (Comma delimited)\" or as an Excel workbook (*.xlsx), then resubmit.");

    /// <summary>
    /// A password-protected .xlsx/.xlsm, or .xlsb: an encrypted package inside a compound file. What
    /// is inside cannot be seen without the password, so a file named .xlsb is taken for one.
    /// </summary>
    public static Rejection EncryptedXlsx(bool xlsb = false) => xlsb
        ? Encrypted("パスワードで暗号化された Excel バイナリブック (.xlsb)", "a password-encrypted Excel binary workbook (.xlsb)")
        : Encrypted("パスワードで暗号化された Excel ブック (.xlsx/.xlsm)", "a password-encrypted Excel workbook (.xlsx/.xlsm)");

    /// <summary>A password-protected .xls (a FILEPASS record), named by its version (8: Excel 97-2003).</summary>
    public static Rejection EncryptedXls(int version = 8) => version switch
    {
        8 => Encrypted("パスワード付きの Excel 97-2003 ブック (.xls)", "a password-protected Excel 97-2003 workbook (.xls)"),
        5 => Encrypted("パスワード付きの Excel 5.0/95 ブック (.xls)", "a password-protected Excel 5.0/95 workbook (.xls)"),
        _ => Encrypted("パスワード付きの Excel 2.x–4.0 ブック (.xls)", "a password-protected Excel 2.x–4.0 workbook (.xls)"),
    };

    private static Rejection Encrypted(string whatJa, string whatEn) => new("encrypted",
        $"パスワードで保護（暗号化）されたブックのため読み込めません（{whatJa}）。",
        $"The workbook is password-protected (encrypted) and cannot be read ({whatEn}).",
        "パスワードを解除して保存し直し、提出してください（ファイル → 情報 → ブックの保護 → パスワードを使用して暗号化 で空欄にします）。",
        "Remove the password (File → Info → Protect Workbook → Encrypt with Password, then clear it), save, and resubmit.");

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
        extension.Length == 0
            ? "Excel ブックではなくテキストファイルです（拡張子なし）。監査項目の表も見つかりません。"
            : $"Excel ブックではなくテキストファイルです（拡張子は {Name(extension, 16)}）。監査項目の表も見つかりません。",
        extension.Length == 0
            ? "This is a text file, not an Excel workbook (its name has no extension), and no table of audit items was found in it."
            : $"This is a text file, not an Excel workbook (though named {Name(extension, 16)}), and no table of audit items was found in it.",
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

    /// <summary>
    /// A limit of <see cref="ReadLimits"/> was crossed: says what was over it (columns, merged
    /// ranges, the file's size…) — not that the file is "too large", which a 9 KB file with a value
    /// in column IW is not — the limit, and the setting to raise.
    /// </summary>
    public static Rejection TooLarge(string whatJa, string whatEn, string limitJa, string limitEn, string property) => new("too-large",
        $"読み込みの上限を超えているため読み込みません（{whatJa}。上限は {limitJa}、設定 {ReadLimits.Setting(property)}）。",
        $"The file is over a reading limit and is not read ({whatEn}; the limit is {limitEn}, setting {ReadLimits.Setting(property)}).",
        $"不要なシート・行・列・画像を削除して提出し直してください。正当なファイルであれば、管理者が設定 {ReadLimits.Setting(property)} を引き上げられます。",
        $"Delete sheets, rows, columns or pictures that are not needed and resubmit; for a genuine file an administrator can raise the setting {ReadLimits.Setting(property)}.");

    /// <summary>A count over its limit (rows, columns, cells, parts…), the limit written with its unit in each language.</summary>
    public static Rejection TooLarge(string whatJa, string whatEn, long limit, string unitJa, string unitEn, string property) =>
        TooLarge(whatJa, whatEn, $"{Count(limit)} {unitJa}", $"{Count(limit)} {unitEn}", property);

    public static Rejection FileTooLarge(long size, long limit) =>
        TooLarge($"ファイルサイズ {Bytes(size)}", $"the file is {Bytes(size)}", Bytes(limit), Bytes(limit), nameof(ReadLimits.MaxFileBytes));

    /// <summary>A part inflates to far more than its compressed size: a zip bomb.</summary>
    public static Rejection ZipBomb(string part, double ratio, double limit) => new("zip-bomb",
        $"展開すると極端に大きくなる ZIP（ZIP 爆弾）のため読み込みません（パーツ {Name(part)} の圧縮率 {Ratio(ratio)}:1、上限 {Ratio(limit)}:1、設定 {ReadLimits.Setting(nameof(ReadLimits.MaxCompressionRatio))}）。",
        $"The zip inflates to far more than its size (a zip bomb) and is not read (part {Name(part)} is compressed {Ratio(ratio)}:1; the limit is {Ratio(limit)}:1, setting {ReadLimits.Setting(nameof(ReadLimits.MaxCompressionRatio))}).",
        ResaveJa, ResaveEn);

    /// <summary>An XML part declares a DTD: refused before any entity is expanded or any external reference resolved.</summary>
    public static Rejection Dtd(string part) => new("unsafe",
        $"XML に DTD（<!DOCTYPE>）が含まれているため、安全のため読み込みません（パーツ {Name(part)}。外部参照や実体の展開は行いません）。",
        $"An XML part declares a DTD (<!DOCTYPE>) and, for safety, the file is not read (part {Name(part)}; no external reference or entity is ever resolved).",
        ResaveJa, ResaveEn);

    public static Rejection Unsafe(string what) => new("unsafe",
        $"安全でない内容を含むため読み込みません（{what}）。",
        $"The file holds content that is not read for safety ({what}).",
        ResaveJa, ResaveEn);

    public static Rejection Timeout(int seconds) => new("timeout",
        $"読み込みが {seconds} 秒以内に終わらなかったため中止しました（設定 {ReadLimits.Setting(nameof(ReadLimits.MaxReadSeconds))}）。",
        $"Reading did not finish within {seconds} seconds and was stopped (setting {ReadLimits.Setting(nameof(ReadLimits.MaxReadSeconds))}).",
        "不要なシートや書式を削除し、保存し直して提出してください。",
        "Delete sheets and formatting that are not needed, save again and resubmit.");

    /// <summary>A name taken from the file (sheet, zip part), made fit for a message: <see cref="Writing.Printable.Name"/>.</summary>
    public static string Name(string? name, int max = 64) => Writing.Printable.Name(name, max);

    internal static string Bytes(long n) => n switch
    {
        >= 1024L * 1024 * 1024 => (n / (1024.0 * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1024L * 1024 => (n / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (n / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => n.ToString(CultureInfo.InvariantCulture) + " bytes",
    };

    internal static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double r) => r.ToString("0", CultureInfo.InvariantCulture);
}
