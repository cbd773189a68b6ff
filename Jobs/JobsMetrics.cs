using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ScimGateway.Jobs;

/// <summary>
/// The jobs module's instruments, on the meter <see cref="MeterName"/>: runs of this module's jobs by job id and
/// outcome, and how long they took. The job label is one of <see cref="JobIds"/>.
/// </summary>
public sealed class JobsMetrics
{
    /// <summary>The meter's name, for exporters to subscribe to.</summary>
    public const string MeterName = "ScimGateway.Jobs";

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on a meter owned by <paramref name="meterFactory"/>.</summary>
    public JobsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _runs = meter.CreateCounter<long>("gateway.job.runs", "{run}",
            "Background job runs on this node, by job and outcome (succeeded or failed; a failed run may be retried).");
        _duration = meter.CreateHistogram<double>("gateway.job.duration", "s",
            "How long background job runs took, by job and outcome.");
    }

    /// <summary>Records one finished run.</summary>
    public void RunCompleted(string job, bool succeeded, double seconds)
    {
        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "succeeded" : "failed" } };
        _runs.Add(1, tags);
        _duration.Record(seconds, tags);
    }
}
