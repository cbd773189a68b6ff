namespace ScimGateway.Benchmarks.Scim;

/// <summary>Latency samples in milliseconds and their percentiles.</summary>
internal sealed class Percentiles
{
    private readonly List<double> _samples = [];
    private readonly Lock _lock = new();

    public int Count => _samples.Count;

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _samples.Add(milliseconds);
        }
    }

    public double At(double percentile)
    {
        lock (_lock)
        {
            var sorted = _samples.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }

    public string Summary() => $"p50 {At(50):F2} ms, p95 {At(95):F2} ms, p99 {At(99):F2} ms, max {At(100):F2} ms (n={Count})";
}
