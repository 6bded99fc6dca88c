using System.Globalization;
using ClosedXML.Excel;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Recognising;

namespace Consolidator.Core.Writing.Templates;

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

    private const string KeyVersion = "様式バージョン";
    private const string KeyId = "テンプレートID";
    private const string KeyRole = "区分";
    private const string KeyTarget = "対象業務";
    private const string KeyYear = "年度";
    private const string KeyName = "名前";
    private const string KeyGenerated = "作成日時";
    private const string KeyMaster = "監査項目一覧";
    private const string KeySheet = "項目シート";
    private const string KeyHeader = "見出し行";
    private const string KeyColumn = "列";
    private const string KeyField = "欄";
    private const string KeyChoice = "選択肢";
    private const string KeyItem = "項目";

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

    /// <summary>Writes the record; returns the rows of the dropdown entries (column B), for a list too long to write inline.</summary>
    public (int First, int Last) Write(IXLWorksheet ws)
    {
        var row = 1;
        void Put(params string[] values)
        {
            for (var c = 0; c < values.Length; c++) ws.Cell(row, c + 1).SetValue(CellText.Clean(values[c]));
            row++;
        }
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        Put(Marker, "このシートは取込に使います。変更・削除しないでください。 / Read by intake: do not change or delete.");
        Put(KeyVersion, N(Version));
        Put(KeyId, Id);
        Put(KeyRole, Role.Label());
        Put(KeyTarget, Key?.Target ?? "");
        Put(KeyYear, Key is null ? "" : N(Key.FiscalYear), Key?.FiscalYearLabel ?? "");
        Put(KeyName, Name ?? "");
        Put(KeyGenerated, GeneratedAt);
        Put(KeyMaster, MasterFile ?? "", MasterSha256 ?? "");
        Put(KeySheet, ItemSheet);
        Put(KeyHeader, N(HeaderRow));
        foreach (var c in Columns) Put(KeyColumn, c.Kind.ToString(), N(c.Column), c.Header);
        foreach (var (k, (r, c)) in Fields.OrderBy(f => f.Key)) Put(KeyField, k.ToString(), new CellRef("", "", r, c).Address);
        var first = row;
        foreach (var choice in Choices) Put(KeyChoice, choice);
        var choiceRows = (first, row - 1);
        foreach (var (r, id) in Items) Put(KeyItem, N(r), id);

        ws.Column(1).Width = 16;
        ws.Column(2).Width = 30;
        ws.Column(3).Width = 30;
        ws.Column(4).Width = 30;
        return choiceRows;
    }

    /// <summary>The recorded template, or null when the sheet is not one or lacks its id and version.</summary>
    public static TemplateInfo? Parse(RawSheet sheet)
    {
        if (!IsInfoSheet(sheet)) return null;
        string? id = null;
        int? version = null;
        var role = SubmissionRole.None;
        string? target = null, name = null, generated = null, masterFile = null, masterHash = null, itemSheet = null;
        int? year = null;
        var header = 0;
        var columns = new List<TemplateColumn>();
        var fields = new Dictionary<MetaKey, (int, int)>();
        var choices = new List<string>();
        var items = new List<(int, string)>();
        for (var r = 2; r <= sheet.RowCount; r++)
        {
            var (b, c, d) = (sheet[r, 2], sheet[r, 3], sheet[r, 4]);
            switch (sheet[r, 1])
            {
                case KeyVersion: version = Int(b); break;
                case KeyId: id = b; break;
                case KeyRole: role = Roles.FromText(b); break;
                case KeyTarget: target = b; break;
                case KeyYear: year = Int(b); break;
                case KeyName: name = b.Length == 0 ? null : b; break;
                case KeyGenerated: generated = b; break;
                case KeyMaster: masterFile = b; masterHash = c; break;
                case KeySheet: itemSheet = b; break;
                case KeyHeader: header = Int(b) ?? 0; break;
                case KeyColumn:
                    if (Enum.TryParse<ColumnKind>(b, out var kind) && Int(c) is { } col) columns.Add(new TemplateColumn(kind, col, d));
                    break;
                case KeyField:
                    if (Enum.TryParse<MetaKey>(b, out var key) && Address(c) is { } cell) fields[key] = cell;
                    break;
                case KeyChoice: choices.Add(b); break;
                case KeyItem:
                    if (Int(b) is { } itemRow && c.Length > 0) items.Add((itemRow, c));
                    break;
            }
        }
        if (string.IsNullOrEmpty(id) || version is null) return null;
        return new TemplateInfo
        {
            Id = id,
            Version = version.Value,
            Role = role,
            Key = target is { Length: > 0 } && year is { } y ? new AuditKey(target, y) : null,
            Name = name,
            GeneratedAt = generated ?? "",
            MasterFile = masterFile,
            MasterSha256 = masterHash,
            ItemSheet = itemSheet ?? "",
            HeaderRow = header,
            Columns = columns,
            Fields = fields,
            Choices = choices,
            Items = items,
        };
    }

    private static int? Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>"E12" → (12, 5).</summary>
    private static (int Row, int Column)? Address(string a1)
    {
        var i = 0;
        var column = 0;
        while (i < a1.Length && char.IsAsciiLetterUpper(a1[i])) column = column * 26 + (a1[i++] - 'A' + 1);
        var row = Int(a1[i..]);
        return column > 0 && row > 0 ? (row.Value, column) : null;
    }
}
