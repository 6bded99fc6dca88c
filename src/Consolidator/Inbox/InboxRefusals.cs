using System.Globalization;
using Consolidator.Core.Model;

namespace Consolidator.Inbox;

/// <summary>
/// Entries of the inbox that are refused where they are: links (followed, they would read or
/// change what lies outside the share), files with several links, what is not a regular file,
/// and what the scan cannot read (a path too long, a folder without rights, a name that does not
/// decode). Each is listed in 取込履歴 as 拒否 with the reason and left in place; nothing is read
/// through it, copied or changed. Messages in Japanese then English, with what to do.
/// </summary>
public static class InboxRefusals
{
    /// <summary>How an entry refused in place is named in 取込履歴 beside the stored files: <c>受付:&lt;path in the inbox&gt;</c>. No stored path holds ':'.</summary>
    public const string InboxPrefix = "受付:";

    private const string CopyJa = "リンクではなく、ファイルそのもの（コピー）を受付フォルダに置いてください。";
    private const string CopyEn = "Put the file itself (a copy), not a link to it, into the inbox.";

    public static Rejection SymbolicLink() => new("link",
        "シンボリックリンク（又はジャンクション）のため取り込みません。リンク先は読まず、受付フォルダに残しています。",
        "This is a symbolic link (or junction) and is not taken; what it points to is not read, and it is left in the inbox.",
        CopyJa, CopyEn);

    public static Rejection HardLink(uint links) => new("hard-link",
        string.Create(CultureInfo.InvariantCulture, $"ほかの場所と中身を共有するファイル（ハードリンク、リンク数 {links}）のため取り込みません。読まずに受付フォルダに残しています。"),
        string.Create(CultureInfo.InvariantCulture, $"This file shares its contents with another name (a hard link, {links} links) and is not taken; it is not read, and it is left in the inbox."),
        CopyJa, CopyEn);

    public static Rejection NotARegularFile() => new("not-a-file",
        "通常のファイルではありません（名前付きパイプ、ソケット、デバイスなど）。読まずに受付フォルダに残しています。",
        "This is not a regular file (a named pipe, socket or device); it is not read, and it is left in the inbox.",
        "Excel 又は CSV のファイルを置いてください。", "Put an Excel or CSV file into the inbox.");

    public static Rejection OutsideInbox() => new("outside-inbox",
        "受付フォルダの外にあるファイルを指しています（途中のフォルダがリンクです）。読まずに受付フォルダに残しています。",
        "This name leads outside the inbox (a folder on its way is a link); it is not read, and it is left in the inbox.",
        CopyJa, CopyEn);

    public static Rejection PathTooLong(int length) => new("path-too-long",
        string.Create(CultureInfo.InvariantCulture, $"パスが長すぎるため読めません（{length} 文字）。受付フォルダに残しています。ほかのファイルは取り込んでいます。"),
        string.Create(CultureInfo.InvariantCulture, $"The path is too long to be read ({length} characters); it is left in the inbox. The other files are taken."),
        "フォルダの階層を浅くするか、名前を短くして置き直してください。",
        "Move it to a shallower folder or shorten the names, then put it in again.");

    public static Rejection FolderUnreadable() => new("folder-unreadable",
        "フォルダの中を読み取れません（権限がありません）。中のファイルは受付フォルダに残しています。ほかのファイルは取り込んでいます。",
        "The folder cannot be listed (no permission); what it holds is left in the inbox. The other files are taken.",
        "フォルダの読み取り権限を Consolidator のサービスアカウントに与えるか、ファイルを別のフォルダに置き直してください。",
        "Give Consolidator's service account the right to read the folder, or put the files in another folder.");

    public static Rejection NameUnreadable() => new("name-unreadable",
        "ファイル名の文字を読み取れません（UTF-8 ではない名前）。受付フォルダに残しています。",
        "The file's name cannot be decoded (it is not UTF-8); it is left in the inbox.",
        "ファイル名を付け直して（英数字か日本語で）置き直してください。",
        "Rename the file (letters, digits or Japanese) and put it in again.");

    /// <summary>The refused entry as a submission, for 取込履歴. Its hash names the entry: it was never read.</summary>
    public static Submission AsSubmission(string shownPath, Rejection why, DateTimeOffset modifiedAt) => new()
    {
        Source = SourceLoader.Unread(shownPath, modifiedAt, () => throw new InvalidOperationException("An entry refused in place is never read.")),
        Format = "",
        Rejection = why,
    };
}

/// <summary>One entry of the inbox refused where it is, with its path relative to the inbox.</summary>
public sealed record InboxRefusal(string RelativePath, Rejection Rejection, DateTimeOffset ModifiedAt)
{
    /// <summary>How it is shown beside stored files (the moving pipeline): <c>受付:&lt;path&gt;</c>.</summary>
    public string ShownPath => InboxRefusals.InboxPrefix + RelativePath;
}

/// <summary>Opening an inbox entry showed that it must be refused where it is.</summary>
public sealed class InboxRefusedException(Rejection rejection) : IOException(rejection.MessageEn)
{
    public Rejection Rejection { get; } = rejection;
}

/// <summary>The entry is another file than the one looked at a moment before (replaced meanwhile).</summary>
public sealed class InboxEntryChangedException() : IOException("The file was replaced while it was opened.");
