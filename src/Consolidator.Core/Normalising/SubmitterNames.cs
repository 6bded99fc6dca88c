using System.Text;
using System.Text.RegularExpressions;

namespace Consolidator.Core.Normalising;

/// <summary>
/// Who a submitter is, as people write it. An auditor is the person: 高橋 美咲, 高橋美咲 様,
/// 監査人：高橋 美咲 and 高橋 美咲（監査人） are one person, the role kept apart as a title. A vendor
/// is the organisation: 株式会社みなと情報システム, ㈱みなと情報システム, (株)みなと情報システム and
/// みなと情報システム株式会社 are one company. 所属 and 回答者 are shown beside the name but never
/// part of the key; a file's name stands in only when the file names nobody, without the
/// version and copy marks people and Windows add (_v2, (2), - コピー, 修正版, 20231002).
/// </summary>
public static partial class SubmitterNames
{
    // Words that name a role, not a person, when they stand before or after the name.
    private static readonly string[] Roles =
    [
        "監査人", "監査責任者", "主任監査人", "監査補助者", "補助監査人", "監査員", "監査担当", "監査担当者",
        "担当監査人", "監査チームリーダー", "監査リーダー", "責任者", "担当者", "担当", "回答者", "提出者", "記入者", "作成者",
    ];

    // Longest first, so 監査責任者 is not read as 監査 + 責任者.
    private static readonly string[] RolesLongestFirst = [.. Roles.OrderByDescending(r => r.Length)];

    // Honorifics after a name (高橋様, 高橋 美咲 殿, 高橋さん); 御中 after an organisation.
    private static readonly string[] PersonHonorifics = ["先生", "さん", "様", "殿", "氏"];
    private static readonly string[] OrganisationHonorifics = ["御中", "様", "殿"];

    // Legal forms, compared after NFKC (㈱ → (株)), without spaces, ASCII lower-cased: the Japanese
    // ones before or after the name (前株 and 後株), the English ones after it only.
    private static readonly string[] LegalForms =
    [
        "株式会社", "(株)", "有限会社", "(有)", "合同会社", "(同)", "合資会社", "(資)", "合名会社", "(名)",
        "一般社団法人", "(一社)", "一般財団法人", "(一財)", "公益社団法人", "(公社)", "公益財団法人", "(公財)",
        "特定非営利活動法人", "npo法人",
    ];

    private static readonly string[] TrailingLegalForms = ["co.,ltd.", "co.,ltd", "co.ltd.", "ltd.", "ltd", "inc.", "inc", "corporation", "corp.", "k.k."];

    /// <summary>
    /// The person and the role of a name cell: 高橋 美咲（監査人） → (高橋 美咲, 監査人); 監査責任者：佐藤 健一
    /// → (佐藤 健一, 監査責任者); 高橋美咲 様 → (高橋美咲, null). The person is as written (white space
    /// collapsed); null when nothing but a role or an honorific is left.
    /// </summary>
    public static (string? Person, string? Title) Person(string? text)
    {
        var t = WithoutHonorific(Text.Collapsed(text), PersonHonorifics);
        string? title = null;
        var (main, bracketed) = Text.SplitTrailingBracket(t);
        if (bracketed is not null && main.Length > 0)
        {
            t = WithoutHonorific(main, PersonHonorifics);
            title = bracketed.Length > 0 ? bracketed : null;
        }
        // 監査人 高橋 美咲 / 監査人：高橋 美咲 — a role word, then a separator, then the name.
        foreach (var role in RolesLongestFirst)
        {
            if (t.Length <= role.Length + 1 || !t.StartsWith(role, StringComparison.Ordinal) || !IsSeparator(t[role.Length])) continue;
            title ??= role;
            t = t[(role.Length + 1)..].TrimStart(' ', ':', '：', '/', '／', '・');
            break;
        }
        // 高橋 美咲 監査人 — a role word after the name, apart from it.
        var space = t.LastIndexOf(' ');
        if (space > 0 && Roles.Contains(t[(space + 1)..], StringComparer.Ordinal))
        {
            title ??= t[(space + 1)..];
            t = t[..space];
        }
        t = WithoutHonorific(t.Trim(), PersonHonorifics);
        return (t.Length > 0 ? t : null, title);
    }

    /// <summary>The form two persons compare in: NFKC, no spaces or middle dots, no honorific, ASCII lower-cased.</summary>
    public static string PersonKey(string? person)
    {
        var (name, _) = Person(person);
        return Squashed(name ?? "", dropDots: true);
    }

    /// <summary>
    /// The form two organisations compare in: NFKC, no spaces, no 御中, no legal form before or
    /// after the name (株式会社 / ㈱ / (株) / Co., Ltd. …), ASCII lower-cased. A name that is
    /// nothing but a legal form keeps it.
    /// </summary>
    public static string OrganisationKey(string? organisation)
    {
        var t = Squashed(organisation ?? "", dropDots: false);
        foreach (var h in OrganisationHonorifics)
            if (t.Length > h.Length && t.EndsWith(h, StringComparison.Ordinal)) t = t[..^h.Length];
        var stripped = t;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var form in LegalForms)
                if (stripped.Length > form.Length && stripped.StartsWith(form, StringComparison.Ordinal)) { stripped = stripped[form.Length..]; changed = true; }
            foreach (var form in LegalForms.Concat(TrailingLegalForms))
                if (stripped.Length > form.Length && stripped.EndsWith(form, StringComparison.Ordinal)) { stripped = stripped[..^form.Length]; changed = true; }
            var trimmed = stripped.Trim(',', '.', '・');
            if (trimmed.Length > 0 && trimmed.Length != stripped.Length) { stripped = trimmed; changed = true; }
        }
        return stripped.Length > 0 ? stripped : t;
    }

    /// <summary>
    /// True when two written organisations are the same or one is part of the other
    /// (監査室 and 行政経営部 監査室, 情報政策課 and ○○市 総務部 情報政策課). Empty is the same as anything.
    /// </summary>
    public static bool SameOrganisation(string? a, string? b)
    {
        var x = OrganisationKey(a);
        var y = OrganisationKey(b);
        return x.Length == 0 || y.Length == 0 || x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }

    /// <summary>
    /// A file's path as a stand-in for a submitter that names nobody: folders and the name without
    /// its extension and without the version and copy marks (チェックリスト_v2 - コピー (2).xlsx →
    /// チェックリスト), NFKC, no spaces, ASCII lower-cased.
    /// </summary>
    public static string FileKey(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        var slash = path.LastIndexOf('/');
        var folder = slash >= 0 ? path[..(slash + 1)] : "";
        var stem = Path.GetFileNameWithoutExtension(path[(slash + 1)..]);
        var t = Text.Nfkc(stem);
        t = CopyPrefix().Replace(t, "");
        for (var before = ""; before != t;)
        {
            before = t;
            t = VersionMark().Replace(t, "");
        }
        if (t.Trim().Length == 0) t = Text.Nfkc(stem);
        return Squashed(folder, dropDots: false) + Squashed(t, dropDots: false);
    }

    // "コピー ～ 名前" (older Japanese Windows) and "Copy of name".
    [GeneratedRegex(@"^(コピー\s*[～~]\s*|copy\s+of\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyPrefix();

    // One mark at the end: (2), - コピー, のコピー, _v2, ver1.2, rev3, 第2版, 修正版, 【再提出】, 20231002,
    // 2023-10-02, _final. A bare number (_2) is not a mark: it may tell two areas' checklists apart.
    private const string Word = "第\\d+版|修正版?|訂正版?|改訂版?|最新版?|最終版?|差替版?|差し替え版?|再提出|提出用|更新版?|コピー";
    private const string Version = "(?:v|ver\\.?|version|rev\\.?)\\s*\\d+(?:[._]\\d+)*";

    [GeneratedRegex(
        @"(?:[\s_\-・.]*(?:[(\[【〔](?:\d+|" + Version + "|" + Word + @"|copy|final)[)\]】〕]|(?:の)?(?:" + Word + @")|\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{8})" +
        @"|[\s_\-・.]*(?<![a-z])" + Version +
        @"|[\s_\-・.]+(?:copy|final|fixed|fix|new|old|latest))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionMark();

    private static bool IsSeparator(char c) => c is ' ' or ':' or '：' or '/' or '／' or '・';

    private static string WithoutHonorific(string t, string[] honorifics)
    {
        foreach (var h in honorifics)
            if (t.Length > h.Length && t.EndsWith(h, StringComparison.Ordinal)) return t[..^h.Length].TrimEnd();
        return t;
    }

    private static string Squashed(string text, bool dropDots)
    {
        var t = Text.Nfkc(text);
        var sb = new StringBuilder(t.Length);
        foreach (var ch in t)
        {
            if (char.IsWhiteSpace(ch) || (dropDots && ch is '・' or '･' or '.')) continue;
            sb.Append(ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : ch);
        }
        return sb.ToString();
    }
}
