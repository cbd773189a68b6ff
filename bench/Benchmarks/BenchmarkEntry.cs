namespace ScimGateway.Benchmarks;

/// <summary>Anchors the benchmark assembly for <c>BenchmarkSwitcher</c>.</summary>
public static class BenchmarkEntry;
