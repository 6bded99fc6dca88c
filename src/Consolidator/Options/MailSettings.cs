using System.ComponentModel.DataAnnotations;

namespace Consolidator.Options;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP, never encrypted. Only for a relay on the same machine or a trusted segment.</summary>
    None,
    /// <summary>Plain connection upgraded with STARTTLS; a server that does not offer it is an error, never a silent downgrade.</summary>
    StartTls,
    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// Mail of the consolidated workbooks (section <c>Mail</c>): sent by <c>run --mail</c> and by
/// <c>watch</c> after each scheduled run. Recipients come from these settings only, never from a
/// submitted workbook. The password is never a setting: it is read from the environment variable
/// <see cref="PasswordVariable"/>, so it stays out of appsettings.json and out of the logs.
/// </summary>
public sealed class MailSettings
{
    /// <summary>The environment variable that holds the SMTP password.</summary>
    public const string PasswordVariable = "CONSOLIDATOR_SMTP_PASSWORD";

    /// <summary>The SMTP server (host name or address). Defaults to none, which means mail is not set up.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port, 0–65535. Defaults to 0, which means 25 with None, 587 with StartTls and 465 with SslOnConnect.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>None, StartTls or SslOnConnect. Defaults to StartTls, which refuses a server that cannot encrypt.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>The user to authenticate as. Defaults to none, which sends without authentication (a relay that trusts this machine).</summary>
    public string? User { get; set; }

    /// <summary>The sender, as an address or "監査事務局 &lt;audit@example.lg.jp&gt;". Required when mail is sent.</summary>
    public string? From { get; set; }

    /// <summary>The recipients (CONSOLIDATOR_Mail__To__0, __1 …). At least one when mail is sent.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>Defaults to false: one mail per audit. True: one mail for all the audits of a run, every workbook attached.</summary>
    public bool Digest { get; set; }

    /// <summary>Defaults to false: the result workbook alone is attached. True: each audit's report draft (…_監査報告書案.docx) too.</summary>
    public bool AttachReport { get; set; }

    /// <summary>Put before every subject. Defaults to 【監査結果】.</summary>
    public string SubjectPrefix { get; set; } = "【監査結果】";

    /// <summary>Retries within one run after a temporary failure (server unreachable, a 4xx reply), 0–10. Defaults to 3; what is still unsent waits in the outbox for the next run.</summary>
    [Range(0, 10)]
    public int RetryCount { get; set; } = 3;

    /// <summary>The delay before the first retry, doubled for each next one, 00:00:00–00:10:00. Defaults to 00:00:10, which waits 10 s, 20 s, 40 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one exchange with the server may take, 00:00:01–00:10:00. Defaults to 00:01:00.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the server certificate's revocation is checked. Defaults to true; set false on closed networks (LGWAN) where the revocation list cannot be reached.</summary>
    public bool CheckCertificateRevocation { get; set; } = true;

    /// <summary>
    /// A certificate trusted in addition to the system's store, for a relay whose certificate comes
    /// from the organisation's own CA or is self-signed (closed networks such as LGWAN): the path of
    /// a PEM or DER file holding the CA certificate or the relay's own certificate, or the relay
    /// certificate's SHA-256 fingerprint (hex, with or without colons). Checked at start. Defaults to
    /// none: the system store alone decides. Never a reason to send in clear.
    /// </summary>
    public string? TrustedCertificate { get; set; }

    /// <summary>True when any of Host, From, To or User is set: mail is meant to be sent, so the settings must be complete.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(From) || To.Count > 0 || !string.IsNullOrWhiteSpace(User);

    /// <summary>The port in effect: <see cref="Port"/>, or the usual one for <see cref="Security"/>.</summary>
    public int EffectivePort => Port != 0 ? Port : Security switch
    {
        MailSecurity.None => 25,
        MailSecurity.SslOnConnect => 465,
        _ => 587,
    };
}
