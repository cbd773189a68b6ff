using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ScimGateway.Scim;

/// <summary>
/// The SCIM module's instruments, on the meter <see cref="MeterName"/>: every request that reached a SCIM endpoint,
/// by resource, operation and status. Labels come from the endpoint (a fixed set), never from the request's path,
/// filter or body, so no user name or id can become a label.
/// </summary>
public sealed class ScimMetrics
{
    /// <summary>The meter's name, for exporters to subscribe to.</summary>
    public const string MeterName = "ScimGateway.Scim";

    private readonly Counter<long> _operations;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on a meter owned by <paramref name="meterFactory"/>.</summary>
    public ScimMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _operations = meter.CreateCounter<long>("gateway.scim.operations", "{operation}",
            "SCIM requests answered, by resource, operation and HTTP status.");
        _duration = meter.CreateHistogram<double>("gateway.scim.operation.duration", "s",
            "How long SCIM requests took to handle, by resource and operation.");
    }

    /// <summary>Records one answered SCIM request.</summary>
    public void OperationCompleted(string resource, string operation, int status, double seconds)
    {
        var tags = new TagList { { "resource", resource }, { "operation", operation } };
        _duration.Record(seconds, tags);
        tags.Add("status", status);
        _operations.Add(1, tags);
    }
}
