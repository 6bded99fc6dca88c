using System.Text.Json;
using Consolidator.Commands;
using Consolidator.Fixtures;
using Consolidator.Tests.Support;

namespace Consolidator.Tests.Commands;

/// <summary>
/// validate and run with an office profile and --target/--year, over a checklist laid out like
/// OWASP's MASVS workbook (no audit key in it): validate says why the role, which headers it did
/// not know, how it read the scale, every item and every row it did not use.
/// </summary>
[TestClass]
public sealed class RecognitionCommandTests
{
    private static (TempDir Dir, string File, string Settings) Prepare(string book = "masvs-like")
    {
        var dir = new TempDir();
        var file = dir["inbox/" + book + ".xlsx"];
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, RecognitionFixtures.All().Single(b => b.Name == book).Xlsx());
        var settings = dir["profile.json"];
        File.WriteAllText(settings, RecognitionFixtures.ProfileJson);
        return (dir, file, settings);
    }

    [TestMethod]
    public void ValidateJson_ListsEveryItem_EveryOtherRow_TheRoleReason_AndTheScaleMapping()
    {
        var (dir, file, settings) = Prepare();
        using var _ = dir;
        var stdout = new StringWriter();

        var exit = ValidateCommand.Execute([file], json: true, settings, stdout, new StringWriter(), target: "モバイルアプリ", year: "2024");

        Assert.AreEqual(1, exit, stdout.ToString()); // 2.2 is 未判定
        using var doc = JsonDocument.Parse(stdout.ToString());
        var f = doc.RootElement.GetProperty("files")[0];
        Assert.AreEqual("モバイルアプリ", f.GetProperty("audit").GetProperty("target").GetString());
        Assert.AreEqual(2024, f.GetProperty("audit").GetProperty("fiscalYear").GetInt32());
        Assert.AreEqual("settings", f.GetProperty("audit").GetProperty("origin").GetString());
        StringAssert.Contains(f.GetProperty("roleReason").GetProperty("ja").GetString(), "判定の列（Android!F3「結果」）に値あり");
        var items = f.GetProperty("items").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { "1.1", "1.2", "2.1", "2.2", "2.3" }, items.Select(i => i.GetProperty("id").GetString()).ToArray());
        var first = items[0];
        CollectionAssert.AreEqual(new[] { "V1 アーキテクチャ" }, first.GetProperty("categoryPath").EnumerateArray().Select(x => x.GetString()).ToArray());
        Assert.AreEqual("構成要素が把握されている。", first.GetProperty("text").GetString());
        Assert.AreEqual("△", first.GetProperty("judgment").GetProperty("symbol").GetString());
        var scopes = first.GetProperty("scopes").EnumerateArray().ToList();
        Assert.AreEqual("Pass", scopes[0].GetProperty("judgment").GetProperty("raw").GetString());
        Assert.AreEqual("〇", scopes[0].GetProperty("judgment").GetProperty("symbol").GetString());
        Assert.AreEqual("masvs-like.xlsx!iOS!F5", scopes[1].GetProperty("cell").GetString());
        var rows = f.GetProperty("rows");
        Assert.AreEqual((26, 10, 6, 10, 0), (rows.GetProperty("read").GetInt32(), rows.GetProperty("items").GetInt32(), rows.GetProperty("headings").GetInt32(), rows.GetProperty("legend").GetInt32(), rows.GetProperty("listed").GetInt32()));
        var others = f.GetProperty("otherRows").EnumerateArray().ToList();
        Assert.AreEqual(16, others.Count);
        Assert.IsTrue(others.All(o => o.GetProperty("reasonJa").GetString()!.Length > 0));
        CollectionAssert.AreEquivalent(new[] { "Heading", "Legend" }, others.Select(o => o.GetProperty("kind").GetString()).Distinct().ToArray());
        var mapping = f.GetProperty("scaleMapping").EnumerateArray().ToDictionary(m => m.GetProperty("spelling").GetString()!);
        Assert.AreEqual("△", mapping["Fail"].GetProperty("symbol").GetString());
        StringAssert.Contains(mapping["Fail"].GetProperty("source").GetString(), "設定 profile");
        Assert.AreEqual("要件を満たさない。", mapping["Fail"].GetProperty("legendMeaning").GetString());
        // Only 2.2 is a problem: no heading, legend or header row is one.
        Assert.AreEqual("未判定", f.GetProperty("problems").EnumerateArray().Single().GetProperty("label").GetString());
    }

    [TestMethod]
    public void ValidateText_SaysWhatItDidNotRecognise_WithoutTheProfile()
    {
        var (dir, file, _) = Prepare();
        using var _d = dir;
        var stdout = new StringWriter();

        ValidateCommand.Execute([file], json: false, null, stdout, new StringWriter(), target: "モバイルアプリ", year: "令和6年度");

        var text = stdout.ToString();
        StringAssert.Contains(text, "監査 audit: モバイルアプリ 令和6年度 (settings)");
        StringAssert.Contains(text, "区分の根拠 role because: 区分の記載がなく、判定・事前回答の列もないため");
        StringAssert.Contains(text, "認識しなかった見出し unrecognised headers: C3「要件ID」、D3「検証要件」、E3「L1」、F3「結果」");
        StringAssert.Contains(text, "行 rows: 13 = 項目 5、見出し 3、凡例 5");
        StringAssert.Contains(text, "[見出し] masvs-like.xlsx!Android!B4「V1 アーキテクチャ」");
        StringAssert.Contains(text, "[凡例] masvs-like.xlsx!Android!B14「シンボル 説明」");
    }

    [TestMethod]
    [DataRow("2024", true)]
    [DataRow("令和6年度", true)]
    [DataRow("R6", true)]
    [DataRow("来年", false)]
    public void Validate_Year_IsReadAsPeopleWriteIt_OrRefused(string year, bool readable)
    {
        var (dir, file, settings) = Prepare();
        using var _ = dir;
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = ValidateCommand.Execute([file], json: false, settings, stdout, stderr, target: "モバイルアプリ", year: year);

        if (readable) StringAssert.Contains(stdout.ToString(), "モバイルアプリ 令和6年度 (settings)");
        else
        {
            Assert.AreEqual(2, exit);
            StringAssert.Contains(stderr.ToString(), "--year: 「来年」は年度として読めません");
        }
    }

    [TestMethod]
    public void Run_WithTargetAndYear_WritesTheAuditOfAFileThatNamesNone()
    {
        var (dir, _, settings) = Prepare();
        using var _d = dir;

        var parse = RunCommand.Create().Parse(["--inbox", dir["inbox"], "--output", dir["output"], "--state", dir["state"], "--settings", settings, "--target", "モバイルアプリ", "--year", "R6"]);
        var exit = parse.Invoke();

        Assert.AreEqual(0, exit);
        Assert.IsTrue(File.Exists(Path.Combine(dir["output"], "モバイルアプリ_令和6年度_監査結果.xlsx")));
    }

    [TestMethod]
    public void Run_WithAnUnreadableYear_ExitsTwo_AsAUsageError()
    {
        var (dir, _, _) = Prepare();
        using var _d = dir;

        var exit = RunCommand.Create().Parse(["--inbox", dir["inbox"], "--output", dir["output"], "--state", dir["state"], "--target", "X", "--year", "そのうち"]).Invoke();

        Assert.AreEqual(2, exit);
        Assert.IsFalse(Directory.Exists(dir["output"]) && Directory.EnumerateFiles(dir["output"]).Any());
    }
}
