using System.Net;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Consolidator.Options;

/// <summary>
/// Reads the <c>Mail</c> section and checks it at start, listing every problem with the setting
/// it concerns (as <see cref="SettingsValidator"/> does for the rest), so a deployment that
/// cannot send says exactly what to fix before the night's run instead of after it.
/// </summary>
public static class MailSettingsValidator
{
    private static readonly string[] Known = typeof(MailSettings).GetProperties()
        .Where(p => p.CanWrite).Select(p => p.Name).ToArray();

    /// <summary>The password from the environment only; never from a settings file or the command line.</summary>
    public static string? Password() => Environment.GetEnvironmentVariable(MailSettings.PasswordVariable) is { Length: > 0 } p ? p : null;

    /// <summary>
    /// The settings and their problems. With <paramref name="required"/> (<c>run --mail</c>) the
    /// section must be complete; otherwise (<c>watch</c>) an empty section means no mail, and a
    /// partly filled one is checked as if required.
    /// </summary>
    public static (MailSettings Mail, IReadOnlyList<string> Errors) Read(IConfiguration config, bool required, string? password)
    {
        var section = config.GetSection("Mail");
        var errors = new List<string>();
        foreach (var child in section.GetChildren())
        {
            if (child.Key.Equals("Password", StringComparison.OrdinalIgnoreCase))
                errors.Add($"Mail:Password: パスワードは設定ファイルから読みません。環境変数 {MailSettings.PasswordVariable} に設定し、Mail:Password を削除してください / the password is never read from settings: set the environment variable {MailSettings.PasswordVariable} and remove Mail:Password.");
            else if (!Known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                errors.Add($"Mail:{child.Key}: 不明な設定です（{string.Join(", ", Known)}） / unknown setting (known: {string.Join(", ", Known)}).");
        }
        // Unknown keys are named above, with the password's own message.
        var mail = SettingsBinder.Bind<MailSettings>(config, "Mail", errors, unknownKeys: false);
        if (required || mail.IsConfigured) errors.AddRange(Validate(mail, password));
        return (mail, errors);
    }

    /// <summary>Every problem of complete mail settings, each naming its setting.</summary>
    public static IReadOnlyList<string> Validate(MailSettings mail, string? password)
    {
        var errors = new List<string>();
        SettingsValidator.Annotations(mail, "Mail", errors);

        if (string.IsNullOrWhiteSpace(mail.Host))
            errors.Add("Mail:Host: 送信に使う SMTP サーバーがありません（例: smtp.example.lg.jp） / no SMTP server is set (e.g. smtp.example.lg.jp).");
        else if (Uri.CheckHostName(mail.Host) == UriHostNameType.Unknown)
            errors.Add($"Mail:Host: '{mail.Host}' はホスト名でもアドレスでもありません / is neither a host name nor an address.");

        if (string.IsNullOrWhiteSpace(mail.From))
            errors.Add("Mail:From: 差出人がありません（例: 監査事務局 <audit@example.lg.jp>） / no sender is set (e.g. 監査事務局 <audit@example.lg.jp>).");
        else if (!IsAddress(mail.From))
            errors.Add($"Mail:From: '{mail.From}' はメールアドレスではありません / is not a mail address.");

        if (mail.To.Count == 0)
            errors.Add("Mail:To: 宛先がありません（Mail:To:0、環境変数では CONSOLIDATOR_Mail__To__0） / no recipient is set (Mail:To:0, or CONSOLIDATOR_Mail__To__0).");
        for (var i = 0; i < mail.To.Count; i++)
            if (!IsAddress(mail.To[i]))
                errors.Add($"Mail:To:{i}: '{mail.To[i]}' はメールアドレスではありません / is not a mail address.");

        if (!string.IsNullOrWhiteSpace(mail.User) && password is null)
            errors.Add($"Mail:User: '{mail.User}' で認証するには、環境変数 {MailSettings.PasswordVariable} にパスワードを設定してください / set the environment variable {MailSettings.PasswordVariable} to authenticate as this user.");
        if (string.IsNullOrWhiteSpace(mail.User) && password is not null)
            errors.Add($"Mail:User: {MailSettings.PasswordVariable} が設定されていますが、ユーザーがありません / the password variable is set but no user is.");
        if (!string.IsNullOrWhiteSpace(mail.User) && mail.Security == MailSecurity.None && !IsLoopback(mail.Host))
            errors.Add($"Mail:Security: None ではパスワードが暗号化されずに {mail.Host} へ送られます。StartTls か SslOnConnect にしてください / None would send the password unencrypted to {mail.Host}: use StartTls or SslOnConnect.");

        if (!string.IsNullOrWhiteSpace(mail.TrustedCertificate))
        {
            if (mail.Security == MailSecurity.None)
                errors.Add("Mail:TrustedCertificate: Security が None では証明書を使いません。StartTls か SslOnConnect にしてください / with Security None no certificate is used: use StartTls or SslOnConnect.");
            try
            {
                Mail.CertificateTrust.From(mail.TrustedCertificate, mail.CheckCertificateRevocation, TimeProvider.System);
            }
            catch (ArgumentException e)
            {
                errors.Add("Mail:TrustedCertificate: " + e.Message);
            }
        }
        if (mail.SubjectPrefix.Any(char.IsControl))
            errors.Add("Mail:SubjectPrefix: 制御文字は使えません / must not contain control characters.");
        return errors;
    }

    internal static bool IsAddress(string text) =>
        MailboxAddress.TryParse(text, out var address) && address.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < address.Address.Length - 1;

    private static bool IsLoopback(string? host) =>
        host is not null && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)));
}
