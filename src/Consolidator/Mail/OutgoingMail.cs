using MimeKit;

namespace Consolidator.Mail;

/// <summary>
/// A composed mail before it enters the outbox. <paramref name="Topic"/> says what it reports on
/// (one audit, or the digest): a newer mail on the same topic replaces one still waiting, so a
/// server that was down for three nights yields one current mail, not three stale ones.
/// <paramref name="Id"/> is a hash of the content, so the same run is never queued or sent twice.
/// </summary>
public sealed record OutgoingMail(string Topic, string Id, string Description, MimeMessage Message);
