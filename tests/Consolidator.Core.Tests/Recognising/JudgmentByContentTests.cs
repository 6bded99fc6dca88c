using Consolidator.Core.Model;
using Consolidator.Core.Tests.Support;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Recognising;

/// <summary>
/// A table whose header names no judgment column (確認結果, which most offices use for findings, a
/// blank or unknown header): the column whose cells are judgments of the scale is the judgment
/// column, and a second finding header of the row names the findings; findings stay findings.
/// </summary>
[TestClass]
public sealed class JudgmentByContentTests
{
    [TestMethod]
    // header of column C  its cells, top to bottom   column D (所見: texts; 人事課: C's cells upside down)  judgment  findings  role
    [DataRow("確認結果", "〇|△|－|○", "所見", "C", "D", SubmissionRole.Auditor)]
    [DataRow("", "○|×|適合|", "", "C", null, SubmissionRole.Auditor)]
    [DataRow("チェック", "〇|〇|〇|△", "備考", "C", null, SubmissionRole.Auditor)]
    [DataRow("確認結果", "記録あり|規程なし|問題なし|", "", null, "C", SubmissionRole.Master)]
    [DataRow("確認結果", "〇|記録を確認した|未整備|規程なし", "", null, "C", SubmissionRole.Master)]
    [DataRow("確認結果", "〇|△||", "", null, "C", SubmissionRole.Master)]
    [DataRow("対象", "○|○||○", "", null, null, SubmissionRole.Master)]
    [DataRow("総務課", "○|△|○|×", "人事課", null, null, SubmissionRole.Master)]
    public void AColumnOfJudgments_IsTheJudgmentColumn_WhateverItsHeader(string header, string cells, string next, string? judgment, string? findings, SubmissionRole role)
    {
        var c = cells.Split('|');
        var spec = new SheetSpec().Meta("対象業務", "住民記録システム").Meta("年度", "R6");
        spec.Headers = ["No", "確認項目", header, next];
        for (var i = 0; i < c.Length; i++) spec.Row($"A-{i + 1}", $"項目{i}", c[i].Length == 0 ? null : c[i], next switch { "" => null, "人事課" => c[^(i + 1)], _ => $"所見{i}" });

        var s = new Consolidation().Ingest(SourceFile.FromBytes("a.xlsx", Books.Xlsx(spec), RecognitionData.At));

        Assert.IsNull(s.Rejection, s.Rejection?.Code);
        Assert.AreEqual(role, s.Role);
        Assert.AreEqual(judgment, s.Rows.Select(r => r.Judgment?.Cell.Column).FirstOrDefault(x => x is not null) is { } j ? CellRef.ColumnName(j) : null);
        var finding = s.Rows.Select(r => r.Finding?.Cell.Column).FirstOrDefault(x => x is not null);
        Assert.AreEqual(findings, finding is { } f ? CellRef.ColumnName(f) : null);
        Assert.AreEqual(c.Length, s.Counts!.Items);
    }
}
