using ScimGateway.Tokens.Expiration;

namespace ScimGateway.Tokens.Tests.Contracts;

/// <summary>What every <see cref="IExpiryWarningStore"/> must do: one warning per token and threshold, delivery state kept, orphans pruned.</summary>
public abstract class ExpiryWarningStoreContract : StoreContract
{
    [ContractFact]
    public void TryAdd_ThenFind_ReturnsIt_PerTokenAndThreshold()
    {
        Assert.True(Stores.ExpiryWarnings.TryAdd(ExpiryWarningRecord.Announced("t1", 30, Now)));
        Assert.True(Stores.ExpiryWarnings.TryAdd(ExpiryWarningRecord.Announced("t1", 7, Now.AddDays(23))));

        var found = Stores.ExpiryWarnings.Find("t1", 30)!;
        Assert.Equal(("t1", 30, Now, false, 0), (found.TokenId, found.ThresholdDays, found.LoggedAt, found.Settled, found.FailedRuns));
        Assert.Equal(Now.AddDays(23), Stores.ExpiryWarnings.Find("t1", 7)!.LoggedAt);
    }

    [ContractFact]
    public void TryAdd_Again_IsFalse_AndKeepsTheFirst()
    {
        Stores.ExpiryWarnings.TryAdd(ExpiryWarningRecord.Announced("t1", 30, Now));

        Assert.False(Stores.ExpiryWarnings.TryAdd(ExpiryWarningRecord.Announced("t1", 30, Now.AddDays(1))));

        Assert.Equal(Now, Stores.ExpiryWarnings.Find("t1", 30)!.LoggedAt);
    }

    [ContractFact]
    public void TryAdd_InParallel_ExactlyOneLands()
    {
        var landed = AtOnce(8, i => Stores.ExpiryWarnings.TryAdd(ExpiryWarningRecord.Announced("t1", 7, Now.AddSeconds(i))));

        Assert.Single(landed, l => l);
    }

    [ContractFact]
    public void Update_KeepsTheDeliveryState()
    {
        Stores.ExpiryWarnings.TryAdd(ExpiryWarningRecord.Announced("t1", 30, Now));
        var record = Stores.ExpiryWarnings.Find("t1", 30)!;
        record.FailedRuns = 2;
        record.DeliveredAt = Now.AddHours(1);

        Assert.True(Stores.ExpiryWarnings.Update(record));

        var stored = Stores.ExpiryWarnings.Find("t1", 30)!;
        Assert.Equal((2, Now.AddHours(1), (DateTime?)null, true), (stored.FailedRuns, stored.DeliveredAt, stored.GaveUpAt, stored.Settled));
    }

    [ContractFact]
    public void NotFound_FindIsNull_AndUpdateIsFalse()
    {
        Assert.Null(Stores.ExpiryWarnings.Find("t1", 30));

        Assert.False(Stores.ExpiryWarnings.Update(ExpiryWarningRecord.Announced("t1", 30, Now)));

        Assert.Null(Stores.ExpiryWarnings.Find("t1", 30));
    }

    [ContractFact]
    public void PruneDeletedTokens_DeletesWarningsOfDeletedTokensOnly()
    {
        Insert(Token("kept"));
        Stores.ExpiryWarnings.TryAdd(ExpiryWarningRecord.Announced("kept", 30, Now));
        Stores.ExpiryWarnings.TryAdd(ExpiryWarningRecord.Announced("gone", 30, Now));
        Stores.ExpiryWarnings.TryAdd(ExpiryWarningRecord.Announced("gone", 7, Now));

        Assert.Equal(2, Stores.ExpiryWarnings.PruneDeletedTokens());
        Assert.Equal(0, Stores.ExpiryWarnings.PruneDeletedTokens());

        Assert.NotNull(Stores.ExpiryWarnings.Find("kept", 30));
        Assert.Null(Stores.ExpiryWarnings.Find("gone", 7));
    }
}
