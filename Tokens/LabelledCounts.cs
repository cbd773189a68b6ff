using System.Diagnostics.Metrics;

namespace ScimGateway.Tokens;

/// <summary>
/// Counts for a counter whose label sets are known in advance, one cell per set: the request path increments a cell
/// (an interlocked add, nothing allocated, no lookup), and an observable counter reads the cells only when metrics are
/// collected. A synchronous counter would cost each request an aggregator lookup by its labels. Shared by the modules'
/// meters (the token module is the one every other references).
/// </summary>
public sealed class LabelledCounts
{
    private readonly KeyValuePair<string, object?>[][] _labels;
    private readonly long[] _counts;

    /// <summary>Cell <c>i</c> is reported with <paramref name="labels"/>[<c>i</c>].</summary>
    public LabelledCounts(KeyValuePair<string, object?>[][] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = labels;
        _counts = new long[labels.Length];
    }

    /// <summary>Counts one in <paramref name="cell"/>.</summary>
    public void Increment(int cell) => Interlocked.Increment(ref _counts[cell]);

    /// <summary>The counts so far, for an observable counter; label sets never counted are left out, as a synchronous counter would leave them.</summary>
    public IEnumerable<Measurement<long>> Observe()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            if (Volatile.Read(ref _counts[i]) is var count and > 0)
            {
                yield return new Measurement<long>(count, _labels[i]);
            }
        }
    }
}
