using System.Net;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Tests.Contracts;
using ScimGateway.Tokens.Tests.Storage.LiteDb;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Tests.Usage;

/// <summary>The in-memory accumulator flushed into a real usage store: each request is written once, and a failed write loses nothing.</summary>
public sealed class UsageAccumulatorFlushTests : IDisposable
{
    private static readonly DateTime Noon = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private readonly TokenStoreSet _stores = LiteDbStores.Open();
    private readonly UsageAccumulator _accumulator = new();

    public UsageAccumulatorFlushTests() =>
        _stores.Tokens.Insert(new TokenRecord { Id = "t1", Hash = "h1", Name = "a", OwnerId = "o", OwnerNameKey = "o|A" },
            new AuditRecord { At = Noon, Actor = "cli", Action = AuditActions.TokenCreated, Target = "t1" });

    public void Dispose() => _stores.Dispose();

    [Fact]
    public void Flush_ThenFold_CountsEachRequestOnce_WithTheLatestUse()
    {
        var counter = _accumulator.For("t1");
        counter.Record(200, Noon.Ticks, IPAddress.Loopback);
        counter.Record(404, Noon.AddSeconds(30).Ticks, IPAddress.Loopback);
        counter.Record(503, Noon.AddMinutes(1).Ticks, IPAddress.Loopback);
        counter.Record(200, Noon.AddHours(12).Ticks, IPAddress.Parse("10.0.0.9"));
        Flush(Noon.AddHours(12));

        Assert.Equal(4, _stores.Usage.Fold().Requests);
        var token = _stores.Tokens.FindById("t1")!;
        Assert.Equal((Noon.AddHours(12), "10.0.0.9"), (token.LastUsedAt, token.LastUsedAddress));
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

        _stores.Usage.Fold();

        Assert.Equal(2, _stores.Usage.ReadDaily("t1", Noon.Date, Noon.Date).Single().Success);
    }

    [Fact]
    public void Flush_WhenWriteFails_OffersTheSameCountsAgain()
    {
        _accumulator.For("t1").Record(200, Noon.Ticks, null);

        Assert.Throws<IOException>(() => _accumulator.Flush(_ => throw new IOException("disk full"), Noon.Ticks));
        Flush(Noon);
        _stores.Usage.Fold();

        Assert.Equal(1, _stores.Usage.ReadDaily("t1", Noon.Date, Noon.Date).Single().Success);
    }

    [Fact]
    public void Flush_AfterALostAcknowledgement_RetriesTheSameBatchWithItsId_AndCountsItOnce()
    {
        var counter = _accumulator.For("t1");
        counter.Record(200, Noon.Ticks, null);
        var ids = new List<string>();

        // The store commits the batch, then the acknowledgement is lost.
        Assert.Throws<IOException>(() => _accumulator.Flush((flushId, deltas) =>
        {
            ids.Add(flushId);
            _stores.Usage.AddBuckets("node-a", flushId, deltas);
            throw new IOException("connection reset");
        }, Noon.Ticks));
        counter.Record(404, Noon.AddSeconds(5).Ticks, null);
        _accumulator.Flush((flushId, deltas) =>
        {
            ids.Add(flushId);
            _stores.Usage.AddBuckets("node-a", flushId, deltas);
        }, Noon.AddSeconds(5).Ticks);
        _stores.Usage.Fold();

        Assert.Equal(3, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[1], ids[2]);
        var day = _stores.Usage.ReadDaily("t1", Noon.Date, Noon.Date).Single();
        Assert.Equal((1L, 1L), (day.Success, day.ClientError));
    }

    private int Flush(DateTime now) => _accumulator.Flush(deltas => _stores.Usage.AddBuckets("node-a", deltas), now.Ticks);
}
