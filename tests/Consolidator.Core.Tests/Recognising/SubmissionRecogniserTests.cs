using Consolidator.Core.Model;
using Consolidator.Core.Recognising;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Recognising;

[TestClass]
public sealed class SubmissionRecogniserTests
{
    private static Submission Recognise(byte[] bytes, string path = "file.xlsx", RecognitionOptions? options = null) =>
        new Consolidation(new ConsolidationOptions { Recognition = options ?? RecognitionOptions.Default })
            .Ingest(SourceFile.FromBytes(path, bytes, DateTimeOffset.UnixEpoch), new MemoryStream(bytes));

    private static SheetSpec Table(params (string Key, object Value)[] meta)
    {
        var s = new SheetSpec();
        foreach (var (k, v) in meta) s.Meta(k, v);
        s.Headers = ["項番", "チェック項目", "評価", "所見"];
        s.Row("1-1", "項目", "〇", null).Row("1-2", "項目", "△", "記録がない。");
        return s;
    }

    [TestMethod]
    //       対象業務 as written     folder                        target (null: refused)
    [DataRow(".",                   "",                           null)]
    [DataRow("...",                 "",                           null)]
    [DataRow("．．",                 "",                           null)]
    [DataRow("/",                   "",                           null)]
    [DataRow("／ ＼ ／",             "",                           null)]
    [DataRow("\u200B\u200B",        "",                           null)]
    [DataRow("\u202E.",             "",                           null)]
    [DataRow("・・・",               "",                           null)]
    [DataRow("?*",                  "",                           null)]
    [DataRow(".",                   "庶務事務システム_令和5年度/",    "庶務事務システム")]
    [DataRow(".",                   "._令和5年度/",                 null)]
    [DataRow("庶務事務システム.",      "",                           "庶務事務システム.")]
    [DataRow("〇〇システム",          "",                           "〇〇システム")]
    public void Target_MadeOnlyOfDotsSpacesSlashesOrInvisibleCharacters_IsNoTarget(string target, string folder, string? expected)
    {
        var r = Recognise(Books.Xlsx(Table(("対象業務", target), ("年度", "令和5年度"))), folder + "checklist.xlsx");

        if (expected is null)
        {
            Assert.AreEqual("no-audit-key", r.Rejection?.Code, r.Key?.ToString());
            StringAssert.Contains(r.Rejection!.MessageJa, "名前として読める対象業務");
            StringAssert.Contains(r.Rejection.MessageEn, "holds only dots, spaces, slashes or invisible characters");
            Assert.IsNull(r.Key);
        }
        else
        {
            Assert.IsNull(r.Rejection, r.Rejection?.MessageEn);
            Assert.AreEqual(expected, r.Key!.Target);
        }
    }

    [TestMethod]
    public void HeaderSynonyms_AreMatchedAfterNfkcWithoutSpacesAndBrackets()
    {
        var s = new SheetSpec().Meta("対象業務", "X").Meta("年度", "R5");
        s.Headers = ["Ｎｏ．", "監 査 項 目", "判定\n（〇/△/×）", "指摘事項", "改善案", "事前回答(実施/未実施)", "回答内容"];
        s.Row("1", "項目", "〇", null, null, "実施", "説明");

        var r = Recognise(Books.Xlsx(s));

        Assert.AreEqual(SubmissionRole.Auditor | SubmissionRole.Vendor, r.Role);
        Assert.AreEqual("〇", r.Rows[0].ParsedJudgment.Class!.Symbol);
        Assert.AreEqual("実施", r.Rows[0].Answer!.Text);
        CollectionAssert.AreEqual(new[] { "項目番号", "監査項目", "判定", "指摘内容", "改善提案", "事前回答", "回答内容" }, r.Sheets[0].Columns.ToArray());
    }

    [TestMethod]
    public void Role_ComesFrom区分_ElseFromTheColumns()
    {
        var auditor = Recognise(Books.Xlsx(Table(("対象業務", "X"), ("年度", "R5"))));
        Assert.AreEqual(SubmissionRole.Auditor, auditor.Role);

        var stated = Recognise(Books.Xlsx(Table(("区分", "監査項目一覧"), ("対象業務", "X"), ("年度", "R5"))));
        Assert.AreEqual(SubmissionRole.Master, stated.Role);

        var master = new SheetSpec().Meta("対象業務", "X").Meta("年度", "R5");
        master.Headers = ["No.", "監査項目", "根拠"];
        master.Row("1-1", "項目", "規程");
        Assert.AreEqual(SubmissionRole.Master, Recognise(Books.Xlsx(master)).Role);
    }

    [TestMethod]
    public void AuditKey_FromMetadata_ElseFolder_ElseSettings_ElseRejected()
    {
        var bare = Books.Xlsx(Table());

        var fromFolder = Recognise(bare, "庶務事務システム_令和5年度/監査室/a.xlsx");
        Assert.AreEqual(new AuditKey("庶務事務システム", 2023), fromFolder.Key);
        Assert.AreEqual("folder", fromFolder.KeyOrigin);

        var nested = Recognise(bare, "令和6年度/統合宛名システム/a.xlsx");
        Assert.AreEqual(new AuditKey("統合宛名システム", 2024), nested.Key);

        var fromSettings = Recognise(bare, "監査室/a.xlsx", new RecognitionOptions { DefaultTarget = "財務会計システム", DefaultFiscalYear = 2023 });
        Assert.AreEqual(new AuditKey("財務会計システム", 2023), fromSettings.Key);
        Assert.AreEqual("settings", fromSettings.KeyOrigin);

        var none = Recognise(bare, "監査室/a.xlsx");
        Assert.AreEqual("no-audit-key", none.Rejection!.Code);
        StringAssert.Contains(none.Rejection.MessageJa, "対象業務");
    }

    [TestMethod]
    public void Metadata_InlineKeyValue_AndCoverSheet_AreRead()
    {
        var s = new SheetSpec();
        s.Notes.Add("対象業務：庶務事務システム");
        s.Notes.Add("年度：令和5年度");
        s.Headers = ["No", "監査項目", "判定"];
        s.Row("1", "項目", "〇");

        var r = Recognise(Books.Xlsx(s));

        Assert.AreEqual(new AuditKey("庶務事務システム", 2023), r.Key);
    }

    [TestMethod]
    public void Rows_WithoutId_AreNotes_UnlessTheyHoldAJudgment()
    {
        var s = Table(("対象業務", "X"), ("年度", "R5"));
        s.Row(null, "【技術的セキュリティ】", null, null)   // a sub-heading: not an item
         .Row("※ 以下は参考", null, null, null)          // a note: not an item
         .Row(null, "番号のない項目", "〇", null);         // a judgment without id: listed

        var r = Recognise(Books.Xlsx(s));

        Assert.AreEqual(2, r.Rows.Count);
        Assert.AreEqual(1, r.RowsWithoutId);
        Assert.AreEqual(ReviewKind.MissingItemId, r.Notes.Single().Kind);
        Assert.AreEqual("C8", r.Notes.Single().Cells[0].Address);
    }

    [TestMethod]
    public void DuplicateIds_InOneFile_AreFlagged_IncludingTheDecimalCollision()
    {
        var s = Table(("対象業務", "X"), ("年度", "R5"));
        s.Rows.Clear();
        s.Row(new Num(1.1), "項目", "〇", null).Row(new Num(1.1), "1.10 のつもり", "〇", null);

        var r = Recognise(Books.Xlsx(s));

        var note = r.Notes.Single();
        Assert.AreEqual(ReviewKind.DuplicateItemId, note.Kind);
        StringAssert.Contains(note.MessageEn, "1.10");
        Assert.IsTrue(r.Rows[1].IsDuplicate);
    }

    [TestMethod]
    public void NoTable_IsRejected_NamingTheSheets()
    {
        var cover = new SheetSpec { Name = "送付状" }.Meta("対象業務", "X").Meta("年度", "R5");

        var r = Recognise(Books.Xlsx(cover));

        Assert.AreEqual("no-table", r.Rejection!.Code);
        StringAssert.Contains(r.Rejection.MessageJa, "送付状");
        Assert.AreEqual(new AuditKey("X", 2023), r.Key);
    }

    [TestMethod]
    public void LegendAboveTheHeader_IsNotMistakenForTheHeader_NorItsRowsForItems()
    {
        var s = Table(("対象業務", "X"), ("年度", "R5"));
        s.Above.Add(["記号", "判定", "説明"]);
        s.Above.Add(["〇", "適合", "規程どおり"]);
        s.Above.Add(["×", "重大な不適合", "リスク大"]);

        var r = Recognise(Books.Xlsx(s));

        CollectionAssert.AreEqual(new[] { "1-1", "1-2" }, r.Rows.Select(x => x.Id).ToArray());
        Assert.AreEqual(s.HeaderRow, r.Sheets[0].HeaderRow);
    }
}

[TestClass]
public sealed class SeveralSheetsTests
{
    [TestMethod]
    public void ItemsOnSeveralSheets_AreAllRead_WithTheirSheetInTheCellAddress()
    {
        var first = new SheetSpec { Name = "組織・物理" }.Meta("区分", "監査人").Meta("対象業務", "X").Meta("年度", "R5").Meta("監査人", "田中 誠");
        first.Headers = ["No.", "監査項目", "判定"];
        first.Row("1-1", "項目", "〇").Row("1-2", "項目", "―");
        var second = new SheetSpec { Name = "技術" };
        second.Headers = ["No.", "監査項目", "判定"];
        second.Row("5-1", "項目", "△");

        var s = new Consolidation().Ingest(SourceFile.FromBytes("a.xlsx", Books.Xlsx(first, second), DateTimeOffset.UnixEpoch), new MemoryStream(Books.Xlsx(first, second)));

        CollectionAssert.AreEqual(new[] { "1-1", "1-2", "5-1" }, s.Rows.Select(r => r.Id).ToArray());
        Assert.AreEqual("a.xlsx!技術!C2", s.Rows[2].Judgment!.Cell.ToString());
        Assert.AreEqual(2, s.Sheets.Count(x => x.HeaderRow is not null));
    }
}
