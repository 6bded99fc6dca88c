using Consolidator.Options;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Consolidator.Mail;

/// <summary>
/// One connection to the SMTP server for one flush of the outbox: connected and authenticated on
/// first use, dropped after any failure so the next attempt starts clean. No protocol log is
/// kept: it would hold the messages themselves.
/// </summary>
internal sealed class SmtpSession : IAsyncDisposable
{
    private readonly SmtpClient _client = new();
    private readonly MailSettings _settings;
    private readonly string? _password;

    private readonly CertificateTrust _trust;

    public SmtpSession(MailSettings settings, string? password, TimeProvider? time = null)
    {
        _settings = settings;
        _password = password;
        _client.Timeout = (int)settings.Timeout.TotalMilliseconds;
        _client.CheckCertificateRevocation = settings.CheckCertificateRevocation;
        // The settings were checked at start: a certificate that became unreadable since is the system store alone.
        try
        {
            _trust = CertificateTrust.From(settings.TrustedCertificate, settings.CheckCertificateRevocation, time ?? TimeProvider.System);
        }
        catch (ArgumentException)
        {
            _trust = CertificateTrust.From(null, settings.CheckCertificateRevocation, time ?? TimeProvider.System);
        }
        _client.ServerCertificateValidationCallback = _trust.Validate;
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancel)
    {
        try
        {
            if (!_client.IsConnected)
                await _client.ConnectAsync(_settings.Host!, _settings.EffectivePort, Options(_settings.Security), cancel);
            if (!string.IsNullOrEmpty(_settings.User) && !_client.IsAuthenticated)
                await _client.AuthenticateAsync(_settings.User, _password ?? "", cancel);
            await _client.SendAsync(message, cancel);
        }
        catch (Exception e) when (_trust.Refused is { } refused && e is MailKit.Security.SslHandshakeException or System.Security.Authentication.AuthenticationException)
        {
            await DropAsync();
            throw new UntrustedCertificateException(refused.Subject, refused.Fingerprint, refused.ReasonJa, refused.ReasonEn);
        }
        catch
        {
            await DropAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or OperationCanceledException)
            {
                // Every mail is already accounted for; a failed QUIT changes nothing.
            }
        }
        _client.Dispose();
    }

    private static SecureSocketOptions Options(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private async Task DropAsync()
    {
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: false);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or OperationCanceledException)
        {
            // Already broken: the next attempt connects anew.
        }
    }
}
