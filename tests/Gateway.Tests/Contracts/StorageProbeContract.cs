using ScimGateway.Gateway.Health;

namespace ScimGateway.Gateway.Tests.Contracts;

/// <summary>What every <see cref="IStorageProbe"/> must do: say "ok" on working storage and "failed", not throw, on broken storage.</summary>
public abstract class StorageProbeContract
{
    /// <summary>A probe over fresh, working storage.</summary>
    protected abstract IStorageProbe CreateProbe();

    /// <summary>Makes the storage behind the last probe unusable (closed, gone).</summary>
    protected abstract void BreakStorage();

    [ContractFact]
    public void OnWorkingStorage_TheMarkerIsReadBack_AndTheStorageIsReachable()
    {
        var probe = CreateProbe();

        Assert.Equal(StorageProbeOutcome.Ok, probe.WriteAndReadBack(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)).Outcome);
        Assert.Equal(StorageProbeOutcome.Ok, probe.WriteAndReadBack(new DateTime(2026, 3, 1, 0, 0, 1, DateTimeKind.Utc)).Outcome);
        Assert.True(probe.IsReachable());
    }

    [ContractFact]
    public void OnBrokenStorage_TheProbeReportsAFailure_WithTheCause_InsteadOfThrowing()
    {
        var probe = CreateProbe();
        BreakStorage();

        var result = probe.WriteAndReadBack(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(StorageProbeOutcome.Failed, result.Outcome);
        Assert.NotNull(result.Failure);
    }
}
