namespace Consolidator.Fixtures;

public enum Auditor
{
    /// <summary>佐藤 健一（監査責任者）: items 1-1 to 4-5.</summary>
    Lead,
    /// <summary>高橋 美咲（監査人）: items 5-1 to 7-4.</summary>
    Member,
}

public enum Vendor
{
    /// <summary>株式会社みなと情報システム, the maintenance contractor (保守運用事業者).</summary>
    Maintenance,
    /// <summary>北斗データセンター株式会社, the virtualisation platform's data centre (仮想化基盤事業者).</summary>
    DataCentre,
}

public sealed record SeedItem(string Id, string Category, string Text, string Basis, Auditor Auditor, string Judgment, string? Finding, string? Recommendation, string? Remarks);

public sealed record SeedAnswer(Vendor Vendor, string Id, string Answer, string? Detail, string? Evidence);

/// <summary>
/// The seed audit as an office really receives it: 庶務事務システム, 令和5年度, 実施日 令和5年10月24日;
/// a master list of 38 items, two auditors' checklists that split the items, two vendors'
/// pre-answers. Laid out as people lay them out: title rows, a metadata block, merged
/// category cells; one checklist shaped the way Japanese Excel saves it (shared strings with
/// furigana), one as a tool exports it (inline strings). Tests build variations by passing changed items.
/// </summary>
public static partial class SeedAudit
{
    public const string Target = "庶務事務システム";
    public const string Year = "令和5年度";
    public const string AuditDate = "令和5年10月24日";

    public const string MasterFile = "監査項目一覧_庶務事務システム.xlsx";
    public const string LeadFile = "チェックリスト_監査責任者.xlsx";
    public const string MemberFile = "チェックリスト_監査人.xlsx";
    public const string MaintenanceFile = "事前回答_保守運用事業者.xlsx";
    public const string DataCentreFile = "事前回答_仮想化基盤事業者.xlsx";

    /// <summary>The five workbooks by file name.</summary>
    public static IReadOnlyDictionary<string, byte[]> Build(IReadOnlyList<SeedItem>? items = null, IReadOnlyList<SeedAnswer>? answers = null)
    {
        items ??= Items;
        answers ??= Answers;
        return new Dictionary<string, byte[]>
        {
            [MasterFile] = Master(items),
            [LeadFile] = LeadChecklist(items.Where(i => i.Auditor == Auditor.Lead).ToList()),
            [MemberFile] = MemberChecklist(items.Where(i => i.Auditor == Auditor.Member).ToList()),
            [MaintenanceFile] = PreAnswer(items, answers.Where(a => a.Vendor == Vendor.Maintenance).ToList(),
                "株式会社みなと情報システム", "カブシキガイシャミナトジョウホウシステム", "公共システム部 山口 太郎", "令和5年10月6日"),
            [DataCentreFile] = PreAnswer(items, answers.Where(a => a.Vendor == Vendor.DataCentre).ToList(),
                "北斗データセンター株式会社", null, "基盤サービス部 清水 由香", "令和5年10月10日"),
        };
    }

    /// <summary>Writes the five workbooks into a folder.</summary>
    public static void WriteTo(string folder, IReadOnlyList<SeedItem>? items = null, IReadOnlyList<SeedAnswer>? answers = null)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in Build(items, answers))
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }

    private static byte[] Master(IReadOnlyList<SeedItem> items)
    {
        var book = new XlsxBuilder();
        var s = book.AddSheet("監査項目一覧");
        s.Plain(1, 1, $"{Year} 情報セキュリティ監査 監査項目一覧（{Target}）").Merge(1, 1, 1, 4);
        s.Plain(3, 1, "区分").Plain(3, 2, "監査項目一覧").Plain(3, 4, "対象業務").Plain(3, 5, Target).Plain(3, 7, "年度").Plain(3, 8, Year);
        Headers(s, 5, "分類", "No.", "監査項目", "根拠");
        var row = 6;
        foreach (var group in items.GroupBy(i => i.Category))
        {
            var first = row;
            foreach (var i in group)
            {
                if (row == first) s.Text(row, 1, i.Category); else s.Styled(row, 1);
                s.Text(row, 2, i.Id).Text(row, 3, i.Text).Text(row, 4, i.Basis);
                row++;
            }
            if (row - 1 > first) s.Merge(first, 1, row - 1, 1);
        }
        Widths(s, 18, 7, 60, 14);
        return book.ToBytes();
    }

    /// <summary>The lead auditor's checklist as a tool export writes it: inline strings, no furigana, no styled blanks.</summary>
    private static byte[] LeadChecklist(IReadOnlyList<SeedItem> items)
    {
        var book = new XlsxBuilder(XlsxFlavour.InlineStrings) { Application = "Consolidator.Fixtures" };
        var s = book.AddSheet("チェックリスト");
        s.Plain(1, 1, $"{Year} 情報セキュリティ監査 チェックリスト（{Target}）").Merge(1, 1, 1, 8);
        s.Plain(3, 1, "区分").Plain(3, 2, "監査人").Plain(3, 4, "対象業務").Plain(3, 5, Target);
        s.Plain(4, 1, "年度").Plain(4, 2, Year).Plain(4, 4, "実施日").Plain(4, 5, AuditDate);
        s.Plain(5, 1, "所属").Plain(5, 2, "行政経営部 監査室").Plain(5, 4, "監査人").Plain(5, 5, "佐藤 健一（監査責任者）");
        Headers(s, 7, "分類", "No.", "監査項目", "根拠", "判定", "確認結果", "改善提案", "備考");
        var row = 8;
        foreach (var group in items.GroupBy(i => i.Category))
        {
            var first = row;
            foreach (var i in group)
            {
                if (row == first) s.Text(row, 1, i.Category);
                s.Text(row, 2, i.Id).Text(row, 3, i.Text).Text(row, 4, i.Basis).Text(row, 5, i.Judgment);
                if (i.Finding is not null) s.Text(row, 6, i.Finding);
                if (i.Recommendation is not null) s.Text(row, 7, i.Recommendation);
                if (i.Remarks is not null) s.Text(row, 8, i.Remarks);
                row++;
            }
            if (row - 1 > first) s.Merge(first, 1, row - 1, 1);
        }
        Widths(s, 18, 7, 60, 14, 6, 40, 40, 30);
        return book.ToBytes();
    }

    /// <summary>The auditor's checklist shaped the way Japanese Excel saves it: furigana on names and IME-typed text.</summary>
    private static byte[] MemberChecklist(IReadOnlyList<SeedItem> items)
    {
        var book = new XlsxBuilder();
        var s = book.AddSheet("チェックリスト");
        s.Plain(1, 1, $"{Year} 情報セキュリティ監査 チェックリスト（{Target}）").Merge(1, 1, 1, 8);
        s.Plain(3, 1, "区分").Plain(3, 2, "監査人").Plain(3, 4, "対象業務").Plain(3, 5, Target, "ショムジムシステム");
        s.Plain(4, 1, "年度").Plain(4, 2, Year).Plain(4, 4, "実施日").Plain(4, 5, AuditDate);
        s.Plain(5, 1, "所属").Plain(5, 2, "行政経営部 監査室", "ギョウセイケイエイブ カンサシツ").Plain(5, 4, "監査人").Plain(5, 5, "高橋 美咲（監査人）", "タカハシ ミサキ");
        Headers(s, 7, "分類", "No.", "監査項目", "根拠", "判定", "指摘内容", "改善提案", "備考");
        var row = 8;
        foreach (var group in items.GroupBy(i => i.Category))
        {
            var first = row;
            foreach (var i in group)
            {
                if (row == first) s.Text(row, 1, i.Category); else s.Styled(row, 1);
                s.Text(row, 2, i.Id).Text(row, 3, i.Text, i.Id == "5-2" ? "トッケンヲフヨサレタアイディー" : null).Text(row, 4, i.Basis).Text(row, 5, i.Judgment);
                if (i.Finding is not null) s.Text(row, 6, i.Finding, "ホシュジギョウシャ"); else s.Styled(row, 6);
                if (i.Recommendation is not null) s.Text(row, 7, i.Recommendation); else s.Styled(row, 7);
                if (i.Remarks is not null) s.Text(row, 8, i.Remarks); else s.Styled(row, 8);
                row++;
            }
            if (row - 1 > first) s.Merge(first, 1, row - 1, 1);
        }
        Widths(s, 18, 7, 60, 14, 6, 40, 40, 30);
        return book.ToBytes();
    }

    private static byte[] PreAnswer(IReadOnlyList<SeedItem> items, IReadOnlyList<SeedAnswer> answers, string vendor, string? reading, string person, string submitted)
    {
        var byId = items.ToDictionary(i => i.Id);
        var book = new XlsxBuilder();
        var s = book.AddSheet("事前回答");
        s.Plain(1, 1, $"情報セキュリティ監査 事前回答書（{Target}）").Merge(1, 1, 1, 7);
        s.Plain(3, 1, "区分").Plain(3, 2, "事業者").Plain(3, 4, "対象業務").Plain(3, 5, Target);
        s.Plain(4, 1, "年度").Plain(4, 2, Year).Plain(4, 4, "提出日").Plain(4, 5, submitted);
        s.Plain(5, 1, "事業者名").Plain(5, 2, vendor, reading).Plain(5, 4, "提出者").Plain(5, 5, person);
        s.Plain(6, 1, "※ 事前回答欄には「実施」「一部実施」「未実施」「該当なし」のいずれかを記入してください。");
        Headers(s, 8, "No.", "分類", "監査項目", "事前回答", "回答内容", "証跡", "備考");
        var row = 9;
        foreach (var group in answers.GroupBy(a => byId.TryGetValue(a.Id, out var i) ? i.Category : ""))
        {
            var first = row;
            foreach (var a in group)
            {
                s.Text(row, 1, a.Id);
                if (row == first) s.Text(row, 2, group.Key); else s.Styled(row, 2);
                s.Text(row, 3, byId.TryGetValue(a.Id, out var item) ? item.Text : "");
                if (a.Answer.Length > 0) s.Text(row, 4, a.Answer); else s.Styled(row, 4);
                if (a.Detail is not null) s.Text(row, 5, a.Detail); else s.Styled(row, 5);
                if (a.Evidence is not null) s.Text(row, 6, a.Evidence); else s.Styled(row, 6);
                s.Styled(row, 7);
                row++;
            }
            if (row - 1 > first) s.Merge(first, 2, row - 1, 2);
        }
        Widths(s, 7, 18, 50, 10, 50, 30, 16);
        return book.ToBytes();
    }

    private static void Headers(SheetBuilder s, int row, params string[] names)
    {
        for (var c = 0; c < names.Length; c++) s.Header(row, c + 1, names[c]);
    }

    private static void Widths(SheetBuilder s, params double[] widths)
    {
        for (var c = 0; c < widths.Length; c++) s.Width(c + 1, widths[c]);
    }
}
