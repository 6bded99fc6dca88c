using System.Net;
using System.Net.Sockets;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// A TCP listener on 127.0.0.1 that counts connections: a file that points at its address proves,
/// by a count of zero, that nothing followed the reference.
/// </summary>
internal sealed class LoopbackListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public LoopbackListener()
    {
        _listener.Start();
        _accepting = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }
            }
        });
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    /// <summary>
    /// Every connection made so far, without waiting for time to pass: the accepting stops, then the
    /// connections the kernel completed but nobody accepted yet (the backlog) are counted too. A
    /// connection made before this call has completed its handshake (connect returns only then), so
    /// it is counted whether or not it was accepted: the count cannot come out zero early.
    /// </summary>
    public int Connections
    {
        get
        {
            Settle();
            while (_listener.Pending())
            {
                using var client = _listener.AcceptTcpClient();
                Interlocked.Increment(ref _connections);
            }
            return Volatile.Read(ref _connections);
        }
    }

    private void Settle()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    public void Dispose()
    {
        Settle();
        _listener.Stop();
        _stop.Dispose();
    }
}
