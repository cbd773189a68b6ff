using System.Diagnostics;
using ScimGateway.Tokens.Validation;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ScimGateway.Gateway.Observability;

/// <summary>
/// Runs before authentication, so that requests the proxy routes refuse (no valid token, SCIM token) count too:
/// counts each request matched to a proxy route by outcome and status class and, when the
/// <see cref="ProxyRequestLog.Category"/> category is enabled at Information, writes one line per request with the
/// token id, status and duration (never the token, never the query string).
/// </summary>
internal sealed class ProxyTelemetryMiddleware(RequestDelegate next, GatewayMetrics metrics, ILoggerFactory loggerFactory)
{
    private readonly ILogger _requestLog = loggerFactory.CreateLogger(ProxyRequestLog.Category);

    public Task InvokeAsync(HttpContext context)
    {
        var log = _requestLog.IsEnabled(LogLevel.Information);

        // Not async here: with nothing to record, the proxy path pays no state machine for this middleware.
        return (!metrics.Enabled && !log) || context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is null
            ? next(context)
            : MeasureAsync(context, log);
    }

    private async Task MeasureAsync(HttpContext context, bool log)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var outcome = Outcome(context);
            var status = context.Response.StatusCode;
            metrics.ProxyRequestCompleted(outcome, status, elapsed.TotalSeconds);
            if (log)
            {
                ProxyRequestLog.Completed(_requestLog, context.Request.Method, context.Request.Path, status, outcome,
                    context.Features.Get<ValidatedToken>()?.TokenId, elapsed.TotalMilliseconds);
            }
        }
    }

    private static string Outcome(HttpContext context)
    {
        if (context.GetForwarderErrorFeature() is { } failure)
        {
            return IsClientAbort(failure.Error) || context.RequestAborted.IsCancellationRequested
                ? ProxyOutcomes.ClientAborted
                : ProxyOutcomes.UpstreamError;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            return ProxyOutcomes.ClientAborted;
        }

        // YARP sets the proxied destination only once it has picked one and is about to forward.
        return context.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is null ? ProxyOutcomes.Refused : ProxyOutcomes.Forwarded;
    }

    private static bool IsClientAbort(ForwarderError error) => error is ForwarderError.RequestCanceled
        or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled or ForwarderError.UpgradeRequestCanceled
        or ForwarderError.UpgradeResponseCanceled or ForwarderError.ResponseBodyClient or ForwarderError.UpgradeResponseClient;
}
