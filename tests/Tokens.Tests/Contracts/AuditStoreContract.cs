using ScimGateway.Tokens.Audit;

namespace ScimGateway.Tokens.Tests.Contracts;

/// <summary>What every <see cref="IAuditStore"/> must do: increasing ids, newest-first pages, lookups and pruning by age.</summary>
public abstract class AuditStoreContract : StoreContract
{
    [ContractFact]
    public void Append_SetsIncreasingIds_AndKeepsEveryField()
    {
        var first = Entry("a", "t1");
        var second = Entry("a", "t1");
        Stores.Audit.Append(first);
        Stores.Audit.Append(second);

        Assert.True(first.Id > 0);
        Assert.True(second.Id > first.Id);
        var stored = Stores.Audit.Find("a", "t1")[0];
        Assert.Equal((first.Id, Now, "tester", "Human", "Admin"), (stored.Id, stored.At, stored.Actor, stored.ActorKind, stored.ActorRole));
        Assert.Equal(("a", "t1", "10.0.0.1", "detail of t1"), (stored.Action, stored.Target, stored.ClientAddress, stored.Detail));
    }

    [ContractFact]
    public void Append_InParallel_AllLand_WithDistinctIds()
    {
        var entries = AtOnce(16, i =>
        {
            var entry = Entry("a", "t1");
            Stores.Audit.Append(entry);
            return entry.Id;
        });

        Assert.Equal(16, entries.Distinct().Count());
        Assert.Equal(16, Stores.Audit.ReadPage(1, 100).Total);
    }

    [ContractFact]
    public void ReadPage_IsNewestFirst_WithTotal_AndEmptyPastTheEnd()
    {
        for (var i = 0; i < 5; i++)
        {
            Stores.Audit.Append(Entry("a", $"t{i}"));
        }

        var first = Stores.Audit.ReadPage(1, 2);
        var third = Stores.Audit.ReadPage(3, 2);
        var past = Stores.Audit.ReadPage(4, 2);

        Assert.Equal(["t4", "t3"], first.Items.Select(r => r.Target));
        Assert.Equal((5, 1, 2), (first.Total, first.Page, first.PageSize));
        Assert.Equal(["t0"], third.Items.Select(r => r.Target));
        Assert.Empty(past.Items);
        Assert.Equal(5, past.Total);
    }

    [ContractFact]
    public void ReadPage_OfAnEmptyTrail_IsEmpty()
    {
        var page = Stores.Audit.ReadPage(1, 50);

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [ContractFact]
    public void Find_MatchesActionAndTarget_OldestFirst_AndIsEmptyWhenNone()
    {
        Stores.Audit.Append(Entry("token.revoked", "t1", Now));
        Stores.Audit.Append(Entry("token.restored", "t1", Now.AddMinutes(1)));
        Stores.Audit.Append(Entry("token.revoked", "t2", Now.AddMinutes(2)));
        Stores.Audit.Append(Entry("token.revoked", "t1", Now.AddMinutes(3)));

        Assert.Equal([Now, Now.AddMinutes(3)], Stores.Audit.Find("token.revoked", "t1").Select(r => r.At));
        Assert.Empty(Stores.Audit.Find("token.deleted", "t1"));
    }

    [ContractFact]
    public void PruneBefore_DeletesOnlyEarlierEntries()
    {
        Stores.Audit.Append(Entry("a", "old", Now.AddDays(-400)));
        Stores.Audit.Append(Entry("a", "edge", Now.AddDays(-365)));
        Stores.Audit.Append(Entry("a", "new", Now));

        Assert.Equal(1, Stores.Audit.PruneBefore(Now.AddDays(-365)));
        Assert.Equal(0, Stores.Audit.PruneBefore(Now.AddDays(-365)));
        Assert.Equal(["new", "edge"], Stores.Audit.ReadPage(1, 10).Items.Select(r => r.Target));
    }
}
