using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>
/// Who the office expects a submission from, from a sheet of the master list named 提出予定 (or
/// 提出者一覧, 提出者名簿, 配布先): a header row (within the first 20 rows) with a name column
/// (氏名, 名前, 提出者, 事業者名 …) and a role column (区分, 役割, 種別 …), optionally the items
/// assigned (担当項目, 対象項目 …: ids and prefixes such as 5-2, 5-*, separated by 、 , or spaces;
/// blank or 全項目 for every item) and a due date (提出期限, 期限, 締切 …: 令和5年10月13日,
/// 2023/10/13, R5.10.13). One row per auditor or vendor. A row whose role or date cannot be read is
/// listed in 要確認 with its cell and left out of the roster, never guessed.
/// </summary>
internal static class RosterSheetReader
{
    private static readonly string[] SheetNames = ["提出予定", "提出者一覧", "提出者名簿", "提出先一覧", "配布先", "提出状況管理"];
    private static readonly string[] NameHeaders = ["氏名", "名前", "提出者", "提出者名", "提出予定者", "氏名・事業者名", "氏名又は事業者名", "監査人・事業者", "監査人・事業者名", "名称", "宛先", "配布先", "事業者名", "監査人名"];
    private static readonly string[] RoleHeaders = ["区分", "役割", "種別", "立場", "提出区分"];
    private static readonly string[] ItemHeaders = ["担当項目", "対象項目", "項目", "項目番号", "担当範囲", "範囲", "監査項目", "担当する項目"];
    private static readonly string[] DueHeaders = ["提出期限", "期限", "締切", "締切日", "締め切り", "提出期日", "期日", "提出日期限"];
    private static readonly string[] EveryItem = ["全項目", "全て", "すべて", "全部", "全件", "all", "*"];

    private const int HeaderRows = 20;

    /// <summary>A sheet named as a roster whose header row has a name and a role column.</summary>
    public static bool IsRosterSheet(RawSheet sheet) =>
        SheetNames.Any(n => Text.Nfkc(sheet.Name).Contains(n, StringComparison.Ordinal)) && Header(sheet) is not null;

    /// <summary>What <c>validate</c> says about the sheet: it is read as the roster, not as items.</summary>
    public static SheetReport Report(RawSheet sheet) => new(sheet.Name, sheet.Hidden, Header(sheet)?.Row, [], 0, "提出予定 / roster of expected submitters");

    /// <summary>A master list with its roster (and the problems of its rows); any other submission as it is.</summary>
    public static Submission Attach(Submission submission, RawWorkbook book)
    {
        if (submission.Role != SubmissionRole.Master || submission.IsRejected) return submission;
        var roster = new List<ExpectedSubmitter>();
        var notes = new List<ReviewNote>();
        foreach (var sheet in book.Sheets.Where(IsRosterSheet))
        {
            var (entries, problems) = Read(sheet, submission.Source.RelativePath);
            roster.AddRange(entries.Where(e => !roster.Any(r => r.Role == e.Role && r.Identity == e.Identity)));
            notes.AddRange(problems);
        }
        return roster.Count == 0 && notes.Count == 0 ? submission : submission with { Roster = roster, Notes = [.. submission.Notes, .. notes] };
    }

    public static (IReadOnlyList<ExpectedSubmitter> Roster, IReadOnlyList<ReviewNote> Notes) Read(RawSheet sheet, string file)
    {
        var roster = new List<ExpectedSubmitter>();
        var notes = new List<ReviewNote>();
        if (Header(sheet) is not { } h) return (roster, notes);
        var seen = new HashSet<(SubmissionRole, string)>();
        for (var r = h.Row + 1; r <= sheet.RowCount; r++)
        {
            var name = Text.Collapsed(sheet[r, h.Name]);
            var roleText = Text.Collapsed(sheet[r, h.Role]);
            if (name.Length == 0)
            {
                if (roleText.Length > 0) notes.Add(Notes.RosterRow(new CellRef(file, sheet.Name, r, h.Name), roleText, "氏名（事業者名）が空欄です", "the name is blank"));
                continue;
            }
            var nameCell = new CellRef(file, sheet.Name, r, h.Name);
            var role = Roles.FromText(roleText);
            if (role is not (SubmissionRole.Auditor or SubmissionRole.Vendor))
            {
                notes.Add(Notes.RosterRow(new CellRef(file, sheet.Name, r, h.Role), roleText,
                    $"区分「{roleText}」から監査人か事業者かを読めません", $"the role '{roleText}' says neither auditor (監査人) nor vendor (事業者)"));
                continue;
            }
            DateOnly? due = null;
            if (h.Due > 0 && Text.Collapsed(sheet[r, h.Due]) is { Length: > 0 } dueText)
            {
                if (JapaneseDates.TryParseDate(dueText, out var d)) due = d;
                else notes.Add(Notes.RosterRow(new CellRef(file, sheet.Name, r, h.Due), dueText,
                    $"提出期限「{dueText}」を日付として読めません。期限なしとして扱っています", $"the due date '{dueText}' is not a date; taken as no due date"));
            }
            if (!seen.Add((role, new ExpectedSubmitter { Name = name, Role = role }.Identity)))
            {
                notes.Add(Notes.RosterRow(nameCell, name, "同じ提出予定者が2回以上あります。最初の行だけを使っています", "the same submitter is listed more than once; only the first row is used"));
                continue;
            }
            roster.Add(new ExpectedSubmitter
            {
                Name = name,
                Role = role,
                Items = h.Items > 0 ? Patterns(sheet[r, h.Items]) : [],
                Due = due,
                Origin = nameCell.ToString(),
            });
        }
        return (roster, notes);
    }

    /// <summary>Item patterns of a cell: 5-*, 6-1 、 7-2; blank or 全項目 is every item.</summary>
    internal static IReadOnlyList<string> Patterns(string cell)
    {
        var parts = Text.Nfkc(cell).Split([',', '、', '，', ' ', '　', ';', '；', '\n', '/', '／'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Any(p => EveryItem.Contains(p, StringComparer.OrdinalIgnoreCase))) return [];
        return parts;
    }

    private sealed record Columns(int Row, int Name, int Role, int Items, int Due);

    private static Columns? Header(RawSheet sheet)
    {
        for (var r = 1; r <= Math.Min(sheet.RowCount, HeaderRows); r++)
        {
            var cells = sheet.Row(r).Select(Text.HeaderKey).ToArray();
            int Find(string[] names) => Array.FindIndex(cells, c => c.Length > 0 && names.Any(n => c == Text.HeaderKey(n))) + 1;
            var name = Find(NameHeaders);
            var role = Find(RoleHeaders);
            if (name > 0 && role > 0) return new Columns(r, name, role, Find(ItemHeaders), Find(DueHeaders));
        }
        return null;
    }
}
