using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ScimGateway.Gateway.Observability;

/// <summary>
/// The gateway's own instruments, on the meter <see cref="MeterName"/>: proxied requests by outcome and status
/// class. Every label value is one of a few constant strings, so recording allocates nothing.
/// </summary>
public sealed class GatewayMetrics
{
    /// <summary>The meter's name, for exporters to subscribe to.</summary>
    public const string MeterName = "ScimGateway.Gateway";

    private static readonly string[] s_statusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    // The goal is p50 under 100 ms and p99 under 1 s: buckets fine below a second, a few above to see outages.
    private static readonly double[] s_lagBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _changeLag;

    /// <summary>Creates the instruments on a meter owned by <paramref name="meterFactory"/>.</summary>
    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("gateway.proxy.requests", "{request}",
            "Requests to the proxied Qualytics API, by outcome and by the status class the client received.");
        _duration = meter.CreateHistogram<double>("gateway.proxy.request.duration", "s",
            "Time from the proxy route being matched to the response being complete, by outcome.");
        _changeLag = meter.CreateHistogram<double>("gateway.cluster.change.lag", "s",
            "Cluster mode: time from a change that can invalidate tokens (revoke, restore, delete, an owner's deactivation, deletion or role change) being written to the database to this node evicting it from its validation cache, by kind.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_lagBuckets });
    }

    /// <summary>Whether anything listens; lets the caller skip reading the clock.</summary>
    public bool Enabled => _requests.Enabled || _duration.Enabled;

    /// <summary>Records one proxied request.</summary>
    public void ProxyRequestCompleted(string outcome, int status, double seconds)
    {
        var statusClass = status is >= 100 and < 600 ? s_statusClasses[(status / 100) - 1] : "other";
        _requests.Add(1, new TagList { { "outcome", outcome }, { "status_class", statusClass } });
        _duration.Record(seconds, new TagList { { "outcome", outcome } });
    }

    /// <summary>
    /// Records how long a change-log row took to reach this node's cache; <paramref name="kind"/> is the row's kind
    /// (<c>token</c> or <c>owner</c>), one of two constants.
    /// </summary>
    public void ChangePropagated(string kind, double seconds) =>
        _changeLag.Record(Math.Max(0, seconds), new TagList { { "kind", kind } });
}
