using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Recognising;
using Consolidator.Core.Tests.Support;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// An office profile adds header names, metadata keys, cover sheets and spellings to the built-in
/// ones; a name in it overrides the built-in kind of the same name. Read with it, a checklist laid
/// out like OWASP's MASVS workbook (a Dashboard cover, one sheet per platform, V-sections, a
/// legend below, dropdowns) is one checklist of its items, each judged on both sheets.
/// </summary>
[TestClass]
public sealed class ProfileTests
{
    [TestMethod]
    // id     Android  iOS    merged (null: 未判定)
    [DataRow("1.1", "Pass", "Fail", "△")]
    [DataRow("1.2", "N/A", "N/A", "―")]
    [DataRow("2.1", "Fail", "Pass", "△")]
    [DataRow("2.2", "", "", null)]
    [DataRow("2.3", "N/A", "N/A", "―")]
    public void AMasvsLikeChecklist_ReadWithTheProfile_IsOneChecklistJudgedOnBothPlatforms(string id, string android, string ios, string? merged)
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("masvs-like", writer);
            Assert.AreEqual(SubmissionRole.Auditor, s.Role, writer);
            Assert.AreEqual("小林 誠", s.Auditor!.Person, writer);
            Assert.AreEqual("1.1,1.2,2.1,2.2,2.3", string.Join(",", s.Rows.Select(r => r.Id)), writer);
            var row = s.Rows.Single(r => r.Id == id);
            Assert.AreEqual(merged, row.ParsedJudgment.Class?.Symbol, writer);
            Assert.AreEqual(android, row.Scopes[0].Judgment!.Text, writer);
            Assert.AreEqual(ios, row.Scopes[1].Judgment!.Text, writer);
            RecognitionData.AssertAccounted("masvs-like", writer, s, items: 10, headings: 6, notes: 0, legend: 10, headers: 0, listed: 0);
            // △ needs 指摘内容: the profile makes 備考 the finding column, so no 指摘内容なし.
            Assert.IsFalse(s.Rows.SelectMany(r => r.AuditorNotes).Any(), writer);
        }
    }

    [TestMethod]
    public void WithoutTheProfile_TheHeadersItLacksAreNamed_AndStillNoHeadingOrLegendRowIsAnItem()
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("masvs-like", writer, profile: false);
            Assert.AreEqual(SubmissionRole.Master, s.Role, writer);
            StringAssert.Contains(s.RoleReasonJa, "判定・事前回答の列もない", writer);
            CollectionAssert.AreEqual(new[] { "C3「要件ID」", "D3「検証要件」", "E3「L1」", "F3「結果」" }, s.Sheets.Single(x => x.Name == "Android").Unrecognised.ToArray(), writer);
            Assert.AreEqual("表なし / no item table", s.Sheets.Single(x => x.Name == "Dashboard").Note, writer);
            RecognitionData.AssertAccounted("masvs-like", writer, s, items: 10, headings: 6, notes: 0, legend: 10, headers: 0, listed: 0);
        }
    }

    private static Submission Recognise(SheetSpec spec, RecognitionProfile profile) =>
        new Consolidation(new ConsolidationOptions { Recognition = new RecognitionOptions { Profile = profile } })
            .Ingest(SourceFile.FromBytes("a.xlsx", Books.Xlsx(spec), RecognitionData.At));

    [TestMethod]
    // header   built-in kind   with the profile
    [DataRow("項目", "監査項目", "分類")]
    [DataRow("確認内容", null, "監査項目")]
    [DataRow("チェック", null, "判定")]
    public void AProfileName_AddsOrOverridesAColumnKind(string header, string? builtIn, string withProfile)
    {
        var spec = new SheetSpec().Meta("対象業務", "X").Meta("年度", "R6");
        spec.Headers = ["No.", header, "判定"];
        spec.Row("1-1", "値", "〇");
        var profile = new RecognitionProfile
        {
            Columns = new Dictionary<ColumnKind, IReadOnlyList<string>>
            {
                [ColumnKind.Category] = ["項目"],
                [ColumnKind.ItemText] = ["確認内容"],
                [ColumnKind.Judgment] = ["チェック"],
            },
        };

        var without = Recognise(spec, RecognitionProfile.Empty).Sheets[0];
        var with = Recognise(spec, profile).Sheets[0];

        Assert.AreEqual(builtIn, without.Columns.Count == 3 ? without.Columns[1] : null);
        Assert.AreEqual(withProfile, with.Columns[1]);
    }

    [TestMethod]
    // answer        read with the profile's AnswerSpellings
    [DataRow("Compliant", VendorAnswer.Implemented)]
    [DataRow("Not compliant", VendorAnswer.NotImplemented)]
    [DataRow("compliant", VendorAnswer.Implemented)]
    [DataRow("はい", VendorAnswer.Implemented)]
    [DataRow("Maybe", VendorAnswer.Invalid)]
    public void AnswerSpellings_AreReadAsTheAnswerTheyName(string answer, VendorAnswer expected)
    {
        var spec = new SheetSpec().Meta("区分", "事業者").Meta("事業者名", "株式会社テスト").Meta("対象業務", "X").Meta("年度", "R6");
        spec.Headers = ["No.", "監査項目", "事前回答"];
        spec.Row("1-1", "項目", answer);
        var profile = new RecognitionProfile { AnswerSpellings = new Dictionary<string, string> { ["Compliant"] = "実施", ["Not compliant"] = "未実施" } };

        Assert.AreEqual(expected, Recognise(spec, profile).Rows.Single().ParsedAnswer);
    }

    [TestMethod]
    // key on a cover sheet   field     cover sheet name
    [DataRow("テスト実施者名", "Auditor", "Dashboard")]
    [DataRow("顧客企業名", "Target", "Summary")]
    [DataRow("開始日", "AuditDate", "Cover")]
    public void MetadataKeys_AndCoverSheets_FromTheProfile_AreRead(string key, string field, string cover)
    {
        var sheet = new SheetSpec { Name = cover }.Meta(key, field == "AuditDate" ? "令和6年10月1日" : "値です");
        var table = new SheetSpec { Name = "表" }.Meta("区分", "監査人").Meta("年度", "R6");
        if (field != "Target") table.Meta("対象業務", "X");
        table.Headers = ["No.", "監査項目", "判定"];
        table.Row("1-1", "項目", "〇");
        var profile = new RecognitionProfile
        {
            Metadata = new Dictionary<string, IReadOnlyList<string>> { [field] = [key] },
            CoverSheets = [cover],
        };

        var s = new Consolidation(new ConsolidationOptions { Recognition = new RecognitionOptions { Profile = profile } })
            .Ingest(SourceFile.FromBytes("a.xlsx", Books.Xlsx(sheet, table), RecognitionData.At));
        var without = new Consolidation().Ingest(SourceFile.FromBytes("a.xlsx", Books.Xlsx(sheet, table), RecognitionData.At));

        var read = field switch { "Auditor" => s.Metadata.Auditor, "Target" => s.Metadata.Target, _ => s.Metadata.AuditDate };
        var unread = field switch { "Auditor" => without.Metadata.Auditor, "Target" => without.Metadata.Target, _ => without.Metadata.AuditDate };
        Assert.AreEqual(cover, read?.Cell.Sheet);
        Assert.AreNotEqual(cover, unread?.Cell.Sheet);
    }
}
