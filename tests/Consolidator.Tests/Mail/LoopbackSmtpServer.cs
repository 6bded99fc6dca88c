using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Consolidator.Tests.Mail;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1, hosted inside the test: it keeps
/// every message it accepts, byte for byte, and can refuse recipients, require a password, or
/// answer 451 to the first messages, as real servers do.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _transientLeft;
    private int _dataCommands;

    private LoopbackSmtpServer(Options options, int port, EndpointListenerFactory listeners, TaskCompletionSource<int> started)
    {
        _transientLeft = options.TransientFailures;
        var builder = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e =>
        {
            e.Endpoint(new IPEndPoint(IPAddress.Loopback, port));
            if (options.Credentials is not null) e.AuthenticationRequired().AllowUnsecureAuthentication();
            if (options.Certificate is not null) e.Certificate(options.Certificate);
            if (options.SslOnConnect) e.IsSecure(true);
        });
        var services = new SmtpServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        services.Add(new Recipients(options.Refuse));
        if (options.Credentials is { } c)
            services.Add(new DelegatingUserAuthenticator((user, password) => user == c.User && password == c.Password));
        _server = new SmtpServer.SmtpServer(builder.Build(), services);
        _running = _server.StartAsync(_stop.Token);
        Started = started.Task;
    }

    public sealed record Options
    {
        /// <summary>Recipients answered with 550.</summary>
        public IReadOnlyList<string> Refuse { get; init; } = [];

        /// <summary>When set, AUTH is required and only this user and password pass.</summary>
        public (string User, string Password)? Credentials { get; init; }

        /// <summary>How many messages are answered 451 (try again later) before the server accepts.</summary>
        public int TransientFailures { get; init; }

        /// <summary>When set, STARTTLS is offered with this certificate.</summary>
        public X509Certificate2? Certificate { get; init; }

        /// <summary>TLS from the first byte (SMTPS) with <see cref="Certificate"/>, instead of STARTTLS.</summary>
        public bool SslOnConnect { get; init; }
    }

    public sealed record Received(byte[] Raw, string From, IReadOnlyList<string> To)
    {
        public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Raw));
    }

    public int Port { get; private set; }

    /// <summary>Every message accepted, in order.</summary>
    public ConcurrentQueue<Received> Messages { get; } = new();

    /// <summary>DATA commands seen, accepted or not.</summary>
    public int DataCommands => Volatile.Read(ref _dataCommands);

    private Task<int> Started { get; }

    /// <summary>Starts on <paramref name="port"/>, or on a free port when 0.</summary>
    public static async Task<LoopbackSmtpServer> StartAsync(Options? options = null, int port = 0)
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var server = new LoopbackSmtpServer(options ?? new Options(), port, listeners, started);
        var running = await Task.WhenAny(server.Started, server._running, Task.Delay(TimeSpan.FromSeconds(10)));
        if (running != server.Started)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException("The loopback SMTP server did not start.", server._running.Exception);
        }
        server.Port = await server.Started;
        return server;
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on: a server that is down.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The server ends by cancellation.
        }
        _stop.Dispose();
    }

    private sealed class Recipients(IReadOnlyList<string> refused) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.Contains($"{to.User}@{to.Host}", StringComparer.OrdinalIgnoreCase));
    }

    private sealed class Store(LoopbackSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._dataCommands);
            if (Interlocked.Decrement(ref owner._transientLeft) >= 0)
                return Task.FromResult(new SmtpResponse((SmtpReplyCode)451, "4.3.0 Try again later"));
            owner.Messages.Enqueue(new Received(buffer.ToArray(), Address(transaction.From), transaction.To.Select(Address).ToList()));
            return Task.FromResult(SmtpResponse.Ok);
        }

        private static string Address(IMailbox m) => $"{m.User}@{m.Host}";
    }
}
