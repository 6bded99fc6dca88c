using System.Globalization;

namespace Consolidator.Mail;

/// <summary>
/// What the <c>status</c> command shows of the outbox: the mails still waiting, the last failure
/// and the last delivery. Read without a lock, so it can be shown while <c>watch</c> is sending.
/// </summary>
public sealed record OutboxStatus(string Folder, IReadOnlyList<OutboxEntry> Pending, DateTimeOffset? LastSentAt)
{
    public int PendingCount => Pending.Count;

    /// <summary>The most recent failure among the waiting mails; null when none has failed.</summary>
    public MailFailure? LastFailure => Pending.Select(p => p.LastFailure).OfType<MailFailure>().MaxBy(f => f.At);

    /// <summary>Reads the outbox under <paramref name="stateFolder"/> (the folder of <c>--state</c>).</summary>
    public static OutboxStatus Read(string stateFolder) => Outbox.ReadStatus(stateFolder);

    /// <summary>Lines for the console, Japanese first, times in <paramref name="zone"/>.</summary>
    public IReadOnlyList<string> Lines(TimeZoneInfo zone)
    {
        string Time(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            PendingCount == 0
                ? $"メール送信待ち / Mail outbox: なし / none ({Folder})"
                : $"メール送信待ち / Mail outbox: {PendingCount} 通 / {PendingCount} waiting ({Folder})",
        };
        foreach (var p in Pending)
        {
            var line = $"  {Time(p.QueuedAt)}  {Core.Writing.Printable.Name(p.Subject ?? Path.GetFileName(p.Path), 300)}";
            if (p.Attempts > 0) line += $"  試行 {p.Attempts} 回 / {p.Attempts} attempts";
            lines.Add(line);
        }
        if (LastFailure is { } f)
            lines.Add($"最後の失敗 / Last failure: {Time(f.At)}  {f}");
        lines.Add(LastSentAt is { } sent
            ? $"最後の送信 / Last sent: {Time(sent)}"
            : "最後の送信 / Last sent: なし / never");
        return lines;
    }
}
