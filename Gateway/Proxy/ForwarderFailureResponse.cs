using System.Net.Sockets;
using ScimGateway.Gateway.Errors;
using ScimGateway.Tokens.Validation;
using Yarp.ReverseProxy.Forwarder;

namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// The answer to a request YARP failed to forward: when that happened before the response started, YARP has set
/// 502/504 with an empty body, and this writes a problem+json body that names the cause, so that a client sees
/// "upstream unreachable" rather than a bare status. The upstream's address and exception text go to the log only.
/// </summary>
internal static class ForwarderFailureResponse
{
    /// <summary>Logs the failure and, unless the client went away or the upstream's answer already started, writes the body.</summary>
    public static Task WriteAsync(HttpContext context, IForwarderErrorFeature failure, ILogger logger)
    {
        if (IsClientAbort(failure.Error) || context.RequestAborted.IsCancellationRequested)
        {
            ProxyLog.ClientAborted(logger, context.Request.Method, context.Request.Path, failure.Error);
            return Task.CompletedTask;
        }

        var (status, detail) = Describe(failure.Error, failure.Exception, context);
        ProxyLog.ForwardFailed(logger, context.Request.Method, context.Request.Path, context.Features.Get<ValidatedToken>()?.TokenId,
            failure.Error, context.Response.HasStarted ? context.Response.StatusCode : status, failure.Exception);
        if (context.Response.HasStarted)
        {
            // The upstream's status and headers are already on the wire; YARP has aborted the response.
            return Task.CompletedTask;
        }

        context.Response.Clear();
        return ErrorResponses.WriteAsync(context, status, detail);
    }

    /// <summary>Failures that are the client's doing (it cancelled or stopped reading), not the upstream's.</summary>
    public static bool IsClientAbort(ForwarderError error) => error is ForwarderError.RequestCanceled
        or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled or ForwarderError.UpgradeRequestCanceled
        or ForwarderError.UpgradeResponseCanceled or ForwarderError.ResponseBodyClient or ForwarderError.UpgradeResponseClient;

    private static (int Status, string Detail) Describe(ForwarderError error, Exception? exception, HttpContext context) => error switch
    {
        ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout,
            $"The upstream Qualytics API did not answer within {ActivityTimeout(context)}."),
        ForwarderError.RequestBodyClient when FindBadRequest(exception) is { } bad => (bad.StatusCode,
            bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is larger than the gateway accepts." : "The request body could not be read."),
        ForwarderError.RequestBodyClient => (StatusCodes.Status400BadRequest, "The request body could not be read from the client."),
        ForwarderError.NoAvailableDestinations => (StatusCodes.Status503ServiceUnavailable, "No upstream Qualytics API destination is available."),
        ForwarderError.Request when FindSocketError(exception) is { } socket => (StatusCodes.Status502BadGateway,
            $"The upstream Qualytics API could not be reached ({Describe(socket)})."),
        ForwarderError.Request => (StatusCodes.Status502BadGateway, "The upstream Qualytics API could not be reached or refused the request."),
        ForwarderError.RequestBodyDestination => (StatusCodes.Status502BadGateway, "The upstream Qualytics API stopped reading the request body."),
        _ => (StatusCodes.Status502BadGateway, "The upstream Qualytics API failed to answer the request."),
    };

    private static string ActivityTimeout(HttpContext context) =>
        context.GetReverseProxyFeature().Cluster.Config.HttpRequest?.ActivityTimeout is { } timeout
            ? $"{timeout.TotalSeconds:0.###} s"
            : "100 s (YARP's default)";

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host name not found",
        SocketError.TimedOut => "connection timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
        SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection reset",
        _ => "network error",
    };

    private static SocketError? FindSocketError(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    private static BadHttpRequestException? FindBadRequest(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BadHttpRequestException bad)
            {
                return bad;
            }
        }

        return null;
    }
}
