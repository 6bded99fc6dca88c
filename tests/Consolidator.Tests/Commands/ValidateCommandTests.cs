using System.Text.Json;
using Consolidator.Commands;
using Consolidator.Fixtures;

namespace Consolidator.Tests.Commands;

[TestClass]
public sealed class ValidateCommandTests
{
    private DirectoryInfo _dir = null!;

    [TestInitialize]
    public void Create() => _dir = Directory.CreateTempSubdirectory("validate-");

    [TestCleanup]
    public void Remove() => _dir.Delete(recursive: true);

    private static (int Exit, string Out) Validate(bool json, params string[] files)
    {
        var stdout = new StringWriter();
        var exit = ValidateCommand.Execute(files, json, null, stdout, new StringWriter());
        return (exit, stdout.ToString());
    }

    [TestMethod]
    public void CleanFile_ExitsZero_AndSaysWhatWouldBeRead()
    {
        Scenarios.Seed().WriteTo(_dir.FullName);

        var (exit, output) = Validate(false, Path.Combine(_dir.FullName, SeedAudit.MemberFile));

        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "区分 role: 監査人");
        StringAssert.Contains(output, "庶務事務システム 令和5年度");
        StringAssert.Contains(output, "高橋 美咲（監査人）");
        StringAssert.Contains(output, "見出し行 header row 7, 20 項目 items");
        StringAssert.Contains(output, "問題なし / no problems");
    }

    [TestMethod]
    public void FileWithProblems_ExitsOne_NamingEachCellInJapaneseAndEnglish()
    {
        Scenarios.Conflicts().WriteTo(_dir.FullName);

        var (exit, output) = Validate(false, Path.Combine(_dir.FullName, "チェックリスト_田中.xlsx"));

        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "[未判定] チェックリスト_田中.xlsx!チェックリスト!E15");
        StringAssert.Contains(output, "[不正な判定] チェックリスト_田中.xlsx!チェックリスト!E20  元の値 original: 「要検討」");
        StringAssert.Contains(output, "Judgment '要検討' is not on the scale");
        StringAssert.Contains(output, "[指摘内容なし] チェックリスト_田中.xlsx!チェックリスト!E17 チェックリスト_田中.xlsx!チェックリスト!F17");
    }

    [TestMethod]
    public void FilesGivenTogether_AreCrossChecked()
    {
        Scenarios.Conflicts().WriteTo(_dir.FullName);

        var (exit, output) = Validate(true, _dir.FullName);

        Assert.AreEqual(1, exit);
        using var doc = JsonDocument.Parse(output);
        var files = doc.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        var cells = files["事前回答_みなと情報システム.xlsx"].GetProperty("problems").EnumerateArray()
            .SelectMany(p => p.GetProperty("cells").EnumerateArray().Select(c => c.GetString())).ToList();
        CollectionAssert.Contains(cells, "事前回答_みなと情報システム.xlsx!事前回答!D10");
        CollectionAssert.Contains(cells, "事前回答_みなと情報システム.xlsx!事前回答!A13");
        var kinds = files["チェックリスト_渡辺.xlsx"].GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("label").GetString()).ToList();
        CollectionAssert.Contains(kinds, "判定不一致");
    }

    [TestMethod]
    public void With_ChecksAgainstTheFolder_ReportingOnlyOnTheFileGiven()
    {
        var inbox = Path.Combine(_dir.FullName, "inbox");
        Scenarios.Conflicts().WriteTo(inbox);
        var vendor = Path.Combine(inbox, "事前回答_みなと情報システム.xlsx");

        var alone = new StringWriter();
        ValidateCommand.Execute([vendor], true, null, alone, new StringWriter());
        var stdout = new StringWriter();
        var exit = ValidateCommand.Execute([vendor], true, null, stdout, new StringWriter(), context: [inbox]);

        Assert.AreEqual(1, exit, stdout.ToString());
        using var doc = JsonDocument.Parse(stdout.ToString());
        var files = doc.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.AreEqual(1, files.Count, "only the file given is reported, not the folder it is checked against");
        Assert.AreEqual("事前回答_みなと情報システム.xlsx", files[0].GetProperty("path").GetString());
        var cells = files[0].GetProperty("problems").EnumerateArray()
            .SelectMany(p => p.GetProperty("cells").EnumerateArray().Select(c => c.GetString())).ToList();
        // The vendor's 未実施 against an auditor's judgment is found only with the auditors' checklists beside it.
        CollectionAssert.Contains(cells, "事前回答_みなと情報システム.xlsx!事前回答!D10");
        using var aloneDoc = JsonDocument.Parse(alone.ToString());
        var aloneCells = aloneDoc.RootElement.GetProperty("files")[0].GetProperty("problems").EnumerateArray()
            .SelectMany(p => p.GetProperty("cells").EnumerateArray().Select(c => c.GetString())).ToList();
        Assert.IsTrue(cells.Count > aloneCells.Count, $"with the folder {cells.Count} cells, alone {aloneCells.Count}");
    }

    [TestMethod]
    public void FilesGivenTogether_EachSaysItsSubmitterKey_AndWhatReplacesIt()
    {
        Scenarios.Resubmission().WriteTo(_dir.FullName);

        var (_, text) = Validate(false, _dir.FullName);
        var (_, json) = Validate(true, _dir.FullName);

        StringAssert.Contains(text, "提出者キー submitter key: 事業者 中央電算");
        StringAssert.Contains(text, "提出者キー submitter key: 監査人 伊藤直子");
        StringAssert.Contains(text, "状態 status: 旧版 — 項目 1-1、2-1、4-1（3 件）は同じ提出者（株式会社中央電算）の新しい提出「事前回答_保守事業者_v2」（提出日 令和5年10月2日、SHA-256 ");
        StringAssert.Contains(text, "状態 status: 採用 — 事業者の提出として採用（3 行）");
        StringAssert.Contains(text, "状態 status: 重複 — 先に受領した同一内容のファイル");
        using var doc = JsonDocument.Parse(json);
        var files = doc.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        var v1 = files["事前回答_保守事業者_v1.xlsx"];
        Assert.AreEqual("事業者 中央電算", v1.GetProperty("submitterKey").GetString());
        Assert.AreEqual("旧版", v1.GetProperty("status").GetString());
        StringAssert.Contains(v1.GetProperty("reasonEn").GetString(), "items 1-1, 2-1, 4-1 (3) replaced by a later submission of the same submitter");
        Assert.AreEqual("採用", files["事前回答_保守事業者_v2.xlsx"].GetProperty("status").GetString());
    }

    [TestMethod]
    public void UnreadableFile_ExitsThree_WithTheReason()
    {
        Scenarios.BadFiles().WriteTo(_dir.FullName);

        var (exit, output) = Validate(false, Path.Combine(_dir.FullName, "参考資料一式.xlsx"), Path.Combine(_dir.FullName, "checklist.xlsx"));

        Assert.AreEqual(3, exit, output);
        StringAssert.Contains(output, "使用できません / unusable: Excel ブックではありません");
        StringAssert.Contains(output, "a zip archive that is not a workbook");
    }

    [TestMethod]
    public void UnreadableFile_Json_GivesThreeForTheFileAndTheDocument()
    {
        Scenarios.BadFiles().WriteTo(_dir.FullName);

        var (exit, output) = Validate(true, Path.Combine(_dir.FullName, "参考資料一式.xlsx"));

        Assert.AreEqual(3, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.AreEqual(3, doc.RootElement.GetProperty("exitCode").GetInt32());
        Assert.AreEqual(3, doc.RootElement.GetProperty("files")[0].GetProperty("exitCode").GetInt32());
    }

    [TestMethod]
    public void MissingFile_ExitsTwo_NamingIt()
    {
        var stderr = new StringWriter();
        var missing = Path.Combine(_dir.FullName, "nothing.xlsx");

        var exit = ValidateCommand.Execute([missing], false, null, new StringWriter(), stderr);

        Assert.AreEqual(2, exit);
        StringAssert.Contains(stderr.ToString(), "ファイルがありません / No such file:");
        StringAssert.Contains(stderr.ToString(), missing);
    }

    [TestMethod]
    public void MissingFile_Json_PrintsADocumentWithTheError()
    {
        Scenarios.Seed().WriteTo(_dir.FullName);
        var missing = Path.Combine(_dir.FullName, "nothing.xlsx");

        var (exit, output) = Validate(true, Path.Combine(_dir.FullName, SeedAudit.MemberFile), missing);

        Assert.AreEqual(2, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.AreEqual(2, doc.RootElement.GetProperty("exitCode").GetInt32());
        var error = doc.RootElement.GetProperty("errors").EnumerateArray().Single().GetString()!;
        StringAssert.Contains(error, "ファイルがありません / No such file");
        StringAssert.Contains(error, missing);
        Assert.AreEqual(0, doc.RootElement.GetProperty("files").GetArrayLength(), "nothing is checked when a file is missing");
    }

    [TestMethod]
    public void BadSettings_Json_PrintsADocumentWithEveryError()
    {
        var settings = Path.Combine(_dir.FullName, "settings.json");
        File.WriteAllText(settings, """{ "Consolidation": { "TimeZone": "Mars/Olympus", "MaxHeaderRow": 0 } }""");
        var stdout = new StringWriter();

        var exit = ValidateCommand.Execute([_dir.FullName], true, settings, stdout, new StringWriter());

        Assert.AreEqual(2, exit);
        using var doc = JsonDocument.Parse(stdout.ToString());
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.IsTrue(errors.Any(e => e.Contains("Consolidation:TimeZone", StringComparison.Ordinal)), string.Join("\n", errors));
        Assert.IsTrue(errors.Any(e => e.Contains("Consolidation:MaxHeaderRow", StringComparison.Ordinal)), string.Join("\n", errors));
    }

    [TestMethod]
    public void SettingsFileThatIsNotJson_Json_PrintsADocument()
    {
        var settings = Path.Combine(_dir.FullName, "settings.json");
        File.WriteAllText(settings, "{ not json");
        var stdout = new StringWriter();

        var exit = ValidateCommand.Execute([_dir.FullName], true, settings, stdout, new StringWriter());

        Assert.AreEqual(2, exit);
        using var doc = JsonDocument.Parse(stdout.ToString());
        StringAssert.Contains(doc.RootElement.GetProperty("errors")[0].GetString(), "設定ファイルを読めません");
    }

    [TestMethod]
    public void EmptyFolder_IsSaidToBeEmpty_InTextAndJson()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir.FullName, "受付")).FullName;
        var stderr = new StringWriter();
        var stdout = new StringWriter();

        var exit = ValidateCommand.Execute([empty], false, null, stdout, stderr);
        var (jsonExit, json) = Validate(true, empty);

        Assert.AreEqual(0, exit);
        StringAssert.Contains(stderr.ToString(), "フォルダにファイルがありません / The folder holds no files to check: " + empty);
        StringAssert.Contains(stdout.ToString(), "確認するファイルがありません / No files to check.");
        Assert.AreEqual(0, jsonExit);
        using var doc = JsonDocument.Parse(json);
        Assert.AreEqual(empty, doc.RootElement.GetProperty("emptyFolders")[0].GetString());
        Assert.AreEqual(0, doc.RootElement.GetProperty("files").GetArrayLength());
    }
}
