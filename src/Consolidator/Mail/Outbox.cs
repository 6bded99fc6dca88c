using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Consolidator.Core.Durability;
using Consolidator.Core.Writing;
using Consolidator.Inbox;
using MimeKit;

namespace Consolidator.Mail;

/// <summary>A mail waiting in the outbox: its .eml, when it was queued, and its failed attempts.</summary>
public sealed record OutboxEntry(string Path, string Id, string TopicHash, DateTimeOffset QueuedAt, int Attempts, MailFailure? LastFailure)
{
    /// <summary>The subject, read from the .eml for <c>status</c>; null elsewhere.</summary>
    public string? Subject { get; init; }
}

internal enum EnqueueState
{
    Queued,
    AlreadyQueued,
    AlreadySent,
}

internal sealed record EnqueueResult(EnqueueState State, OutboxEntry? Entry, IReadOnlyList<OutboxEntry> Superseded);

/// <summary>
/// The outbox in the state folder: every mail is written here as an .eml (whole or not at all)
/// before it is sent (flushed, and the folder flushed, before it counts as queued), and removed
/// only after the server has accepted it and sent.log is flushed, so a mail is never lost to a
/// crash, a power cut or an unreachable server. Beside each .eml a .json notes its failed attempts;
/// sent.log remembers what was delivered, so the same mail is never queued again.
/// One process works on the outbox at a time (<see cref="LockAsync"/>): two flushes of the same
/// folder — <c>watch</c> and a <c>run --mail</c> by hand — never send one mail twice.
/// </summary>
internal sealed class Outbox
{
    public const string FolderName = "outbox";
    private const string JournalName = "sent.log";
    private const string LockName = ".lock";
    private const int JournalKeep = 500;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    private readonly TimeProvider _time;

    public Outbox(string stateFolder, TimeProvider time)
    {
        Folder = FolderOf(stateFolder);
        _time = time;
    }

    public string Folder { get; }

    public static string FolderOf(string stateFolder) => Path.Combine(Path.GetFullPath(stateFolder), FolderName);

    /// <summary>8 hex digits naming a topic in file names (the topic itself may hold a target's name).</summary>
    public static string TopicHash(string topic) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(topic)))[..8];

    /// <summary>Exclusive use of the outbox, across processes; null when another holds it for longer than <paramref name="wait"/>.</summary>
    public async Task<IDisposable?> LockAsync(TimeSpan wait, CancellationToken cancel)
    {
        Directory.CreateDirectory(Folder);
        var until = _time.GetUtcNow() + wait;
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(Folder, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (_time.GetUtcNow() < until)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancel);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Writes the mail into the outbox unless it was already queued or sent. With
    /// <paramref name="supersede"/> (only under the lock) waiting mails on the same topic are removed.
    /// </summary>
    public EnqueueResult Enqueue(OutgoingMail mail, bool supersede)
    {
        if (WasSent(mail.Id)) return new(EnqueueState.AlreadySent, null, []);
        var pending = Pending();
        if (pending.FirstOrDefault(p => p.Id == mail.Id) is { } queued) return new(EnqueueState.AlreadyQueued, queued, []);
        var topic = TopicHash(mail.Topic);
        var superseded = supersede ? pending.Where(p => p.TopicHash == topic).ToList() : [];
        var now = _time.GetUtcNow();
        var path = Path.Combine(Folder, $"{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}_{topic}_{mail.Id}.eml");
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        AtomicFile.Write(path, stream => mail.Message.WriteTo(format, stream));
        foreach (var old in superseded) Remove(old);
        return new(EnqueueState.Queued, new OutboxEntry(path, mail.Id, topic, now, 0, null), superseded);
    }

    /// <summary>The waiting mails, oldest first.</summary>
    public IReadOnlyList<OutboxEntry> Pending()
    {
        if (!Directory.Exists(Folder)) return [];
        return Directory.EnumerateFiles(Folder, "*.eml")
            .Where(p => !Path.GetFileName(p).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(Entry)
            .ToList();
    }

    /// <summary>
    /// The server accepted the mail: note it in sent.log and flush that to disk (with the folder when
    /// the log is new), then remove the mail. A removal lost to a power cut is found in sent.log at the
    /// next flush and the mail discarded, never sent again.
    /// </summary>
    public void Delivered(OutboxEntry entry)
    {
        var journal = Path.Combine(Folder, JournalName);
        var created = !File.Exists(journal);
        using (var log = new FileStream(journal, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            log.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{_time.GetUtcNow():O}\t{entry.Id}\t{Path.GetFileName(entry.Path)}\n")));
            log.Flush(flushToDisk: true);
        }
        if (created) DurableDirectory.Flush(Folder);
        Remove(entry);
        var lines = File.ReadAllLines(journal);
        if (lines.Length > JournalKeep * 2)
            AtomicFile.Write(journal, s => s.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines[^JournalKeep..]) + "\n")));
    }

    /// <summary>Notes a failed attempt beside the .eml, which stays for the next run.</summary>
    public static OutboxEntry Failed(OutboxEntry entry, MailFailure failure)
    {
        var updated = entry with { Attempts = entry.Attempts + 1, LastFailure = failure };
        var record = JsonSerializer.SerializeToUtf8Bytes(new AttemptRecord(updated.Attempts, failure), Json);
        AtomicFile.Write(entry.Path + ".json", s => s.Write(record));
        return updated;
    }

    public bool WasSent(string id)
    {
        var journal = Path.Combine(Folder, JournalName);
        return File.Exists(journal) && File.ReadLines(journal).Any(l => l.Split('\t') is [_, var sent, ..] && sent == id);
    }

    /// <summary>What <c>status</c> shows; reads only, takes no lock.</summary>
    public static OutboxStatus ReadStatus(string stateFolder)
    {
        var outbox = new Outbox(stateFolder, TimeProvider.System);
        var pending = outbox.Pending().Select(e => e with { Subject = SubjectOf(e.Path) }).ToList();
        DateTimeOffset? lastSent = null;
        var journal = Path.Combine(outbox.Folder, JournalName);
        if (File.Exists(journal) && File.ReadLines(journal).LastOrDefault(l => l.Length > 0) is { } last
            && DateTimeOffset.TryParse(last.Split('\t')[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
            lastSent = at;
        return new OutboxStatus(outbox.Folder, pending, lastSent);
    }

    /// <summary>
    /// Removes the outbox's own temporary files older than an hour: a mail being written when the
    /// process stopped or the power failed, never renamed into the outbox, so never counted as queued
    /// (the run that wrote it queues it again). A process queueing without the lock meanwhile writes a
    /// younger one, which stays.
    /// </summary>
    public int SweepTemporary()
    {
        if (!Directory.Exists(Folder)) return 0;
        var before = _time.GetUtcNow() - TimeSpan.FromHours(1);
        var swept = 0;
        foreach (var temp in Directory.EnumerateFiles(Folder, ".*.tmp"))
        {
            if (!TempFiles.IsOurs(Path.GetFileName(temp)) || File.GetLastWriteTimeUtc(temp) > before.UtcDateTime) continue;
            try
            {
                File.Delete(temp);
                swept++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Swept at a later flush.
            }
        }
        return swept;
    }

    /// <summary>Removes a mail found in sent.log: the server accepted it, only the removal had failed.</summary>
    public static void Discard(OutboxEntry entry) => Remove(entry);

    private static void Remove(OutboxEntry entry)
    {
        File.Delete(entry.Path + ".json");
        File.Delete(entry.Path);
    }

    private static OutboxEntry Entry(string path)
    {
        var parts = Path.GetFileNameWithoutExtension(path).Split('_');
        var queued = parts.Length == 3 && DateTimeOffset.TryParseExact(parts[0], "yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        var record = ReadRecord(path + ".json");
        return new OutboxEntry(path, parts.Length == 3 ? parts[2] : Path.GetFileNameWithoutExtension(path), parts.Length == 3 ? parts[1] : "",
            queued, record?.Attempts ?? 0, record?.LastFailure);
    }

    private static AttemptRecord? ReadRecord(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<AttemptRecord>(File.ReadAllBytes(path), Json) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // The record only informs status; the .eml alone is enough to send.
            return null;
        }
    }

    private static string? SubjectOf(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return HeaderList.Load(stream)[HeaderId.Subject];
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return null;
        }
    }

    private sealed record AttemptRecord(int Attempts, MailFailure? LastFailure);
}
