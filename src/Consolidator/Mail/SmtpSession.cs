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

    public SmtpSession(MailSettings settings, string? password)
    {
        _settings = settings;
        _password = password;
        _client.Timeout = (int)settings.Timeout.TotalMilliseconds;
        _client.CheckCertificateRevocation = settings.CheckCertificateRevocation;
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
