using System.Globalization;
using ClosedXML.Excel;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Writing;

/// <summary>
/// 提出状況: one row per expected submitter — role, the items assigned, how many of them were
/// judged or answered, 未提出 / 一部 / 完了, the due date and whether it has passed, the files
/// received with their times, where the roster entry came from — then the submitters the roster
/// does not name (名簿外). Written only for an audit with a roster.
/// </summary>
internal static class RosterSheet
{
    public static void Write(SheetPlan ws, AuditResult result, TimeSpan offset)
    {
        var roster = result.Roster!;
        var columns = new List<Column>
        {
            new("No.", 4, 5, Center: true),
            new("区分", 6, 8, Center: true),
            new("提出予定者", 12, 28),
            new("状態", 6, 7, Center: true),
            new("担当項目", 8, 20),
            new("担当\n項目数", 6, 6, Center: true, Numeric: true),
            new("判定・\n回答済", 6, 6, Center: true, Numeric: true),
            new("提出期限", 10, 16, Center: true),
            new("期限", 6, 9, Center: true),
            new("受領ファイル（受領日時）", 20, 50),
            new("最終受領", 16, 16, Wrap: false),
            new("名簿の記載元", 12, 30, Small: true),
        };
        string When(DateTimeOffset t) => t.ToOffset(offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var rows = roster.Entries.Select((e, i) => new string?[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture),
            e.Role.Label(),
            e.Name,
            e.State.Label(),
            e.State == SubmitterState.Unexpected ? "（名簿にない提出者）" : e.ItemPatterns.Count == 0 ? "全項目" : string.Join("、", e.ItemPatterns),
            e.Assigned.ToString(CultureInfo.InvariantCulture),
            e.Done.ToString(CultureInfo.InvariantCulture),
            e.Due is { } d ? JapaneseDates.DateLabel(d) : "",
            e.Overdue ? "期限超過" : e.Due is null || e.State is SubmitterState.Complete or SubmitterState.Unexpected ? "" : "期限内",
            e.Files.Count == 0 ? "" : string.Join("\n", e.Files.Select(f => $"{f.Path}（{When(f.ModifiedAt)}{(f.Status == FileStatus.Adopted ? "" : "、" + f.Status.Label())}）")),
            e.LastReceived is { } last ? When(last) : "",
            e.Origin,
        }).ToList();
        var state = columns.FindIndex(c => c.Header == "状態");
        var due = columns.FindIndex(c => c.Header == "期限");
        Sheets.Table(ws, 3, columns, rows, (r, c) =>
            c == state ? Fill(roster.Entries[r].State)
            : c == due && roster.Entries[r].Overdue ? "#F4B6B6"
            : null);
        Sheets.Title(ws, $"提出状況（{result.Key}、期限の判定日 {JapaneseDates.DateLabel(roster.Today)}）", columns.Count);
    }

    internal static string Fill(SubmitterState state) => state switch
    {
        SubmitterState.Missing => "#F4B6B6",
        SubmitterState.Partial => "#FFEB9C",
        SubmitterState.Complete => "#E2EFDA",
        _ => "#EDEDED",
    };
}
