using Consolidator.Core;
using Consolidator.Core.Reading;
using Consolidator.Inbox;
using Consolidator.Ledger;

namespace Consolidator.Tests.Inbox;

[TestClass]
public sealed class ErrorNoteTests
{
    [TestMethod]
    public void Text_SaysWhyInJapanese_ThenInEnglish_WithWhatToDo()
    {
        var file = new LedgerFile
        {
            InboxPath = "送付状.xlsx",
            StoredPath = "送付状.xlsx",
            Sha256 = "5617dd052f0ca9b0b399866b1b8502d74cc7e4cc77685fea4b42b9fbfeb78cde",
            Size = 5864,
            ModifiedAt = new DateTimeOffset(2023, 11, 6, 5, 20, 0, TimeSpan.Zero),
            ReceivedAt = new DateTimeOffset(2024, 1, 9, 6, 0, 0, TimeSpan.Zero),
            Outcome = FileOutcome.Rejected,
            Rejection = Rejections.NoTable("送付状"),
        };

        var text = ErrorNote.Text(file, ConsolidationOptions.Tokyo);

        Assert.AreEqual("""
            このファイルは取り込めませんでした。
            ファイル: 送付状.xlsx
            受領日時: 2024-01-09 15:00:00 (UTC+09:00)
            SHA-256: 5617dd052f0ca9b0b399866b1b8502d74cc7e4cc77685fea4b42b9fbfeb78cde
            理由: 監査項目の表が見つかりません（見出し行に「No.」等の項目番号の列と「監査項目」「判定」「事前回答」等の列が必要です。調べたシート: 送付状）。
            対処: テンプレートの見出し行を消さずに記入してください。
            直したファイルを受付フォルダに置き直すと、改めて取り込まれます。

            This file could not be taken in.
            File: 送付状.xlsx
            Received: 2024-01-09 15:00:00 (UTC+09:00)
            SHA-256: 5617dd052f0ca9b0b399866b1b8502d74cc7e4cc77685fea4b42b9fbfeb78cde
            Reason: No table of audit items was found (a header row needs an item-id column such as 'No.' and another known column such as 監査項目, 判定 or 事前回答; sheets searched: 送付状).
            What to do: Keep the template's header row when filling it in.
            Put the corrected file into the inbox again and it is taken in anew.

            """.ReplaceLineEndings("\r\n"), text);
    }
}
