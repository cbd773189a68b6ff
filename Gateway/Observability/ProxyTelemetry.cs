using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using ScimGateway.Gateway.Proxy;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ScimGateway.Gateway.Observability;

/// <summary>What a finished request on the proxy route tells the metrics: its outcome, and <c>error.type</c> on a 5xx.</summary>
internal static class ProxyTelemetry
{
    private const string ErrorTypeTag = "error.type";

    /// <summary>
    /// How the request ended: refused by the gateway, forwarded, failed upstream, or abandoned by the client.
    /// <paramref name="failure"/> and <paramref name="proxied"/> are the request's forwarder-error and reverse-proxy
    /// features, which the caller has already read.
    /// </summary>
    public static ProxyOutcome Outcome(HttpContext context, IForwarderErrorFeature? failure, IReverseProxyFeature? proxied)
    {
        if (failure is not null)
        {
            return ForwarderFailureResponse.IsClientAbort(failure.Error) || context.RequestAborted.IsCancellationRequested
                ? ProxyOutcome.ClientAborted
                : ProxyOutcome.UpstreamError;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            return ProxyOutcome.ClientAborted;
        }

        // YARP sets the proxied destination only once it has picked one and is about to forward.
        return proxied?.ProxiedDestination is null ? ProxyOutcome.Refused : ProxyOutcome.Forwarded;
    }

    /// <summary>
    /// Gives ASP.NET Core's <c>http.server.request.duration</c> the <c>error.type</c> the HTTP semantic conventions ask
    /// for on a 5xx answer (the status code), which ASP.NET Core 10 sets only when an exception escapes. The proxy
    /// route's 5xx (the upstream's, or the gateway's 502/503/504) are the ones without an exception.
    /// </summary>
    public static void MarkServerError(HttpContext context, int status)
    {
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { MetricsDisabled: false } feature
            && !feature.Tags.Any(static tag => tag.Key == ErrorTypeTag))
        {
            feature.Tags.Add(new(ErrorTypeTag, status.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
