using Hangfire;
using Hangfire.Common;

namespace ScimGateway.Jobs.Hosting;

/// <summary>
/// Gives this module's jobs the retry policy of <c>Jobs:RetryAttempts</c> and <c>Jobs:RetryDelaySeconds</c>, per host
/// instead of through Hangfire's global filters, and leaves every other filter as it is. Also times this module's
/// jobs into <see cref="JobsMetrics"/>.
/// </summary>
internal sealed class JobRetryFilterProvider(IJobFilterProvider inner, JobsOptions options, JobsMetrics metrics) : IJobFilterProvider
{
    private readonly JobMetricsFilter _metrics = new(metrics);

    private readonly AutomaticRetryAttribute _retry = new()
    {
        Attempts = options.RetryAttempts,
        DelaysInSeconds = [options.RetryDelaySeconds],
        OnAttemptsExceeded = AttemptsExceededAction.Fail,
    };

    public IEnumerable<JobFilter> GetFilters(Job job)
    {
        var ours = job?.Type.Assembly == typeof(JobRetryFilterProvider).Assembly;
        foreach (var filter in inner.GetFilters(job))
        {
            if (!(ours && filter.Instance is AutomaticRetryAttribute))
            {
                yield return filter;
            }
        }

        if (ours)
        {
            yield return new JobFilter(_retry, JobFilterScope.Method, null);
            yield return new JobFilter(_metrics, JobFilterScope.Global, null);
        }
    }
}
