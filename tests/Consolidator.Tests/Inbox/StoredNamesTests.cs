using Consolidator.Inbox;

namespace Consolidator.Tests.Inbox;

[TestClass]
public sealed class StoredNamesTests
{
    [TestMethod]
    //        inbox path                      used already                                 stored as
    [DataRow("事前回答.xlsx",                  "",                                          "事前回答.xlsx")]
    [DataRow("事前回答.xlsx",                  "事前回答.xlsx",                              "事前回答 (2).xlsx")]
    [DataRow("事前回答.xlsx",                  "事前回答.xlsx|事前回答 (2).xlsx",             "事前回答 (3).xlsx")]
    [DataRow("監査室/checklist.xlsx",          "監査室/checklist.xlsx",                      "監査室/checklist (2).xlsx")]
    [DataRow("回答書.v2.csv",                  "回答書.v2.csv",                              "回答書.v2 (2).csv")]
    [DataRow("README",                         "README",                                    "README (2)")]
    [DataRow(".profile.xlsx",                  ".profile.xlsx",                             ".profile (2).xlsx")]
    public void Choose_KeepsTheInboxName_OrNumbersItLikeWindowsCopies(string path, string used, string expected)
    {
        var taken = used.Split('|', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

        Assert.AreEqual(expected, StoredNames.Choose(path, taken.Contains));
    }
}
