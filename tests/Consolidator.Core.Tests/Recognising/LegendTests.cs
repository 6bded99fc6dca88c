using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Tests.Support;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// A legend of the scale beside, above or below the table, and a dropdown on the judgment column,
/// are the file's own vocabulary, mapped onto the configured scale by their meanings: x meaning
/// 不適合 reads as △ though the default reads x as ×; O meaning 適用 (no class of the scale) is
/// 不正な判定, never read as 〇; a legend that only describes (Pass | 要件を満たす。) changes nothing;
/// ? and 未確認 are 未判定. The legend's rows are no items and no problems.
/// </summary>
[TestClass]
public sealed class LegendTests
{
    [TestMethod]
    // book               id       read as (null: not a judgment)  state
    [DataRow("legend-letters", "1", "〇", JudgmentState.Valid)]
    [DataRow("legend-letters", "2", "△", JudgmentState.Valid)]
    [DataRow("legend-letters", "3", "―", JudgmentState.Valid)]
    [DataRow("legend-letters", "4", null, JudgmentState.Empty)]
    [DataRow("legend-letters", "5", "△", JudgmentState.Valid)]
    [DataRow("legend-redefines", "A.5.1", null, JudgmentState.Invalid)]
    [DataRow("legend-redefines", "A.5.2", null, JudgmentState.Invalid)]
    [DataRow("legend-redefines", "A.5.3", "〇", JudgmentState.Valid)]
    [DataRow("legend-beside", "R-1", "〇", JudgmentState.Valid)]
    [DataRow("legend-beside", "R-2", "△", JudgmentState.Valid)]
    [DataRow("legend-beside", "R-3", "―", JudgmentState.Valid)]
    [DataRow("legend-beside", "R-4", null, JudgmentState.Empty)]
    [DataRow("headings", "5-2", "×", JudgmentState.Valid)]
    public void Judgments_FollowTheFilesLegend(string book, string id, string? symbol, JudgmentState state)
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read(book, writer);
            var row = s.Rows.Single(r => r.Id == id);
            Assert.AreEqual(symbol, row.ParsedJudgment.Class?.Symbol, $"{book} {id} ({writer})");
            Assert.AreEqual(state, row.ParsedJudgment.State, $"{book} {id} ({writer})");
        }
    }

    [TestMethod]
    public void ASpellingTheLegendGivesAMeaningTheScaleLacks_IsInvalid_NamingTheLegend()
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var s = RecognitionData.Read("legend-redefines", writer);
            var note = s.Rows.Single(r => r.Id == "A.5.1").AuditorNotes.Single();
            Assert.AreEqual(ReviewKind.InvalidJudgment, note.Kind, writer);
            StringAssert.Contains(note.MessageJa, "「適用」", writer);
            Assert.AreEqual("A11", note.Cells[1].Address, writer);
            RecognitionData.AssertAccounted("legend-redefines", writer, s, items: 3, headings: 0, notes: 0, legend: 3, headers: 0, listed: 0);
        }
    }

    [TestMethod]
    // book               spelling  read as  source (part of)
    [DataRow("legend-letters", "x", "△", "凡例 legend")]
    [DataRow("legend-letters", "o", "〇", "判定の区分 scale")]
    [DataRow("legend-letters", "?", null, "未判定の表記 pending")]
    [DataRow("legend-redefines", "O", null, "判定の区分にない意味")]
    [DataRow("legend-beside", "Pass", "〇", "設定 profile")]
    [DataRow("legend-beside", "Fail", "△", "設定 profile")]
    public void TheMappingUsed_IsReported(string book, string spelling, string? symbol, string source)
    {
        foreach (var writer in RecognitionData.Writers)
        {
            var m = RecognitionData.Read(book, writer).ScaleMappings.First(x => x.Spelling == spelling);
            Assert.AreEqual(symbol, m.Symbol, $"{book} {spelling} ({writer})");
            StringAssert.Contains(m.Source, source, $"{book} {spelling} ({writer})");
        }
    }

    [TestMethod]
    public void ADropdownOnTheJudgmentColumn_IsPartOfTheVocabulary()
    {
        foreach (var writer in RecognitionData.XlsxWriters)
        {
            var s = RecognitionData.Read("legend-beside", writer);
            foreach (var value in new[] { "Pass", "Fail", "N/A" })
                StringAssert.Contains(s.ScaleMappings.Single(m => m.Spelling == value).Source, "入力規則 dropdown", $"{value} ({writer})");
        }
        var masvs = RecognitionData.Read("masvs-like", "openpyxl");
        Assert.IsTrue(masvs.ScaleMappings.Any(m => m.Source.Contains("入力規則 dropdown")));
    }

    [TestMethod]
    public void Dropdowns_AreReadOnlyWhenAskedFor_AndChangeNoJudgment()
    {
        var options = RecognitionData.Options();
        var unasked = new Consolidation(options with { Recognition = options.Recognition with { ReadDropdowns = false } })
            .Ingest(RecognitionData.File("legend-beside", "openpyxl"));
        var asked = RecognitionData.Read("legend-beside", "openpyxl");

        Assert.IsFalse(unasked.ScaleMappings.Any(m => m.Source.Contains("入力規則")));
        CollectionAssert.AreEqual(asked.Rows.Select(r => r.ParsedJudgment.Class?.Symbol).ToArray(), unasked.Rows.Select(r => r.ParsedJudgment.Class?.Symbol).ToArray());
    }

    [TestMethod]
    public void WithoutTheProfile_TheUnknownHeadersAreNamed_AndNothingIsGuessed()
    {
        var s = RecognitionData.Read("legend-beside", "builder", profile: false);

        // 結果 is no known header without the profile: the checklist has no judgment column, and says so.
        Assert.AreEqual(SubmissionRole.Auditor, s.Role);
        Assert.IsTrue(s.Rows.All(r => r.Judgment is null));
        CollectionAssert.Contains(s.Sheets[0].Unrecognised.ToList(), "C5「結果」");
        CollectionAssert.Contains(s.Sheets[0].Unrecognised.ToList(), "B5「要件」");
    }
}
