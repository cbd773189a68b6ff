using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs.Tests.Contracts;

/// <summary>
/// What every <see cref="IJobWatermarkStore"/> must do: null before the first run, positions that never move back,
/// one watermark per job. An engine's test class derives from it and opens the store on a fresh, empty database.
/// </summary>
public abstract class JobWatermarkStoreContract : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
    private readonly Lazy<(IJobWatermarkStore Store, IDisposable Database)> _opened;

    /// <summary>Opens the store once per test.</summary>
    protected JobWatermarkStoreContract() => _opened = new(OpenStore);

    private IJobWatermarkStore Store => _opened.Value.Store;

    /// <summary>The store on a fresh, empty database, and what drops that database.</summary>
    protected abstract (IJobWatermarkStore Store, IDisposable Database) OpenStore();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_opened.IsValueCreated)
        {
            _opened.Value.Database.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    [ContractFact]
    public void Find_BeforeTheFirstRun_IsNull()
    {
        Assert.Null(Store.Find("token-expiration"));
    }

    [ContractFact]
    public void Advance_RecordsTheRun_PerJob()
    {
        Store.Advance("usage-rollup", Now, Now.AddSeconds(5), "3 buckets folded");
        Store.Advance("token-expiration", Now.AddMinutes(1), Now.AddMinutes(1), "1 marked expired");

        var rollup = Store.Find("usage-rollup")!;
        Assert.Equal(("usage-rollup", Now, Now.AddSeconds(5), "3 buckets folded"), (rollup.Id, rollup.Position, rollup.CompletedAt, rollup.Summary));
        Assert.Equal(Now.AddMinutes(1), Store.Find("token-expiration")!.Position);
    }

    [ContractFact]
    public void Advance_ToAnEarlierPosition_KeepsThePosition_AndRecordsTheRun()
    {
        Store.Advance("usage-rollup", Now, Now, "first");

        Store.Advance("usage-rollup", Now.AddMinutes(-5), Now.AddMinutes(1), "second");

        var watermark = Store.Find("usage-rollup")!;
        Assert.Equal((Now, Now.AddMinutes(1), "second"), (watermark.Position, watermark.CompletedAt, watermark.Summary));
    }

    [ContractFact]
    public void Advance_FromParallelRuns_EndsAtTheLatestPosition()
    {
        Parallel.For(0, 16, i => Store.Advance("usage-rollup", Now.AddMinutes(i), Now, $"run {i}"));

        Assert.Equal(Now.AddMinutes(15), Store.Find("usage-rollup")!.Position);
    }
}
