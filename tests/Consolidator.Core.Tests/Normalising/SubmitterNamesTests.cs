using Consolidator.Core.Normalising;

namespace Consolidator.Core.Tests.Normalising;

[TestClass]
public sealed class SubmitterNamesTests
{
    [TestMethod]
    // as written                          person          title
    [DataRow("高橋 美咲",                  "高橋 美咲",    null)]
    [DataRow("  高橋   美咲  ",            "高橋 美咲",    null)]
    // the role apart, in brackets of every kind
    [DataRow("高橋 美咲（監査人）",        "高橋 美咲",    "監査人")]
    [DataRow("佐藤 健一 (監査責任者)",     "佐藤 健一",    "監査責任者")]
    [DataRow("佐藤 健一【主任監査人】",    "佐藤 健一",    "主任監査人")]
    // the role before or after the name
    [DataRow("監査人 高橋 美咲",           "高橋 美咲",    "監査人")]
    [DataRow("監査責任者：佐藤 健一",      "佐藤 健一",    "監査責任者")]
    [DataRow("監査人:高橋美咲",            "高橋美咲",     "監査人")]
    [DataRow("高橋 美咲 監査人",           "高橋 美咲",    "監査人")]
    // honorifics
    [DataRow("高橋美咲 様",                "高橋美咲",     null)]
    [DataRow("高橋美咲様",                 "高橋美咲",     null)]
    [DataRow("高橋 美咲 殿",               "高橋 美咲",    null)]
    [DataRow("高橋さん",                   "高橋",         null)]
    [DataRow("高橋 美咲（監査人）様",      "高橋 美咲",    "監査人")]
    // nothing that looks like a person
    [DataRow("様",                         "様",           null)]
    [DataRow("",                           null,           null)]
    [DataRow("（監査人）",                 "（監査人）",   null)]
    public void Person_SplitsTheRoleAndDropsTheHonorific(string text, string? person, string? title) =>
        Assert.AreEqual((person, title), SubmitterNames.Person(text));

    [TestMethod]
    // spellings of one person: one key
    [DataRow("高橋 美咲",                  "高橋美咲")]
    [DataRow("高橋　美咲",                 "高橋美咲")]
    [DataRow("高橋美咲 様",                "高橋美咲")]
    [DataRow("監査人 高橋 美咲",           "高橋美咲")]
    [DataRow("高橋 美咲（情報政策課）",    "高橋美咲")]
    [DataRow("ｽﾐｽ･ｼﾞｮﾝ",                   "スミスジョン")]
    [DataRow("John SMITH",                 "johnsmith")]
    public void PersonKey_IsOneForEverySpellingOfAName(string text, string key) =>
        Assert.AreEqual(key, SubmitterNames.PersonKey(text));

    [TestMethod]
    // the legal form before, after, abbreviated, in brackets of either width
    [DataRow("株式会社みなと情報システム",      "みなと情報システム")]
    [DataRow("㈱みなと情報システム",            "みなと情報システム")]
    [DataRow("(株)みなと情報システム",          "みなと情報システム")]
    [DataRow("（株）みなと情報システム",        "みなと情報システム")]
    [DataRow("みなと情報システム株式会社",      "みなと情報システム")]
    [DataRow("みなと情報システム㈱",            "みなと情報システム")]
    [DataRow("株式会社 みなと情報システム",     "みなと情報システム")]
    [DataRow("株式会社みなと情報システム 御中", "みなと情報システム")]
    [DataRow("有限会社さくら電算",              "さくら電算")]
    [DataRow("(有)さくら電算",                  "さくら電算")]
    [DataRow("一般財団法人 地方自治情報センター", "地方自治情報センター")]
    [DataRow("Minato Systems Co., Ltd.",        "minatosystems")]
    [DataRow("MINATO SYSTEMS INC.",             "minatosystems")]
    // not a legal form: kept
    [DataRow("行政経営部 監査室",               "行政経営部監査室")]
    [DataRow("株式会社",                        "株式会社")]
    [DataRow("",                                "")]
    public void OrganisationKey_IsOneForEverySpellingOfACompany(string text, string key) =>
        Assert.AreEqual(key, SubmitterNames.OrganisationKey(text));

    [TestMethod]
    [DataRow("監査室",            "行政経営部 監査室",          true)]
    [DataRow("情報政策課",        "みどり市 総務部 情報政策課", true)]
    [DataRow("㈱あさひ電算",      "あさひ電算株式会社",         true)]
    [DataRow(null,                "情報政策課",                 true)]
    [DataRow("",                  "",                           true)]
    [DataRow("情報政策課",        "ひまわり監査法人",           false)]
    [DataRow("監査室",            "情報政策課",                 false)]
    public void SameOrganisation_WhenEqualOrOneIsPartOfTheOther(string? a, string? b, bool same)
    {
        Assert.AreEqual(same, SubmitterNames.SameOrganisation(a, b));
        Assert.AreEqual(same, SubmitterNames.SameOrganisation(b, a));
    }

    [TestMethod]
    // version and copy marks people, Windows and the archive add
    [DataRow("チェックリスト.xlsx",                       "チェックリスト")]
    [DataRow("チェックリスト (2).xlsx",                   "チェックリスト")]
    [DataRow("チェックリスト（2）.xlsx",                  "チェックリスト")]
    [DataRow("チェックリスト - コピー.xlsx",              "チェックリスト")]
    [DataRow("チェックリスト - コピー (2).xlsx",          "チェックリスト")]
    [DataRow("チェックリストのコピー.xlsx",               "チェックリスト")]
    [DataRow("コピー ～ チェックリスト.xlsx",             "チェックリスト")]
    [DataRow("Copy of checklist.xlsx",                    "checklist")]
    [DataRow("事前回答_保守事業者_v2.xlsx",               "事前回答_保守事業者")]
    [DataRow("事前回答_保守事業者_v2 - コピー.xlsx",      "事前回答_保守事業者")]
    [DataRow("事前回答v1.2.xlsx",                         "事前回答")]
    [DataRow("事前回答_ver3.xlsx",                        "事前回答")]
    [DataRow("事前回答_rev.2.xlsx",                       "事前回答")]
    [DataRow("回答書_第2版.xlsx",                         "回答書")]
    [DataRow("回答書（修正版）.xlsx",                     "回答書")]
    [DataRow("回答書【再提出】.xlsx",                     "回答書")]
    [DataRow("回答書_最新.xlsx",                          "回答書")]
    [DataRow("回答書_20231002.xlsx",                      "回答書")]
    [DataRow("回答書 2023-10-02.xlsx",                    "回答書")]
    [DataRow("checklist_final.xlsx",                      "checklist")]
    [DataRow("監査室/チェックリスト_v2.xlsx",             "監査室/チェックリスト")]
    // not marks: kept, so two areas' files stay two
    [DataRow("チェックリスト_2.xlsx",                     "チェックリスト_2")]
    [DataRow("チェックリスト（第1分野）.xlsx",            "チェックリスト(第1分野)")]
    [DataRow("review.xlsx",                               "review")]
    [DataRow("renew.xlsx",                                "renew")]
    [DataRow("20231002.xlsx",                             "20231002")]
    public void FileKey_DropsVersionAndCopyMarks(string path, string key) =>
        Assert.AreEqual(key, SubmitterNames.FileKey(path));
}
