using System.Globalization;
using System.Text;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Ledger;

namespace Consolidator.Inbox;

/// <summary>
/// The <c>&lt;name&gt;.error.txt</c> written beside a refused file in rejected/: why, and what to
/// do, in Japanese then English. It names the file, its hash and the reason (sheet names, cell
/// addresses, counts), never cell contents. UTF-8 with BOM and CRLF so Notepad shows it right.
/// </summary>
public static class ErrorNote
{
    public const string Suffix = ".error.txt";

    public static string PathFor(string storedFile) => storedFile + Suffix;

    public static string Text(LedgerFile file, TimeZoneInfo zone)
    {
        var r = file.Rejection ?? new Rejection("unknown", "理由は記録されていません。", "No reason was recorded.", "", "");
        var received = TimeZoneInfo.ConvertTime(file.ReceivedAt, zone).ToString("yyyy-MM-dd HH:mm:ss (UTCzzz)", CultureInfo.InvariantCulture);
        var name = Core.Reading.Rejections.Name(file.StoredPath, 240);
        var sb = new StringBuilder();
        sb.Append("このファイルは取り込めませんでした。\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"ファイル: {name}\r\n");
        if (file.InboxPath != file.StoredPath) sb.Append(CultureInfo.InvariantCulture, $"受付時の名前: {Core.Reading.Rejections.Name(file.InboxPath, 240)}\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"受領日時: {received}\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"SHA-256: {file.Sha256}\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"理由: {r.MessageJa}\r\n");
        if (r.FixJa.Length > 0) sb.Append(CultureInfo.InvariantCulture, $"対処: {r.FixJa}\r\n");
        sb.Append("直したファイルを受付フォルダに置き直すと、改めて取り込まれます。\r\n");
        sb.Append("\r\n");
        sb.Append("This file could not be taken in.\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"File: {name}\r\n");
        if (file.InboxPath != file.StoredPath) sb.Append(CultureInfo.InvariantCulture, $"Name in the inbox: {Core.Reading.Rejections.Name(file.InboxPath, 240)}\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"Received: {received}\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"SHA-256: {file.Sha256}\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"Reason: {r.MessageEn}\r\n");
        if (r.FixEn.Length > 0) sb.Append(CultureInfo.InvariantCulture, $"What to do: {r.FixEn}\r\n");
        sb.Append("Put the corrected file into the inbox again and it is taken in anew.\r\n");
        return sb.ToString();
    }

    /// <summary>Writes the note beside the stored file, whole or not at all; <paramref name="flushFolder"/> false when the caller flushes the folder.</summary>
    public static void Write(string storedFile, LedgerFile file, TimeZoneInfo zone, bool flushFolder = true)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble()
            .Concat(Encoding.UTF8.GetBytes(Text(file, zone))).ToArray();
        AtomicFile.Write(PathFor(storedFile), s => s.Write(bytes), flushFolder);
    }
}
