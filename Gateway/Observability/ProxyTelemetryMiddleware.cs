using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
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
    private const string ErrorTypeTag = "error.type";

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
        var started = log ? Stopwatch.GetTimestamp() : 0;
        metrics.ProxyRequestStarted();
        try
        {
            await next(context);
        }
        finally
        {
            var outcome = Outcome(context);
            var status = context.Response.StatusCode;
            metrics.ProxyRequestCompleted(outcome, status);
            if (status >= StatusCodes.Status500InternalServerError)
            {
                MarkServerError(context, status);
            }

            if (log)
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var tokenId = context.Features.Get<ValidatedToken>()?.TokenId;
                var outcomeName = ProxyOutcomes.Name(outcome);
                ProxyRequestLog.Completed(_requestLog, context.Request.Method, context.Request.Path, status, outcomeName, tokenId, elapsedMs);
            }
        }
    }

    /// <summary>
    /// Gives ASP.NET Core's <c>http.server.request.duration</c> the <c>error.type</c> the HTTP semantic conventions ask
    /// for on a 5xx answer (the status code), which ASP.NET Core 10 sets only when an exception escapes. The proxy
    /// route's 5xx (the upstream's, or the gateway's 502/503/504) are the ones without an exception.
    /// </summary>
    private static void MarkServerError(HttpContext context, int status)
    {
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { MetricsDisabled: false } feature
            && !feature.Tags.Any(static tag => tag.Key == ErrorTypeTag))
        {
            feature.Tags.Add(new(ErrorTypeTag, status.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static ProxyOutcome Outcome(HttpContext context)
    {
        if (context.GetForwarderErrorFeature() is { } failure)
        {
            return IsClientAbort(failure.Error) || context.RequestAborted.IsCancellationRequested
                ? ProxyOutcome.ClientAborted
                : ProxyOutcome.UpstreamError;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            return ProxyOutcome.ClientAborted;
        }

        // YARP sets the proxied destination only once it has picked one and is about to forward.
        return context.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is null ? ProxyOutcome.Refused : ProxyOutcome.Forwarded;
    }

    private static bool IsClientAbort(ForwarderError error) => error is ForwarderError.RequestCanceled
        or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled or ForwarderError.UpgradeRequestCanceled
        or ForwarderError.UpgradeResponseCanceled or ForwarderError.ResponseBodyClient or ForwarderError.UpgradeResponseClient;
}
