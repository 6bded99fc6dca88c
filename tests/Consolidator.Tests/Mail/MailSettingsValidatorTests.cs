using Consolidator.Options;
using Microsoft.Extensions.Configuration;

namespace Consolidator.Tests.Mail;

/// <summary>The Mail section is checked at start: every problem named with its setting, word for word.</summary>
[TestClass]
public sealed class MailSettingsValidatorTests
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [TestMethod]
    public void Read_NoMailSection_IsNoMail_WhenNotRequired()
    {
        var (mail, errors) = MailSettingsValidator.Read(Config(), required: false, password: null);

        Assert.IsFalse(mail.IsConfigured);
        Assert.AreEqual(0, errors.Count);
    }

    [TestMethod]
    public void Read_NoMailSection_NamesWhatIsMissing_WhenRequired()
    {
        var (_, errors) = MailSettingsValidator.Read(Config(), required: true, password: null);

        CollectionAssert.AreEqual(new[]
        {
            "Mail:Host: 送信に使う SMTP サーバーがありません（例: smtp.example.lg.jp） / no SMTP server is set (e.g. smtp.example.lg.jp).",
            "Mail:From: 差出人がありません（例: 監査事務局 <audit@example.lg.jp>） / no sender is set (e.g. 監査事務局 <audit@example.lg.jp>).",
            "Mail:To: 宛先がありません（Mail:To:0、環境変数では CONSOLIDATOR_Mail__To__0） / no recipient is set (Mail:To:0, or CONSOLIDATOR_Mail__To__0).",
        }, errors.ToArray());
    }

    [TestMethod]
    public void Read_ListsEveryBadSetting_EachWithItsName()
    {
        var (_, errors) = MailSettingsValidator.Read(Config(
            ("Mail:Host", "smtp server"),
            ("Mail:Port", "70000"),
            ("Mail:Security", "None"),
            ("Mail:User", "consolidator"),
            ("Mail:Password", "secret"),
            ("Mail:From", "監査事務局"),
            ("Mail:To:0", "kansa@example.lg.jp"),
            ("Mail:To:1", "総務課"),
            ("Mail:Recipients:0", "soumu@example.lg.jp"),
            ("Mail:RetryDelay", "01:00:00")), required: false, password: null);

        CollectionAssert.AreEqual(new[]
        {
            "Mail:Password: パスワードは設定ファイルから読みません。環境変数 CONSOLIDATOR_SMTP_PASSWORD に設定し、Mail:Password を削除してください / the password is never read from settings: set the environment variable CONSOLIDATOR_SMTP_PASSWORD and remove Mail:Password.",
            "Mail:Recipients: 不明な設定です（Host, Port, Security, User, From, To, Digest, AttachReport, SubjectPrefix, RetryCount, RetryDelay, Timeout, CheckCertificateRevocation, TrustedCertificate） / unknown setting (known: Host, Port, Security, User, From, To, Digest, AttachReport, SubjectPrefix, RetryCount, RetryDelay, Timeout, CheckCertificateRevocation, TrustedCertificate).",
            "Mail:Port: The field Port must be between 0 and 65535.",
            "Mail:RetryDelay: The field RetryDelay must be between 00:00:00 and 00:10:00.",
            "Mail:Host: 'smtp server' はホスト名でもアドレスでもありません / is neither a host name nor an address.",
            "Mail:From: '監査事務局' はメールアドレスではありません / is not a mail address.",
            "Mail:To:1: '総務課' はメールアドレスではありません / is not a mail address.",
            "Mail:User: 'consolidator' で認証するには、環境変数 CONSOLIDATOR_SMTP_PASSWORD にパスワードを設定してください / set the environment variable CONSOLIDATOR_SMTP_PASSWORD to authenticate as this user.",
            "Mail:Security: None ではパスワードが暗号化されずに smtp server へ送られます。StartTls か SslOnConnect にしてください / None would send the password unencrypted to smtp server: use StartTls or SslOnConnect.",
        }, errors.ToArray());
    }

    [TestMethod]
    public void Read_UnknownSecurity_NamesTheSetting()
    {
        var (_, errors) = MailSettingsValidator.Read(Config(("Mail:Security", "Tls")), required: false, password: null);

        Assert.AreEqual(1, errors.Count, string.Join("\n", errors));
        // Named by its full setting, with the value and what it may be (every other Mail key still binds).
        StringAssert.StartsWith(errors[0], "Mail:Security: 'Tls' を ");
        StringAssert.Contains(errors[0], "cannot be read as one of None, ");
    }

    [TestMethod]
    public void Read_CompleteSettingsFromEnvironmentStyleKeys_AreValid()
    {
        var (mail, errors) = MailSettingsValidator.Read(Config(
            ("Mail:Host", "smtp.example.lg.jp"),
            ("Mail:User", "consolidator"),
            ("Mail:From", "監査事務局 <audit@example.lg.jp>"),
            ("Mail:To:0", "kansa@example.lg.jp"),
            ("Mail:To:1", "soumu@example.lg.jp"),
            ("Mail:Digest", "true")), required: true, password: "from-the-environment");

        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        Assert.AreEqual(MailSecurity.StartTls, mail.Security);
        Assert.AreEqual(587, mail.EffectivePort);
        CollectionAssert.AreEqual(new[] { "kansa@example.lg.jp", "soumu@example.lg.jp" }, mail.To);
        Assert.IsTrue(mail.Digest);
    }

    [TestMethod]
    public void Read_PasswordWithoutUser_IsNamed()
    {
        var (_, errors) = MailSettingsValidator.Read(Config(
            ("Mail:Host", "127.0.0.1"), ("Mail:From", "audit@example.lg.jp"), ("Mail:To:0", "kansa@example.lg.jp")), required: true, password: "x");

        CollectionAssert.AreEqual(new[] { "Mail:User: CONSOLIDATOR_SMTP_PASSWORD が設定されていますが、ユーザーがありません / the password variable is set but no user is." }, errors.ToArray());
    }

    [TestMethod]
    // Port 0 means the usual port of the security chosen.
    [DataRow(MailSecurity.None, 0, 25)]
    [DataRow(MailSecurity.StartTls, 0, 587)]
    [DataRow(MailSecurity.SslOnConnect, 0, 465)]
    [DataRow(MailSecurity.StartTls, 2525, 2525)]
    public void EffectivePort_FollowsSecurity_UnlessSet(MailSecurity security, int port, int expected) =>
        Assert.AreEqual(expected, new MailSettings { Security = security, Port = port }.EffectivePort);

    [TestMethod]
    // Mail:TrustedCertificate, the start of the message naming what is wrong
    [DataRow("/no/such/ca.pem", "Mail:TrustedCertificate: ファイルがなく、SHA-256 のフィンガープリントでもありません: /no/such/ca.pem")]
    [DataRow("AB:CD:EF", "Mail:TrustedCertificate: ファイルがなく、SHA-256 のフィンガープリントでもありません")]
    [DataRow("not-a-certificate", "Mail:TrustedCertificate: 証明書として読めません")]
    public void Read_TrustedCertificate_IsCheckedAtStart(string value, string message)
    {
        using var dir = new Support.TempDir();
        var file = Path.Combine(dir.Path, "not-a-certificate");
        File.WriteAllText(file, "監査事務局の証明書（のつもり）");
        var setting = value == "not-a-certificate" ? file : value;

        var (_, errors) = MailSettingsValidator.Read(Config(("Mail:Host", "127.0.0.1"), ("Mail:From", "a@example.lg.jp"), ("Mail:To:0", "b@example.lg.jp"),
            ("Mail:TrustedCertificate", setting)), required: true, password: null);

        Assert.AreEqual(1, errors.Count, string.Join("\n", errors));
        StringAssert.StartsWith(errors[0], message);
    }

    [TestMethod]
    public void Read_TrustedCertificate_AcceptsAFingerprintWithOrWithoutColons()
    {
        var hex = string.Concat(Enumerable.Repeat("a1", 32));
        foreach (var value in new[] { hex, string.Join(":", Enumerable.Repeat("A1", 32)) })
        {
            var (mail, errors) = MailSettingsValidator.Read(Config(("Mail:Host", "127.0.0.1"), ("Mail:From", "a@example.lg.jp"), ("Mail:To:0", "b@example.lg.jp"),
                ("Mail:TrustedCertificate", value)), required: true, password: null);
            Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
            Assert.AreEqual(value, mail.TrustedCertificate);
        }
    }
}
