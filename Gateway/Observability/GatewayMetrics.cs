using System.Diagnostics;
using System.Diagnostics.Metrics;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Observability;

/// <summary>
/// The gateway's own instruments, on the meter <see cref="MeterName"/>: proxied requests by outcome and status
/// class and in flight, and in cluster mode how long changes take to reach this node.
/// </summary>
public sealed class GatewayMetrics
{
    /// <summary>The meter's name, for exporters to subscribe to.</summary>
    public const string MeterName = "ScimGateway.Gateway";

    // 1xx..5xx, then anything outside 100-599.
    private const int StatusClassCount = 6;
    private static readonly string[] s_statusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx", "other"];
    private static readonly KeyValuePair<string, object?>[][] s_requestLabels = BuildRequestLabels();

    // The goal is p50 under 100 ms and p99 under 1 s: buckets fine below a second, a few above to see outages.
    private static readonly double[] s_lagBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    // One cell per (outcome, status class). The latency of proxied requests is ASP.NET Core's
    // http.server.request.duration on the proxy route, so it is not measured twice.
    private readonly LabelledCounts _requests = new(s_requestLabels);
    private long _activeRequests;
    private readonly ObservableCounter<long> _requestsInstrument;
    private readonly Histogram<double> _changeLag;

    /// <summary>Creates the instruments on a meter owned by <paramref name="meterFactory"/>.</summary>
    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requestsInstrument = meter.CreateObservableCounter("gateway.proxy.requests", _requests.Observe, "{request}",
            "Requests to the proxied Qualytics API, by outcome and by the status class the client received.");
        meter.CreateObservableUpDownCounter("gateway.proxy.active_requests", () => Volatile.Read(ref _activeRequests), "{request}",
            "Requests to the proxied Qualytics API in flight on this node (ASP.NET Core's http.server.active_requests is not collected: two labelled updates per request).");
        _changeLag = meter.CreateHistogram<double>("gateway.cluster.change.lag", "s",
            "Cluster mode: time from a change that can invalidate tokens (revoke, restore, delete, an owner's deactivation, deletion or role change) being written to the database to this node evicting it from its validation cache, by kind.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_lagBuckets });
    }

    /// <summary>Whether anything collects the proxy counts; lets the caller skip measuring.</summary>
    public bool Enabled => _requestsInstrument.Enabled;

    /// <summary>Notes a proxied request in flight, until <see cref="ProxyRequestCompleted"/>.</summary>
    public void ProxyRequestStarted() => Interlocked.Increment(ref _activeRequests);

    /// <summary>Counts one proxied request and ends its time in flight: interlocked updates, nothing allocated, no lookup.</summary>
    public void ProxyRequestCompleted(ProxyOutcome outcome, int status)
    {
        Interlocked.Decrement(ref _activeRequests);
        var statusClass = status is >= 100 and < 600 ? (status / 100) - 1 : StatusClassCount - 1;
        _requests.Increment(((int)outcome * StatusClassCount) + statusClass);
    }

    /// <summary>
    /// Records how long a change-log row took to reach this node's cache; <paramref name="kind"/> is the row's kind
    /// (<c>token</c> or <c>owner</c>), one of two constants.
    /// </summary>
    public void ChangePropagated(string kind, double seconds) =>
        _changeLag.Record(Math.Max(0, seconds), new TagList { { "kind", kind } });

    private static KeyValuePair<string, object?>[][] BuildRequestLabels()
    {
        var outcomes = Enum.GetValues<ProxyOutcome>();
        var labels = new KeyValuePair<string, object?>[outcomes.Length * StatusClassCount][];
        foreach (var outcome in outcomes)
        {
            for (var statusClass = 0; statusClass < StatusClassCount; statusClass++)
            {
                labels[((int)outcome * StatusClassCount) + statusClass] =
                [
                    new("outcome", ProxyOutcomes.Name(outcome)),
                    new("status_class", s_statusClasses[statusClass]),
                ];
            }
        }

        return labels;
    }
}
