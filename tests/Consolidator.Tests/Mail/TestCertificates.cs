using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Consolidator.Tests.Mail;

/// <summary>
/// Certificates made in the test, as a municipality's own CA makes them: a CA, and server
/// certificates for localhost / 127.0.0.1 that it issued — valid, expired, or self-signed.
/// Written as PEM and DER files where a setting needs a file.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestCertificates()
    {
        var now = TimeProvider.System.GetUtcNow();
        var request = new CertificateRequest("CN=Consolidator Test CA, O=テスト市", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Ca = request.CreateSelfSigned(now.AddDays(-400), now.AddYears(5));
    }

    public X509Certificate2 Ca { get; }

    /// <summary>A server certificate for localhost and 127.0.0.1 issued by <see cref="Ca"/>, with its key, valid from/to the given days from now.</summary>
    public X509Certificate2 Server(int fromDays = -1, int toDays = 30, bool selfSigned = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=テスト市 情報政策課", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var issued = selfSigned
            ? request.CreateSelfSigned(now.AddDays(fromDays), now.AddDays(toDays))
            : request.Create(Ca, now.AddDays(fromDays), now.AddDays(toDays), RandomNumberGenerator.GetBytes(8)).CopyWithPrivateKey(key);
        // Through PKCS#12, so the TLS stack can use the key on every platform.
        return X509CertificateLoader.LoadPkcs12(issued.Export(X509ContentType.Pkcs12), null);
    }

    public static string WritePem(string folder, string name, X509Certificate2 certificate)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }

    public static string WriteDer(string folder, string name, X509Certificate2 certificate)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Cert));
        return path;
    }

    public static string Fingerprint(X509Certificate2 certificate) => Consolidator.Mail.CertificateTrust.FingerprintOf(certificate);

    public void Dispose()
    {
        Ca.Dispose();
        _caKey.Dispose();
    }
}
