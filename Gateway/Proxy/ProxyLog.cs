using Yarp.ReverseProxy.Forwarder;

namespace ScimGateway.Gateway.Proxy;

/// <summary>Source-generated logging of the proxy, event ids 2000-2099. Never logs a token or the upstream credential.</summary>
internal static partial class ProxyLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Forwarding {Method} {Path} for token {TokenId} failed with {Error}; the gateway answered {StatusCode}.")]
    public static partial void ForwardFailed(ILogger logger, string method, PathString path, string? tokenId, ForwarderError error, int statusCode, Exception? exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug,
        Message = "The client of {Method} {Path} went away while it was being forwarded ({Error}).")]
    public static partial void ClientAborted(ILogger logger, string method, PathString path, ForwarderError error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "The upstream {Address} is now {Status}.")]
    public static partial void UpstreamStatusChanged(ILogger logger, string address, string status, Exception? exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information,
        Message = "Refused to forward {Method} {Path}: {Reason}")]
    public static partial void Refused(ILogger logger, string method, PathString path, string reason);
}
