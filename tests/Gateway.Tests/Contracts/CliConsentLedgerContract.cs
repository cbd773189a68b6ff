using ScimGateway.Gateway.CliLogin;

namespace ScimGateway.Gateway.Tests.Contracts;

/// <summary>
/// What every <see cref="ICliConsentLedger"/> must do: a consent is spent once, across calls and across threads.
/// A subclass supplies a fresh, empty ledger on real storage.
/// </summary>
public abstract class CliConsentLedgerContract
{
    /// <summary>A fresh, empty ledger whose clock reads <see cref="Now"/>.</summary>
    protected abstract ICliConsentLedger CreateLedger();

    /// <summary>The time the ledger's clock reads.</summary>
    protected static DateTimeOffset Now { get; } = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [ContractFact]
    public void AConsent_IsSpentOnce()
    {
        var ledger = CreateLedger();

        Assert.True(ledger.TryConsume("consent-1", Now.AddMinutes(10)));
        Assert.False(ledger.TryConsume("consent-1", Now.AddMinutes(10)));
        Assert.False(ledger.TryConsume("consent-1", Now.AddMinutes(20)));
    }

    [ContractFact]
    public void DifferentConsents_AreIndependent()
    {
        var ledger = CreateLedger();

        Assert.True(ledger.TryConsume("consent-a", Now.AddMinutes(10)));
        Assert.True(ledger.TryConsume("consent-b", Now.AddMinutes(10)));
        Assert.False(ledger.TryConsume("consent-a", Now.AddMinutes(10)));
    }

    [ContractFact]
    public void TwoParallelSpends_OfTheSameConsent_ExactlyOneWins()
    {
        var ledger = CreateLedger();
        for (var round = 0; round < 25; round++)
        {
            var id = $"race-{round}";
            using var start = new Barrier(2);
            var outcomes = new bool[2];
            var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                outcomes[i] = ledger.TryConsume(id, Now.AddMinutes(10));
            })).ToArray();

            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            Assert.Equal(1, outcomes.Count(won => won));
        }
    }

    [ContractFact]
    public void ManyParallelSpends_EachConsentWonOnce()
    {
        var ledger = CreateLedger();
        var ids = Enumerable.Range(0, 20).Select(i => $"burst-{i}").ToArray();
        var wins = new int[ids.Length];

        Parallel.For(0, ids.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (ledger.TryConsume(ids[i % ids.Length], Now.AddMinutes(10)))
            {
                Interlocked.Increment(ref wins[i % ids.Length]);
            }
        });

        Assert.All(wins, count => Assert.Equal(1, count));
    }
}
