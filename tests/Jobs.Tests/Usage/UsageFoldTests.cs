using System.Net;
using LiteDB;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Jobs.Tests.Usage;

public sealed class UsageFoldTests : IDisposable
{
    private static readonly DateTime Noon = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private readonly LiteDatabase _database = new(new MemoryStream(), new BsonMapper()) { UtcDate = true };
    private readonly LiteDbTokenStore _tokens;
    private readonly LiteDbUsageStore _usage;
    private readonly UsageAccumulator _accumulator = new();

    public UsageFoldTests()
    {
        _tokens = new LiteDbTokenStore(_database);
        _usage = new LiteDbUsageStore(_database, _tokens);
        _tokens.Insert(new TokenRecord { Id = "t1", Hash = "h1", Name = "a", OwnerId = "o", OwnerNameKey = "o|A" });
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Flush_ThenFold_CountsEachRequestOnce_AcrossMinutesHoursAndDays()
    {
        var counter = _accumulator.For("t1");
        counter.Record(200, Noon.Ticks, IPAddress.Loopback);
        counter.Record(404, Noon.AddSeconds(30).Ticks, IPAddress.Loopback);
        counter.Record(503, Noon.AddMinutes(1).Ticks, IPAddress.Loopback);
        counter.Record(200, Noon.AddHours(12).Ticks, IPAddress.Parse("10.0.0.9"));
        Flush(Noon.AddHours(12));

        var first = _usage.Fold();
        var second = _usage.Fold();

        Assert.Equal(4, first.Requests);
        Assert.Equal(0, second.Buckets);
        var days = _usage.ReadDaily("t1", Noon.Date, Noon.Date.AddDays(1));
        Assert.Equal([3L, 1L], days.Select(d => d.Success + d.ClientError + d.ServerError));
        Assert.Equal((1L, 1L, 1L), (days[0].Success, days[0].ClientError, days[0].ServerError));
        var token = _tokens.FindById("t1")!;
        Assert.Equal(Noon.AddHours(12), token.LastUsedAt);
        Assert.Equal("10.0.0.9", token.LastUsedAddress);
    }

    [Fact]
    public void Flush_Twice_WritesOnlyNewRequests()
    {
        var counter = _accumulator.For("t1");
        counter.Record(200, Noon.Ticks, null);
        Flush(Noon);
        counter.Record(200, Noon.AddSeconds(10).Ticks, null);
        Flush(Noon.AddSeconds(10));
        Assert.Equal(0, Flush(Noon.AddSeconds(20)));

        _usage.Fold();

        Assert.Equal(2, _usage.ReadDaily("t1", Noon.Date, Noon.Date).Single().Success);
    }

    [Fact]
    public void Flush_WhenWriteFails_OffersTheSameCountsAgain()
    {
        _accumulator.For("t1").Record(200, Noon.Ticks, null);

        Assert.Throws<IOException>(() => _accumulator.Flush(_ => throw new IOException("disk full"), Noon.Ticks));
        Flush(Noon);
        _usage.Fold();

        Assert.Equal(1, _usage.ReadDaily("t1", Noon.Date, Noon.Date).Single().Success);
    }

    [Fact]
    public void Fold_BucketsWrittenAfterAFold_AreFoldedByTheNext()
    {
        _accumulator.For("t1").Record(200, Noon.Ticks, null);
        Flush(Noon);
        _usage.Fold();
        _accumulator.For("t1").Record(500, Noon.AddMinutes(3).Ticks, null);
        Flush(Noon.AddMinutes(3));
        _usage.Fold();

        var day = _usage.ReadDaily("t1", Noon.Date, Noon.Date).Single();
        Assert.Equal((1L, 1L), (day.Success, day.ServerError));
    }

    [Fact]
    public void Prune_RemovesOldRollupsAndThoseOfDeletedTokens()
    {
        _accumulator.For("t1").Record(200, Noon.AddDays(-100).Ticks, null);
        _accumulator.For("gone").Record(200, Noon.Ticks, null);
        _accumulator.For("t1").Record(200, Noon.Ticks, null);
        Flush(Noon);
        _usage.Fold();

        Assert.Equal(2, _usage.PruneBefore(Noon.Date.AddDays(-90)));
        Assert.Equal(2, _usage.PruneTokens(id => _tokens.FindById(id) is not null));
        Assert.Empty(_usage.ReadDaily("gone", Noon.Date, Noon.Date));
        Assert.Single(_usage.ReadDaily("t1", Noon.Date.AddDays(-365), Noon.Date));
    }

    private int Flush(DateTime now) => _accumulator.Flush(deltas => _usage.AddBuckets("node-a", deltas), now.Ticks);
}
