using System.Net;
using System.Net.Sockets;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// A loopback TCP relay between the gateway nodes and PostgreSQL that a test can cut, to make the database "go away"
/// for the nodes only (the test keeps its own direct connection): <see cref="Cut"/> resets every relayed connection and
/// refuses new ones, as a dead database host or a cut network would; <see cref="Restore"/> accepts again.
/// </summary>
public sealed class DatabaseLink : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    private DatabaseLink(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    /// <summary>The port nodes connect to instead of PostgreSQL's.</summary>
    public int Port { get; }

    /// <summary>Starts relaying to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static DatabaseLink Start(string host, int port)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var ownPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var link = new DatabaseLink(new IPEndPoint(IPAddress.Parse(host == "localhost" ? "127.0.0.1" : host), port), ownPort);
        link.Restore();
        return link;
    }

    /// <summary>Closes every relayed connection and stops accepting: the database is away.</summary>
    public void Cut()
    {
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open)
            {
                try
                {
                    // A reset, not a polite close: what a node sees when the database host dies.
                    client.Client?.LingerState = new LingerOption(true, 0);
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    // Already closed by its other half.
                }

                client.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Accepts connections again: the database is back.</summary>
    public void Restore()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Cut();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target, _stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // Cut, or the other side closed: end both halves.
        }

        from.Dispose();
        to.Dispose();
    }
}
