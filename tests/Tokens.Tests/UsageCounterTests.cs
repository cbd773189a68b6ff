using System.Net;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Tests;

public sealed class UsageCounterTests
{
    [Fact]
    public void Record_CountsByOutcome_AndKeepsTheLatestUse()
    {
        var counter = new UsageCounter("t");

        counter.Record(200, 10, IPAddress.Loopback);
        counter.Record(302, 30, IPAddress.IPv6Loopback);
        counter.Record(404, 20, IPAddress.Parse("10.0.0.1"));
        counter.Record(503, 25, null);

        Assert.Equal(2, counter.Success);
        Assert.Equal(1, counter.ClientError);
        Assert.Equal(1, counter.ServerError);
        Assert.Equal(30, counter.LastUsedTicks);
        Assert.Equal(IPAddress.IPv6Loopback, counter.LastAddress);
    }

    [Fact]
    public void Accumulator_FlushesOnlyWhatIsNew()
    {
        var accumulator = new UsageAccumulator();
        var minute = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        accumulator.For("a").Record(200, minute, null);
        var written = new List<UsageDelta>();

        accumulator.Flush(written.AddRange, minute);
        accumulator.Flush(written.AddRange, minute);
        accumulator.For("a").Record(404, minute + 1, null);
        accumulator.Flush(written.AddRange, minute);

        Assert.Equal(2, written.Count);
        Assert.Equal(1, written.Sum(d => d.Success));
        Assert.Equal(1, written.Sum(d => d.ClientError));
    }

    [Fact]
    public void Record_FromManyThreads_LosesNothing()
    {
        var counter = new UsageCounter("t");

        Parallel.For(0, 10_000, i => counter.Record(i % 2 == 0 ? 200 : 500, i, null));

        Assert.Equal(5_000, counter.Success);
        Assert.Equal(5_000, counter.ServerError);
        Assert.Equal(9_999, counter.LastUsedTicks);
    }
}
