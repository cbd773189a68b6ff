using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Tests.Contracts;

/// <summary>
/// What every <see cref="IUsageStore"/> must do: count each flushed request exactly once however flushes and folds
/// interleave, move last use onto tokens without touching their state, read and prune rollups by period.
/// </summary>
public abstract class UsageStoreContract : StoreContract
{
    private static readonly DateTime Noon = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [ContractFact]
    public void AddBuckets_ThenFold_CountsEachRequestOnce_AcrossMinutesHoursAndDays()
    {
        Insert(Token("t1"));
        Stores.Usage.AddBuckets("node-a",
        [
            Delta("t1", Noon, 1, 1, 0, Noon.AddSeconds(30)),
            Delta("t1", Noon.AddMinutes(1), 0, 0, 1, Noon.AddMinutes(1)),
            Delta("t1", Noon.AddHours(12), 1, 0, 0, Noon.AddHours(12), "10.0.0.9"),
        ]);

        var first = Stores.Usage.Fold();
        var second = Stores.Usage.Fold();

        Assert.Equal((3, 4L, 1, Noon.AddHours(12)), (first.Buckets, first.Requests, first.Tokens, first.LatestMinute));
        Assert.Equal((0, 0L, null), (second.Buckets, second.Requests, second.LatestMinute));
        var days = Stores.Usage.ReadDaily("t1", Noon.Date, Noon.Date.AddDays(1));
        Assert.Equal([Noon.Date, Noon.Date.AddDays(1)], days.Select(d => d.Period));
        Assert.Equal((1L, 1L, 1L), (days[0].Success, days[0].ClientError, days[0].ServerError));
        Assert.Equal((1L, 0L, 0L), (days[1].Success, days[1].ClientError, days[1].ServerError));
        var token = Stores.Tokens.FindById("t1")!;
        Assert.Equal((Noon.AddHours(12), "10.0.0.9"), (token.LastUsedAt, token.LastUsedAddress));
    }

    [ContractFact]
    public void AddBuckets_ForTheSameMinuteFromParallelFlushes_SumExactly()
    {
        Insert(Token("t1"));

        AtOnce(8, node =>
        {
            for (var flush = 0; flush < 5; flush++)
            {
                Stores.Usage.AddBuckets($"node-{node}", [Delta("t1", Noon, 3, 2, 1, Noon.AddSeconds(node))]);
            }

            return node;
        });
        Stores.Usage.Fold();

        var day = Assert.Single(Stores.Usage.ReadDaily("t1", Noon.Date, Noon.Date));
        Assert.Equal((120L, 80L, 40L), (day.Success, day.ClientError, day.ServerError));
        Assert.Equal(Noon.AddSeconds(7), Stores.Tokens.FindById("t1")!.LastUsedAt);
    }

    [ContractFact]
    public void Fold_WhileFlushesRun_CountsEveryRequestOnce()
    {
        Insert(Token("t1"));

        AtOnce(4, worker =>
        {
            for (var i = 0; i < 10; i++)
            {
                if (worker == 0)
                {
                    Stores.Usage.Fold();
                }
                else
                {
                    Stores.Usage.AddBuckets($"node-{worker}", [Delta("t1", Noon.AddMinutes(i), 1, 0, 0, Noon.AddMinutes(i))]);
                }
            }

            return worker;
        });
        Stores.Usage.Fold();

        Assert.Equal(30L, Assert.Single(Stores.Usage.ReadDaily("t1", Noon.Date, Noon.Date)).Success);
    }

    [ContractFact]
    public void Fold_BucketsAddedAfterAFold_AreFoldedByTheNext()
    {
        Insert(Token("t1"));
        Stores.Usage.AddBuckets("node-a", [Delta("t1", Noon, 1, 0, 0, Noon)]);
        Stores.Usage.Fold();
        Stores.Usage.AddBuckets("node-a", [Delta("t1", Noon.AddMinutes(3), 0, 0, 1, Noon.AddMinutes(3))]);
        Stores.Usage.Fold();

        var day = Assert.Single(Stores.Usage.ReadDaily("t1", Noon.Date, Noon.Date));
        Assert.Equal((1L, 1L), (day.Success, day.ServerError));
    }

    [ContractFact]
    public void AddBuckets_MovesLastUseForward_NeverBack_WithoutAFold()
    {
        Insert(Token("t1"));
        Stores.Usage.AddBuckets("node-a", [Delta("t1", Noon, 1, 0, 0, Noon.AddSeconds(40), "10.0.0.1")]);
        Stores.Usage.AddBuckets("node-b", [Delta("t1", Noon, 1, 0, 0, Noon.AddSeconds(10), "10.0.0.2")]);

        var token = Stores.Tokens.FindById("t1")!;
        Assert.Equal((Noon.AddSeconds(40), "10.0.0.1"), (token.LastUsedAt, token.LastUsedAddress));
    }

    [ContractFact]
    public void AddBucketsAndFold_NeverTouchATokensState()
    {
        Insert(Token("t1"));
        var read = Stores.Tokens.FindById("t1")!;
        read.RevokedAt = Noon;
        read.RevokedBy = "admin";
        Assert.True(Stores.Tokens.Update(read, null));

        Stores.Usage.AddBuckets("node-a", [Delta("t1", Noon, 1, 0, 0, Noon.AddMinutes(1))]);
        Stores.Usage.Fold();

        var stored = Stores.Tokens.FindById("t1")!;
        Assert.Equal((Noon, "admin", 1L), (stored.RevokedAt, stored.RevokedBy, stored.Version));
        Assert.Equal(Noon.AddMinutes(1), stored.LastUsedAt);
    }

    [ContractFact]
    public void ReadDaily_IsInclusive_OldestFirst_AndEmptyForUnknownTokens()
    {
        Insert(Token("t1"));
        Stores.Usage.AddBuckets("node-a",
        [
            Delta("t1", Noon.AddDays(-2), 1, 0, 0, Noon.AddDays(-2)),
            Delta("t1", Noon.AddDays(-1), 1, 0, 0, Noon.AddDays(-1)),
            Delta("t1", Noon, 1, 0, 0, Noon),
        ]);
        Stores.Usage.Fold();

        Assert.Equal([Noon.Date.AddDays(-1), Noon.Date], Stores.Usage.ReadDaily("t1", Noon.Date.AddDays(-1), Noon.Date).Select(d => d.Period));
        Assert.Empty(Stores.Usage.ReadDaily("missing", Noon.Date.AddDays(-30), Noon.Date));
    }

    [ContractFact]
    public void PruneBefore_DeletesOnlyRollupsOfEarlierPeriods()
    {
        Insert(Token("t1"));
        Stores.Usage.AddBuckets("node-a", [Delta("t1", Noon.AddDays(-100), 1, 0, 0, Noon.AddDays(-100)), Delta("t1", Noon, 1, 0, 0, Noon)]);
        Stores.Usage.Fold();

        // One hourly and one daily rollup of the old day.
        Assert.Equal(2, Stores.Usage.PruneBefore(Noon.Date.AddDays(-90)));
        Assert.Equal(0, Stores.Usage.PruneBefore(Noon.Date.AddDays(-90)));
        Assert.Equal([Noon.Date], Stores.Usage.ReadDaily("t1", Noon.Date.AddDays(-365), Noon.Date).Select(d => d.Period));
    }

    [ContractFact]
    public void PruneDeletedTokens_DeletesBucketsAndRollupsOfDeletedTokensOnly()
    {
        Insert(Token("t1"));
        Insert(Token("gone"));
        Stores.Usage.AddBuckets("node-a", [Delta("t1", Noon, 1, 0, 0, Noon), Delta("gone", Noon, 1, 0, 0, Noon)]);
        Stores.Usage.Fold();
        Stores.Usage.AddBuckets("node-a", [Delta("gone", Noon.AddMinutes(1), 1, 0, 0, Noon.AddMinutes(1))]);
        Assert.True(Stores.Tokens.Delete("gone", Entry("token.deleted", "gone")));

        // The hourly and daily rollups and the unfolded bucket of the deleted token.
        Assert.Equal(3, Stores.Usage.PruneDeletedTokens());
        Assert.Equal(0, Stores.Usage.PruneDeletedTokens());
        Stores.Usage.Fold();
        Assert.Empty(Stores.Usage.ReadDaily("gone", Noon.Date, Noon.Date));
        Assert.Single(Stores.Usage.ReadDaily("t1", Noon.Date, Noon.Date));
    }

    private static UsageDelta Delta(string tokenId, DateTime minute, long success, long clientError, long serverError, DateTime lastUsedAt,
        string? address = null) =>
        new(tokenId, minute, success, clientError, serverError, lastUsedAt, address);
}
