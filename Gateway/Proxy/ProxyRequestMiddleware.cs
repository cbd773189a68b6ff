using System.Diagnostics;
using ScimGateway.Gateway.Observability;
using ScimGateway.Gateway.Usage;
using ScimGateway.Tokens.Validation;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// The one layer that waits for the end of a request matched to a proxy route. It sits before authentication, so that
/// requests the route refuses count too, and at the end it
/// <list type="bullet">
/// <item>writes the problem body when forwarding failed (<see cref="ForwarderFailureResponse"/>);</item>
/// <item>records the token's usage with the final status, for requests that passed authorization;</item>
/// <item>counts the request by outcome and status class, when metrics are on;</item>
/// <item>writes one line to the <see cref="ProxyRequestLog.Category"/> log, when that is on: token id, status and
/// duration, never the token, never the query string.</item>
/// </list>
/// Each of those used to be its own middleware, and each cost the proxy path an async state machine and an allocation
/// per request. Other requests pass straight through.
/// </summary>
internal sealed class ProxyRequestMiddleware(RequestDelegate next, GatewayMetrics metrics, TimeProvider time, ILoggerFactory loggerFactory)
{
    private readonly ILogger _requestLog = loggerFactory.CreateLogger(ProxyRequestLog.Category);
    private readonly ILogger _logger = loggerFactory.CreateLogger<ProxyRequestMiddleware>();

    public Task InvokeAsync(HttpContext context) => context.IsProxyRoute() ? HandleAsync(context) : next(context);

    private async Task HandleAsync(HttpContext context)
    {
        var log = _requestLog.IsEnabled(LogLevel.Information);
        var started = log ? Stopwatch.GetTimestamp() : 0;

        // Read once: a meter listener that subscribes mid-request must not end a request it never saw start.
        var counted = metrics.Enabled;
        if (counted)
        {
            metrics.ProxyRequestStarted();
        }

        try
        {
            await next(context);
            if (context.GetForwarderErrorFeature() is { } failure)
            {
                await ForwarderFailureResponse.WriteAsync(context, failure, _logger);
            }

            // YARP's pipeline sets IReverseProxyFeature when the route's endpoint runs, which is only once
            // authorization has passed: usage counts the requests a token was allowed to make, as on other endpoints.
            if (context.Features.Get<ValidatedToken>() is { } token && context.Features.Get<IReverseProxyFeature>() is not null)
            {
                UsageRecordingMiddleware.Record(context, token, time);
            }
        }
        finally
        {
            Complete(context, counted, log, started);
        }
    }

    private void Complete(HttpContext context, bool counted, bool log, long started)
    {
        var status = context.Response.StatusCode;
        if (status >= StatusCodes.Status500InternalServerError)
        {
            ProxyTelemetry.MarkServerError(context, status);
        }

        if (!counted && !log)
        {
            return;
        }

        var outcome = ProxyTelemetry.Outcome(context);
        if (counted)
        {
            metrics.ProxyRequestCompleted(outcome, status);
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
