using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;

namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// Checks that the upstream accepts TCP connections: cheap (no TLS, no request the upstream would log or
/// authenticate), bounded by <see cref="UpstreamProbeOptions.Timeout"/>, and cached for
/// <see cref="UpstreamProbeOptions.CacheDuration"/> so that health checks never hammer the upstream. Concurrent callers
/// share one probe.
/// </summary>
internal sealed class UpstreamProbe(IProxyStateLookup proxyState, IOptions<GatewayOptions> options, TimeProvider time, ILogger<UpstreamProbe> logger)
{
    public const string ClusterId = "qualytics";
    public const string DestinationId = "primary";

    private readonly UpstreamProbeOptions _options = options.Value.UpstreamProbe;
    private readonly Lock _lock = new();
    private Task<UpstreamStatus>? _current;
    private string? _lastStatus;

    public Task<UpstreamStatus> CheckAsync()
    {
        lock (_lock)
        {
            if (_current is { } current && (!current.IsCompleted || time.GetUtcNow() - current.Result.CheckedAt < _options.CacheDuration))
            {
                return current;
            }

            // Not tied to one caller's cancellation: the probe is shared, and bounded by its own timeout.
            return _current = ProbeAsync();
        }
    }

    private async Task<UpstreamStatus> ProbeAsync()
    {
        var address = FindAddress();
        if (address is null)
        {
            return Note(new UpstreamStatus(UpstreamStatus.Unconfigured, null, time.GetUtcNow()), null);
        }

        var shown = address.GetLeftPart(UriPartial.Authority);
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            // The timeout bounds a real network wait (DNS and the TCP handshake), so it runs on the system timer
            // even where a test has replaced the clock; WaitAsync covers resolvers that ignore cancellation.
            using var timeout = new CancellationTokenSource(_options.Timeout);
            await socket.ConnectAsync(address.IdnHost, address.Port, timeout.Token).AsTask().WaitAsync(_options.Timeout);
            return Note(new UpstreamStatus(UpstreamStatus.Reachable, shown, time.GetUtcNow()), null);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or TimeoutException)
        {
            return Note(new UpstreamStatus(UpstreamStatus.Unreachable, shown, time.GetUtcNow()), ex);
        }
    }

    private Uri? FindAddress()
    {
        if (!proxyState.TryGetCluster(ClusterId, out var cluster))
        {
            return null;
        }

        var destination = cluster.Destinations.TryGetValue(DestinationId, out var primary) ? primary : cluster.Destinations.Values.FirstOrDefault();
        return destination is not null && Uri.TryCreate(destination.Model.Config.Address, UriKind.Absolute, out var uri) ? uri : null;
    }

    private UpstreamStatus Note(UpstreamStatus status, Exception? exception)
    {
        if (!string.Equals(Interlocked.Exchange(ref _lastStatus, status.Status), status.Status, StringComparison.Ordinal))
        {
            ProxyLog.UpstreamStatusChanged(logger, status.Address ?? "(none)", status.Status, exception);
        }

        return status;
    }
}
