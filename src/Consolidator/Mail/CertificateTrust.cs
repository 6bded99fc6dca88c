using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Consolidator.Mail;

/// <summary>
/// Which server certificates the mail connection trusts: the system's store, and in addition
/// <c>Mail:TrustedCertificate</c> — a PEM or DER file holding the CA that issued the relay's
/// certificate (a municipality's own CA on LGWAN) or the relay's own (self-signed) certificate,
/// or that certificate's SHA-256 fingerprint. A CA extends the trusted roots only: the name
/// must still match and the certificate be in its validity period. The relay's own certificate
/// (by file or fingerprint) is trusted exactly, whatever name it was issued to, while valid.
/// A refused certificate is remembered with its subject, fingerprint and reason, so the failure
/// can say what was refused (<see cref="UntrustedCertificateException"/>).
/// </summary>
public sealed partial class CertificateTrust
{
    private readonly X509Certificate2Collection _anchors;
    private readonly byte[]? _fingerprint;
    private readonly bool _checkRevocation;
    private readonly TimeProvider _time;

    private CertificateTrust(X509Certificate2Collection anchors, byte[]? fingerprint, bool checkRevocation, TimeProvider time)
    {
        _anchors = anchors;
        _fingerprint = fingerprint;
        _checkRevocation = checkRevocation;
        _time = time;
    }

    /// <summary>The last certificate refused, with why; null when none was.</summary>
    public UntrustedCertificateException? Refused { get; private set; }

    /// <summary>
    /// The trust for a <c>Mail:TrustedCertificate</c> value (null or empty: the system store only).
    /// Throws <see cref="ArgumentException"/> with the reason for a value that is neither a readable
    /// certificate file nor a SHA-256 fingerprint; the settings check calls this at start.
    /// </summary>
    public static CertificateTrust From(string? setting, bool checkRevocation, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(setting)) return new([], null, checkRevocation, time);
        if (Fingerprint(setting) is { } fingerprint) return new([], fingerprint, checkRevocation, time);
        var path = Path.GetFullPath(setting.Trim());
        if (!File.Exists(path))
            throw new ArgumentException($"ファイルがなく、SHA-256 のフィンガープリントでもありません: {path} / neither a file nor a SHA-256 fingerprint: {path}");
        var anchors = new X509Certificate2Collection();
        try
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)) anchors.ImportFromPem(text);
            else anchors.Add(X509CertificateLoader.LoadCertificate(File.ReadAllBytes(path)));
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"証明書として読めません（PEM か DER の X.509 証明書が必要です）: {path} / not a certificate (a PEM or DER X.509 certificate is needed): {path} ({e.Message})");
        }
        if (anchors.Count == 0)
            throw new ArgumentException($"証明書がありません: {path} / holds no certificate: {path}");
        return new(anchors, null, checkRevocation, time);
    }

    /// <summary>A SHA-256 fingerprint as hex (colons, spaces or none between the bytes), or null.</summary>
    internal static byte[]? Fingerprint(string text)
    {
        var hex = Separators().Replace(text.Trim(), "");
        return hex.Length == 64 && hex.All(Uri.IsHexDigit) ? Convert.FromHexString(hex) : null;
    }

    /// <summary>AA:BB:… as people compare it with what openssl and the relay's administrator print.</summary>
    public static string FingerprintOf(X509Certificate certificate) =>
        string.Join(":", certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>MailKit's (and SslStream's) validation callback.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            Refused = new UntrustedCertificateException("(なし / none)", "", "証明書が提示されませんでした", "the server presented no certificate");
            return false;
        }
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var now = _time.GetUtcNow().UtcDateTime;
        if (now < leaf.NotBefore.ToUniversalTime() || now > leaf.NotAfter.ToUniversalTime())
            return Refuse(leaf, $"有効期間外です（{leaf.NotBefore:yyyy-MM-dd}〜{leaf.NotAfter:yyyy-MM-dd}）", $"outside its validity period ({leaf.NotBefore:yyyy-MM-dd} to {leaf.NotAfter:yyyy-MM-dd})");
        if (errors == SslPolicyErrors.None) return Accept();
        // The relay's own certificate, pinned by fingerprint or given as the file: trusted exactly.
        var hash = leaf.GetCertHash(HashAlgorithmName.SHA256);
        if (_fingerprint is not null && CryptographicOperations.FixedTimeEquals(hash, _fingerprint)) return Accept();
        if (_anchors.Any(a => a.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))) return Accept();
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            return Refuse(leaf, "サーバー名と一致しません（Mail:Host を証明書の名前にしてください）", "its name does not match the server (set Mail:Host to the name in the certificate)");
        if (_anchors.Count > 0 && BuildsToAnchor(leaf, chain)) return Accept();
        return _fingerprint is null && _anchors.Count == 0
            ? Refuse(leaf, "システムの証明書ストアにない発行者です（Mail:TrustedCertificate に CA 証明書か SHA-256 を設定できます）", "its issuer is not in the system store (Mail:TrustedCertificate can name the CA certificate or the SHA-256)")
            : Refuse(leaf, "Mail:TrustedCertificate の証明書とも一致しません", "it matches neither the system store nor Mail:TrustedCertificate");
    }

    private bool BuildsToAnchor(X509Certificate2 leaf, X509Chain? presented)
    {
        using var build = new X509Chain();
        build.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        build.ChainPolicy.CustomTrustStore.AddRange(_anchors);
        build.ChainPolicy.RevocationMode = _checkRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
        build.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        if (presented is not null)
            foreach (var element in presented.ChainElements) build.ChainPolicy.ExtraStore.Add(element.Certificate);
        return build.Build(leaf);
    }

    private bool Accept()
    {
        Refused = null;
        return true;
    }

    private bool Refuse(X509Certificate2 leaf, string ja, string en)
    {
        Refused = new UntrustedCertificateException(leaf.Subject, FingerprintOf(leaf), ja, en);
        return false;
    }

    [GeneratedRegex(@"[:\s-]")]
    private static partial Regex Separators();
}

/// <summary>A server certificate the connection refused: its subject, SHA-256 fingerprint and why, in Japanese and English.</summary>
public sealed class UntrustedCertificateException(string subject, string fingerprint, string reasonJa, string reasonEn)
    : Exception($"certificate not trusted ({reasonEn}): {subject}, SHA-256 {fingerprint}")
{
    public string Subject { get; } = subject;
    public string Fingerprint { get; } = fingerprint;
    public string ReasonJa { get; } = reasonJa;
    public string ReasonEn { get; } = reasonEn;
}
