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
/// per request. It runs only on the proxied side of <see cref="ProxyRouteFork"/>.
/// </summary>
internal sealed class ProxyRequestMiddleware(RequestDelegate next, GatewayMetrics metrics, TimeProvider time, ILoggerFactory loggerFactory)
{
    private readonly ILogger _requestLog = loggerFactory.CreateLogger(ProxyRequestLog.Category);
    private readonly ILogger _logger = loggerFactory.CreateLogger<ProxyRequestMiddleware>();

    public async Task InvokeAsync(HttpContext context)
    {
        var log = _requestLog.IsEnabled(LogLevel.Information);
        var started = log ? Stopwatch.GetTimestamp() : 0;

        // Read once: a meter listener that subscribes mid-request must not end a request it never saw start.
        var counted = metrics.Enabled;
        if (counted)
        {
            metrics.ProxyRequestStarted();
        }

        // What YARP and the authentication handler left on the request, read once for all four uses; an exception
        // that escapes leaves the reading to the finally block.
        RequestEnd? end = null;
        try
        {
            await next(context);
            end = RequestEnd.Read(context);
            if (end.Value.Failure is { } failure)
            {
                await ForwarderFailureResponse.WriteAsync(context, failure, _logger);
            }

            // YARP's pipeline sets IReverseProxyFeature when the route's endpoint runs, which is only once
            // authorization has passed: usage counts the requests a token was allowed to make, as on other endpoints.
            if (end.Value is { Token: { } token, Proxied: not null })
            {
                UsageRecordingMiddleware.Record(context, token, time);
            }
        }
        finally
        {
            Complete(context, counted, log, started, end ?? RequestEnd.Read(context));
        }
    }

    private void Complete(HttpContext context, bool counted, bool log, long started, RequestEnd end)
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

        var outcome = ProxyTelemetry.Outcome(context, end.Failure, end.Proxied);
        if (counted)
        {
            metrics.ProxyRequestCompleted(outcome, status);
        }

        if (log)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var outcomeName = ProxyOutcomes.Name(outcome);
            ProxyRequestLog.Completed(_requestLog, context.Request.Method, context.Request.Path, status, outcomeName, end.Token?.TokenId, elapsedMs);
        }
    }

    /// <summary>The forwarder error, YARP's proxy feature (set once authorization passed) and the caller's token.</summary>
    private readonly record struct RequestEnd(IForwarderErrorFeature? Failure, IReverseProxyFeature? Proxied, ValidatedToken? Token)
    {
        public static RequestEnd Read(HttpContext context) =>
            new(context.GetForwarderErrorFeature(), context.Features.Get<IReverseProxyFeature>(), context.Features.Get<ValidatedToken>());
    }
}
