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

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on a meter owned by <paramref name="meterFactory"/>.</summary>
    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("gateway.proxy.requests", "{request}",
            "Requests to the proxied Qualytics API, by outcome and by the status class the client received.");
        _duration = meter.CreateHistogram<double>("gateway.proxy.request.duration", "s",
            "Time from the proxy route being matched to the response being complete, by outcome.");
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
}
