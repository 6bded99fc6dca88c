using System.Net.Sockets;
using System.Text.Json.Serialization;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using AuthenticationException = MailKit.Security.AuthenticationException;

namespace Consolidator.Mail;

/// <summary>Why a mail was not sent.</summary>
public enum MailFailureKind
{
    /// <summary>The server could not be reached, or the connection broke or timed out.</summary>
    Unreachable,
    /// <summary>TLS could not be set up: no STARTTLS, or a certificate that is not trusted.</summary>
    Tls,
    /// <summary>The server refused the user or password.</summary>
    Authentication,
    /// <summary>The server refused the sender (Mail:From).</summary>
    SenderRefused,
    /// <summary>The server refused a recipient (Mail:To).</summary>
    RecipientRefused,
    /// <summary>The server refused the message itself (too large, policy).</summary>
    MessageRefused,
    /// <summary>The server answered something the SMTP protocol does not allow.</summary>
    Protocol,
    /// <summary>The outbox could not be used: a mail not queued, a queued .eml not read (the mail is reported, never dropped unsaid).</summary>
    Outbox,
}

/// <summary>
/// One failed attempt, as data (like Polly's Outcome): what kind, what to do about it in Japanese
/// and English, and the server's reply. Never holds a message's content, only addresses from the
/// settings and the server's own words, so it can be logged and shown by <c>status</c>.
/// </summary>
public sealed record MailFailure(MailFailureKind Kind, string MessageJa, string MessageEn, string Detail, int? StatusCode, DateTimeOffset At)
{
    /// <summary>Worth another try within the run: the server may come back or the 4xx condition pass.</summary>
    [JsonIgnore]
    public bool IsTransient => Kind is MailFailureKind.Unreachable or MailFailureKind.Protocol
        || (Kind is MailFailureKind.SenderRefused or MailFailureKind.RecipientRefused or MailFailureKind.MessageRefused && StatusCode is >= 400 and < 500);

    /// <summary>Concerns the server rather than one message: the other mails of the run are not tried.</summary>
    [JsonIgnore]
    public bool StopsFlush => Kind is MailFailureKind.Unreachable or MailFailureKind.Tls or MailFailureKind.Authentication or MailFailureKind.Protocol;

    public override string ToString() => $"{MessageJa} / {MessageEn}" + (Detail.Length > 0 ? $" ({Detail})" : "");

    /// <summary>What an exception from MailKit means for the audit office.</summary>
    public static MailFailure From(Exception e, string server, DateTimeOffset at)
    {
        var detail = e.Message.ReplaceLineEndings(" ").Trim();
        switch (e)
        {
            case SmtpCommandException c:
                var code = (int)c.StatusCode;
                var reply = $"{code} {detail}";
                return c.ErrorCode switch
                {
                    // 530/534/535/538: the server wants (other) credentials, whatever command it refused.
                    _ when code is 530 or 534 or 535 or 538 => Authentication(reply, code, at),
                    SmtpErrorCode.RecipientNotAccepted => new(MailFailureKind.RecipientRefused,
                        $"宛先 {c.Mailbox} がメールサーバーに拒否されました。Mail:To を確認してください",
                        $"The server refused the recipient {c.Mailbox}: check Mail:To", reply, code, at),
                    SmtpErrorCode.SenderNotAccepted => new(MailFailureKind.SenderRefused,
                        $"差出人 {c.Mailbox} がメールサーバーに拒否されました。Mail:From を確認してください",
                        $"The server refused the sender {c.Mailbox}: check Mail:From", reply, code, at),
                    _ => new(MailFailureKind.MessageRefused,
                        "メールサーバーがメールを受け付けませんでした（サイズの上限や送信の規則）",
                        "The server did not accept the message (size limit or policy)", reply, code, at),
                };
            case UntrustedCertificateException u:
                return new(MailFailureKind.Tls,
                    $"{server} の証明書を信頼できません（{u.ReasonJa}）: {u.Subject}、SHA-256 {u.Fingerprint}。送信せず送信箱に残しました",
                    $"The certificate of {server} is not trusted ({u.ReasonEn}): {u.Subject}, SHA-256 {u.Fingerprint}; the mail is kept in the outbox, not sent",
                    "", null, at);
            case AuthenticationException:
                return Authentication(detail, null, at);
            case SslHandshakeException or System.Security.Authentication.AuthenticationException:
                return new(MailFailureKind.Tls,
                    $"{server} と暗号化通信を確立できませんでした（証明書を確認してください）",
                    $"TLS with {server} failed (check the server certificate)", detail, null, at);
            case NotSupportedException when detail.Contains("STARTTLS", StringComparison.OrdinalIgnoreCase):
                return new(MailFailureKind.Tls,
                    $"{server} は STARTTLS に対応していません。Mail:Security を確認してください",
                    $"{server} does not offer STARTTLS: check Mail:Security", detail, null, at);
            case NotSupportedException when detail.Contains("authentication", StringComparison.OrdinalIgnoreCase):
                return Authentication(detail, null, at);
            case SmtpProtocolException or ProtocolException or ServiceNotConnectedException:
                return new(MailFailureKind.Protocol,
                    $"{server} との通信が途中で切れました",
                    $"The connection to {server} broke off", detail, null, at);
            case SocketException or IOException or TimeoutException or OperationCanceledException:
                return new(MailFailureKind.Unreachable,
                    $"メールサーバー {server} に接続できません",
                    $"The mail server {server} cannot be reached", detail, null, at);
            default:
                return new(MailFailureKind.Protocol,
                    $"{server} への送信中に予期しないエラーが起きました",
                    $"Unexpected error while sending to {server}", $"{e.GetType().Name}: {detail}", null, at);
        }
    }

    private static MailFailure Authentication(string detail, int? code, DateTimeOffset at) => new(MailFailureKind.Authentication,
        "メールサーバーの認証に失敗しました。Mail:User と環境変数 CONSOLIDATOR_SMTP_PASSWORD を確認してください",
        "Authentication failed: check Mail:User and the environment variable CONSOLIDATOR_SMTP_PASSWORD", detail, code, at);
}
