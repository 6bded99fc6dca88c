using System.Globalization;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>Reads a template's record (<see cref="TemplateInfo"/>) back from its hidden sheet.</summary>
internal static class TemplateInfoReader
{
    /// <summary>The recorded template, or null when the sheet is not one or lacks its id and version.</summary>
    public static TemplateInfo? Parse(RawSheet sheet)
    {
        if (!TemplateInfo.IsInfoSheet(sheet)) return null;
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
                case TemplateInfo.KeyVersion: version = Int(b); break;
                case TemplateInfo.KeyId: id = b; break;
                case TemplateInfo.KeyRole: role = Roles.FromText(b); break;
                case TemplateInfo.KeyTarget: target = b; break;
                case TemplateInfo.KeyYear: year = Int(b); break;
                case TemplateInfo.KeyName: name = b.Length == 0 ? null : b; break;
                case TemplateInfo.KeyGenerated: generated = b; break;
                case TemplateInfo.KeyMaster: masterFile = b; masterHash = c; break;
                case TemplateInfo.KeySheet: itemSheet = b; break;
                case TemplateInfo.KeyHeader: header = Int(b) ?? 0; break;
                case TemplateInfo.KeyColumn:
                    if (Enum.TryParse<ColumnKind>(b, out var kind) && Int(c) is { } col) columns.Add(new TemplateColumn(kind, col, d));
                    break;
                case TemplateInfo.KeyField:
                    if (Enum.TryParse<MetaKey>(b, out var key) && Address(c) is { } cell) fields[key] = cell;
                    break;
                case TemplateInfo.KeyChoice: choices.Add(b); break;
                case TemplateInfo.KeyItem:
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
