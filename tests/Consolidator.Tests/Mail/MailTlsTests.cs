using Consolidator.Mail;
using Consolidator.Options;

namespace Consolidator.Tests.Mail;

/// <summary>
/// Mail over TLS against a real SMTP server on 127.0.0.1 (<see cref="LoopbackSmtpServer"/>) whose
/// certificate is made in the test by its own CA, as a closed network's relay has: STARTTLS and
/// SMTPS delivered when Mail:TrustedCertificate trusts it (the CA as PEM or DER, the server's own
/// certificate, its SHA-256), refused with the subject and fingerprint when untrusted or expired —
/// the mail kept in the outbox and never sent in clear.
/// </summary>
[TestClass]
public sealed class MailTlsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static MailTestRun s_seed = null!;
    private static JobOutcome s_outcome = null!;
    private static TestCertificates s_certificates = null!;

    [ClassInitialize]
    public static void ConsolidateSeed(TestContext _)
    {
        s_seed = MailTestRun.Create();
        s_outcome = s_seed.Consolidate();
        s_certificates = new TestCertificates();
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        s_seed.Dispose();
        s_certificates.Dispose();
    }

    private static MailSettings Tls(int port, MailSecurity security, string? trusted) => MailTestRun.Settings(port, s =>
    {
        s.Security = security;
        s.TrustedCertificate = trusted;
        // A closed network's CA publishes no revocation list the relay could reach.
        s.CheckCertificateRevocation = false;
    });

    [TestMethod]
    // security, how the CA or certificate is given
    [DataRow(MailSecurity.StartTls, "ca-pem")]
    [DataRow(MailSecurity.StartTls, "ca-der")]
    [DataRow(MailSecurity.StartTls, "server-fingerprint")]
    [DataRow(MailSecurity.SslOnConnect, "ca-pem")]
    [DataRow(MailSecurity.SslOnConnect, "server-pem")]
    [DataRow(MailSecurity.SslOnConnect, "server-fingerprint")]
    public async Task Trusted_IsDelivered(MailSecurity security, string trust)
    {
        using var run = MailTestRun.Create();
        using var certificate = s_certificates.Server();
        Directory.CreateDirectory(run.Root);
        var trusted = trust switch
        {
            "ca-pem" => TestCertificates.WritePem(run.Root, "ca.pem", s_certificates.Ca),
            "ca-der" => TestCertificates.WriteDer(run.Root, "ca.cer", s_certificates.Ca),
            "server-pem" => TestCertificates.WritePem(run.Root, "relay.pem", certificate),
            _ => TestCertificates.Fingerprint(certificate),
        };
        await using var server = await LoopbackSmtpServer.StartAsync(new() { Certificate = certificate, SslOnConnect = security == MailSecurity.SslOnConnect });

        var report = await run.Dispatcher(Tls(server.Port, security, trusted)).SendAsync(s_outcome, None);

        Assert.AreEqual(1, report.Sent, string.Join("\n", report.Lines()));
        Assert.AreEqual(0, report.Failures.Count);
        Assert.AreEqual("【監査結果】庶務事務システム 令和5年度 重大な不適合1件 (確定)", server.Messages.Single().Parse().Subject);
        Assert.AreEqual(0, run.Queued().Length);
    }

    [TestMethod]
    [DataRow(MailSecurity.StartTls)]
    [DataRow(MailSecurity.SslOnConnect)]
    public async Task Untrusted_IsRefused_NamingTheCertificate_AndTheMailStaysInTheOutbox(MailSecurity security)
    {
        using var run = MailTestRun.Create();
        using var certificate = s_certificates.Server();
        await using var server = await LoopbackSmtpServer.StartAsync(new() { Certificate = certificate, SslOnConnect = security == MailSecurity.SslOnConnect });

        var report = await run.Dispatcher(Tls(server.Port, security, null)).SendAsync(s_outcome, None);

        AssertRefused(report, run, server, certificate, "システムの証明書ストアにない発行者です", "its issuer is not in the system store");
    }

    [TestMethod]
    [DataRow(MailSecurity.StartTls)]
    [DataRow(MailSecurity.SslOnConnect)]
    public async Task Expired_IsRefused_EvenWithItsCaTrusted(MailSecurity security)
    {
        using var run = MailTestRun.Create();
        using var certificate = s_certificates.Server(fromDays: -60, toDays: -1);
        Directory.CreateDirectory(run.Root);
        var ca = TestCertificates.WritePem(run.Root, "ca.pem", s_certificates.Ca);
        await using var server = await LoopbackSmtpServer.StartAsync(new() { Certificate = certificate, SslOnConnect = security == MailSecurity.SslOnConnect });

        var report = await run.Dispatcher(Tls(server.Port, security, ca)).SendAsync(s_outcome, None);

        AssertRefused(report, run, server, certificate, "有効期間外です", "outside its validity period");
    }

    [TestMethod]
    public async Task AnotherCertificatesFingerprint_IsRefused()
    {
        using var run = MailTestRun.Create();
        using var certificate = s_certificates.Server(selfSigned: true);
        using var other = s_certificates.Server(selfSigned: true);
        await using var server = await LoopbackSmtpServer.StartAsync(new() { Certificate = certificate });

        var report = await run.Dispatcher(Tls(server.Port, MailSecurity.StartTls, TestCertificates.Fingerprint(other))).SendAsync(s_outcome, None);

        AssertRefused(report, run, server, certificate, "Mail:TrustedCertificate の証明書とも一致しません", "it matches neither the system store nor Mail:TrustedCertificate");
    }

    private static void AssertRefused(MailReport report, MailTestRun run, LoopbackSmtpServer server, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string ja, string en)
    {
        var failure = report.Failures.Single();
        Assert.AreEqual(MailFailureKind.Tls, failure.Kind, failure.ToString());
        StringAssert.Contains(failure.MessageJa, "の証明書を信頼できません（" + ja);
        StringAssert.Contains(failure.MessageEn, "is not trusted (" + en);
        var fingerprint = TestCertificates.Fingerprint(certificate);
        StringAssert.Contains(failure.MessageJa, certificate.Subject);
        StringAssert.Contains(failure.MessageJa, "SHA-256 " + fingerprint);
        StringAssert.Contains(failure.MessageEn, "SHA-256 " + fingerprint);
        Assert.AreEqual(0, report.Sent);
        Assert.AreEqual(0, server.Messages.Count, "nothing is sent in clear");
        Assert.AreEqual(0, server.DataCommands, "no message reached the server at all");
        Assert.AreEqual(1, run.Queued().Length, "the mail is kept in the outbox");
        StringAssert.Contains(string.Join("\n", report.Lines()), "証明書を信頼できません");
    }
}
