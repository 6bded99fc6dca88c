using System.Globalization;
using ClosedXML.Excel;
using Consolidator.Core.Model;

namespace Consolidator.Core.Writing.Templates;

/// <summary>Writes a template's record (<see cref="TemplateInfo"/>, the contract recognition reads back) to its hidden sheet.</summary>
internal static class TemplateInfoWriter
{
    /// <summary>Writes the record; returns the rows of the dropdown entries (column B), for a list too long to write inline.</summary>
    public static (int First, int Last) Write(this TemplateInfo info, IXLWorksheet ws)
    {
        var row = 1;
        void Put(params string[] values)
        {
            for (var c = 0; c < values.Length; c++) ws.Cell(row, c + 1).SetValue(CellText.Clean(values[c]));
            row++;
        }
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        Put(TemplateInfo.Marker, "このシートは取込に使います。変更・削除しないでください。 / Read by intake: do not change or delete.");
        Put(TemplateInfo.KeyVersion, N(info.Version));
        Put(TemplateInfo.KeyId, info.Id);
        Put(TemplateInfo.KeyRole, info.Role.Label());
        Put(TemplateInfo.KeyTarget, info.Key?.Target ?? "");
        Put(TemplateInfo.KeyYear, info.Key is null ? "" : N(info.Key.FiscalYear), info.Key?.FiscalYearLabel ?? "");
        Put(TemplateInfo.KeyName, info.Name ?? "");
        Put(TemplateInfo.KeyGenerated, info.GeneratedAt);
        Put(TemplateInfo.KeyMaster, info.MasterFile ?? "", info.MasterSha256 ?? "");
        Put(TemplateInfo.KeySheet, info.ItemSheet);
        Put(TemplateInfo.KeyHeader, N(info.HeaderRow));
        foreach (var c in info.Columns) Put(TemplateInfo.KeyColumn, c.Kind.ToString(), N(c.Column), c.Header);
        foreach (var (k, (r, c)) in info.Fields.OrderBy(f => f.Key)) Put(TemplateInfo.KeyField, k.ToString(), new CellRef("", "", r, c).Address);
        var first = row;
        foreach (var choice in info.Choices) Put(TemplateInfo.KeyChoice, choice);
        var choiceRows = (first, row - 1);
        foreach (var (r, id) in info.Items) Put(TemplateInfo.KeyItem, N(r), id);

        ws.Column(1).Width = 16;
        ws.Column(2).Width = 30;
        ws.Column(3).Width = 30;
        ws.Column(4).Width = 30;
        return choiceRows;
    }
}
