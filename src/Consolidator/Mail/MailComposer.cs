using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Consolidator.Core.Model;
using Consolidator.Core.Normalising;
using Consolidator.Core.Writing;
using Consolidator.Options;
using MimeKit;

namespace Consolidator.Mail;

/// <summary>
/// Turns what a run wrote into mails: one per audit, or one digest of all audits
/// (<see cref="MailSettings.Digest"/>). Subject 【監査結果】庶務事務システム 令和5年度 重大な不適合1件 (暫定);
/// body in plain text and HTML (<see cref="MailBody"/>); the result workbook attached as written to
/// the output folder, byte for byte. Addresses come from the settings only.
/// </summary>
internal sealed class MailComposer
{
    public const string WorkbookMediaSubtype = "vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocumentMediaSubtype = "vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string DigestTopic = "digest";

    private readonly MailSettings _settings;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;

    public MailComposer(MailSettings settings, TimeProvider time, TimeZoneInfo zone)
    {
        _settings = settings;
        _time = time;
        _zone = zone;
    }

    /// <summary>The mails for one run; none when it consolidated no audit.</summary>
    public IReadOnlyList<OutgoingMail> Compose(JobOutcome outcome)
    {
        var audits = outcome.Result.Audits;
        if (audits.Count == 0) return [];
        if (_settings.Digest)
        {
            var files = audits.SelectMany(a => Files(outcome, a)).ToList();
            if (audits.Count > 1) files.Add(Workbook(outcome, OutputNames.Overview));
            var subject = audits.Count == 1 ? Subject(audits[0]) : DigestSubject(audits);
            return [Build(DigestTopic, $"digest of {audits.Count} audits", subject, audits, files)];
        }
        // Each mail carries its own audit's workbook, named as the consolidation named it; the logs
        // describe a mail by that file name, never by the target as a cell gave it.
        return audits.Select(a => Build(Topic(a.Key), OutputNames.ResultWorkbook(a), Subject(a), [a], Files(outcome, a))).ToList();
    }

    /// <summary>An audit's attachments: its result workbook, and its report draft when <see cref="MailSettings.AttachReport"/> is set.</summary>
    private List<(string Name, byte[]? Bytes)> Files(JobOutcome outcome, AuditResult audit)
    {
        var files = new List<(string Name, byte[]? Bytes)> { Workbook(outcome, OutputNames.ResultWorkbook(audit)) };
        if (_settings.AttachReport) files.Add(Workbook(outcome, OutputNames.ReportDocument(audit)));
        return files;
    }

    public static string Topic(AuditKey key) => string.Create(CultureInfo.InvariantCulture, $"audit:{key.TargetKey}:{key.FiscalYear}");

    /// <summary>【監査結果】庶務事務システム 令和5年度 重大な不適合1件 (暫定)</summary>
    public string Subject(AuditResult a) =>
        $"{_settings.SubjectPrefix}{OneLine(a.Key.Target)} {a.Key.FiscalYearLabel} {Headline(a.Scale, [a])} ({a.Status.Label()})";

    /// <summary>【監査結果】3件の監査 重大な不適合1件、不適合2件 (暫定あり)</summary>
    public string DigestSubject(IReadOnlyList<AuditResult> audits) =>
        string.Create(CultureInfo.InvariantCulture, $"{_settings.SubjectPrefix}{audits.Count}件の監査 {Headline(audits[0].Scale, audits)} ")
        + (audits.All(a => a.Status == AuditStatus.Final) ? "(確定)" : "(暫定あり)");

    /// <summary>
    /// The 指摘事項 classes with a count, most severe first (重大な不適合1件、不適合2件); none: 指摘事項なし;
    /// nothing judged in any audit: 判定なし (no claim about findings).
    /// </summary>
    public static string Headline(JudgmentScale scale, IReadOnlyList<AuditResult> audits)
    {
        if (audits.All(a => !a.Judged)) return "判定なし";
        var found = scale.FindingsMostSevereFirst
            .Select(c => (c.Label, Count: audits.Sum(a => a.Counts.Where(x => x.Class.Label == c.Label).Sum(x => x.Count))))
            .Where(c => c.Count > 0)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Label}{c.Count}件"))
            .ToList();
        return found.Count == 0 ? "指摘事項なし" : string.Join("、", found);
    }

    private OutgoingMail Build(string topic, string description, string subject, IReadOnlyList<AuditResult> audits, IReadOnlyList<(string Name, byte[]? Bytes)> files)
    {
        var attached = files.Where(f => f.Bytes is not null).ToList();
        var names = attached.Select(f => f.Name).ToList();
        var text = MailBody.Text(audits, names);
        var body = new BodyBuilder { TextBody = text, HtmlBody = MailBody.Html(subject, audits, names) };
        foreach (var (name, bytes) in attached) body.Attachments.Add(Attachment(name, bytes!));

        var id = Id(topic, subject, text, attached);
        var message = new MimeMessage { Subject = subject, Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse(_settings.From!));
        message.To.AddRange(_settings.To.Select(MailboxAddress.Parse));
        message.Date = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone);
        message.MessageId = $"{id}.{Outbox.TopicHash(topic)}@{Domain(message.From.Mailboxes.First())}";
        // Automated mail: no out-of-office replies to the sender (RFC 3834, and Exchange's own header).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        // Fix the transfer encodings now, so the .eml in the outbox is exactly what goes on the wire.
        message.Prepare(EncodingConstraint.SevenBit);
        return new OutgoingMail(topic, id, description, message);
    }

    /// <summary>
    /// The workbook (or the report draft) as an attachment. Its Japanese name is written RFC 2047-encoded in both the
    /// Content-Type name and the Content-Disposition filename: Outlook does not decode the RFC 2231
    /// form (filename*=) that MIME prefers and would show a generated name instead; every other
    /// common client reads the RFC 2047 form too.
    /// </summary>
    private static MimePart Attachment(string name, byte[] bytes)
    {
        var part = new MimePart("application", name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? DocumentMediaSubtype : WorkbookMediaSubtype)
        {
            Content = new MimeContent(new MemoryStream(bytes, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = name,
        };
        part.ContentType.Name = name;
        foreach (var p in part.ContentDisposition.Parameters) p.EncodingMethod = ParameterEncodingMethod.Rfc2047;
        foreach (var p in part.ContentType.Parameters) p.EncodingMethod = ParameterEncodingMethod.Rfc2047;
        return part;
    }

    private static (string Name, byte[]? Bytes) Workbook(JobOutcome outcome, string name)
    {
        var path = outcome.Written.FirstOrDefault(p => Path.GetFileName(p) == name);
        return (name, path is not null && File.Exists(path) ? File.ReadAllBytes(path) : null);
    }

    /// <summary>A hash of what the mail says (not when it was composed): the same run gives the same id.</summary>
    private static string Id(string topic, string subject, string text, IEnumerable<(string Name, byte[]? Bytes)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in new[] { topic, subject, text }) hash.AppendData(Encoding.UTF8.GetBytes(s + "\0"));
        foreach (var (name, bytes) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\0"));
            hash.AppendData(SHA256.HashData(bytes!));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..24];
    }

    private static string Domain(MailboxAddress from) => from.Domain is { Length: > 0 } d ? d : "consolidator.invalid";

    /// <summary>
    /// A workbook's text made safe for a header: no line breaks or control characters, spaces collapsed,
    /// and bidirectional and other invisible formatting characters shown as '?' (<see cref="Printable"/>).
    /// </summary>
    private static string OneLine(string text) =>
        Printable.Name(string.Join(' ', new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries)), 200);
}
