using Consolidator.Core.Model;
using Consolidator.Core.Writing;

namespace Consolidator.Commands;

/// <summary>
/// <c>run</c>'s progress through merging and writing. On a terminal one line, rewritten in place
/// (<c>\r</c>), says how many audits of how many are written; when the output is redirected (a log,
/// a pipe, a scheduled task) each audit written is a plain line of its own, so no control
/// character reaches the file. Reports come from several threads.
/// </summary>
internal sealed class AuditProgressLines(TextWriter output, bool live) : IProgress<AuditProgress>
{
    private readonly Lock _gate = new();
    private int _shown;

    public void Report(AuditProgress value)
    {
        lock (_gate)
        {
            if (value.Workbook is null)
            {
                if (value.Total > 0) output.WriteLine($"集約 / consolidating: {value.Total} 件の監査 / audits");
                return;
            }
            var name = Core.Reading.Rejections.Name(Path.GetFileName(value.Workbook), 200);
            var status = value.Status?.Label() ?? "";
            if (!live)
            {
                output.WriteLine($"  [{value.Done}/{value.Total}] {name}  {status}");
                return;
            }
            var text = Fit($"  集約 consolidated {value.Done}/{value.Total}  {name}  {status}");
            var width = (int)CellText.DisplayWidth(text);
            output.Write("\r" + text + new string(' ', Math.Max(0, _shown - width)));
            _shown = width;
            if (value.Done == value.Total) output.WriteLine();
            output.Flush();
        }
    }

    /// <summary>Cut to the terminal's width: a line that wraps cannot be rewritten with \r.</summary>
    private static string Fit(string text)
    {
        int columns;
        try
        {
            columns = Console.WindowWidth;
        }
        catch (IOException)
        {
            return text;
        }
        if (columns <= 10 || CellText.DisplayWidth(text) < columns) return text;
        var cut = text;
        while (cut.Length > 0 && CellText.DisplayWidth(cut) >= columns - 1) cut = cut[..^1];
        return cut + "…";
    }
}
