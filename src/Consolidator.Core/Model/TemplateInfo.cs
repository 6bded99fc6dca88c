using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Model;

/// <summary>A column of a template's item table: what it holds, where, and its header text.</summary>
internal sealed record TemplateColumn(ColumnKind Kind, int Column, string Header);

/// <summary>
/// What a template's hidden sheet records so intake can read a filled template back exactly
/// and say which template and version it came from: the template id and layout version, role,
/// audit key and name, the item sheet, its header row and columns, the metadata cells, and
/// every item id with its row. Written as key/value rows of text (column A the key), so it
/// survives any writer that keeps cell text — Excel, LibreOffice, openpyxl.
/// </summary>
internal sealed record TemplateInfo
{
    public const string SheetName = "テンプレート管理";
    public const string Marker = "Consolidator テンプレート管理";

    /// <summary>The layout version of the templates this product writes and reads back exactly.</summary>
    public const int LayoutVersion = 1;

    internal const string KeyVersion = "様式バージョン";
    internal const string KeyId = "テンプレートID";
    internal const string KeyRole = "区分";
    internal const string KeyTarget = "対象業務";
    internal const string KeyYear = "年度";
    internal const string KeyName = "名前";
    internal const string KeyGenerated = "作成日時";
    internal const string KeyMaster = "監査項目一覧";
    internal const string KeySheet = "項目シート";
    internal const string KeyHeader = "見出し行";
    internal const string KeyColumn = "列";
    internal const string KeyField = "欄";
    internal const string KeyChoice = "選択肢";
    internal const string KeyItem = "項目";

    public required string Id { get; init; }
    public required int Version { get; init; }
    public SubmissionRole Role { get; init; }
    public AuditKey? Key { get; init; }
    public string? Name { get; init; }
    public string GeneratedAt { get; init; } = "";
    public string? MasterFile { get; init; }
    public string? MasterSha256 { get; init; }
    public string ItemSheet { get; init; } = "";
    public int HeaderRow { get; init; }
    public IReadOnlyList<TemplateColumn> Columns { get; init; } = [];

    /// <summary>The metadata cells of the item sheet (区分, 対象業務, 年度, name, date …) by key.</summary>
    public IReadOnlyDictionary<MetaKey, (int Row, int Column)> Fields { get; init; } = new Dictionary<MetaKey, (int, int)>();

    /// <summary>The dropdown entries of the answer column (判定 or 事前回答), in order.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Every item: its row on the item sheet and its id.</summary>
    public IReadOnlyList<(int Row, string Id)> Items { get; init; } = [];

    /// <summary>How a submission names its template: id and layout version, e.g. <c>TPL-3F9A12C4D5E6 v1</c>.</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Id} v{Version}");

    public static bool IsInfoSheet(RawSheet sheet) => sheet.Name == SheetName && sheet[1, 1] == Marker;
}
