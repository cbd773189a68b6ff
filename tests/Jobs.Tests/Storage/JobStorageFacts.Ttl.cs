using Hangfire.States;

namespace ScimGateway.Jobs.Tests.Storage;

public abstract partial class JobStorageFacts
{
    [Fact]
    public void Ttl_IsNegativeForMissingAndPersistentKeys()
    {
        using var connection = Connect();
        Commit(connection, t =>
        {
            t.AddToSet("set", "a");
            t.InsertToList("list", "a");
            t.SetRangeInHash("hash", [new("f", "v")]);
        });

        Assert.True(connection.GetSetTtl("missing") < TimeSpan.Zero);
        Assert.True(connection.GetListTtl("missing") < TimeSpan.Zero);
        Assert.True(connection.GetHashTtl("missing") < TimeSpan.Zero);
        Assert.True(connection.GetSetTtl("set") < TimeSpan.Zero);
        Assert.True(connection.GetListTtl("list") < TimeSpan.Zero);
        Assert.True(connection.GetHashTtl("hash") < TimeSpan.Zero);
    }

    [Fact]
    public void Ttl_ExpireThenPersist_ClearsTheExpiry()
    {
        using var connection = Connect();
        Commit(connection, t =>
        {
            t.AddToSet("set", "a");
            t.InsertToList("list", "a");
            t.SetRangeInHash("hash", [new("f", "v")]);
        });

        Commit(connection, t =>
        {
            t.ExpireSet("set", TimeSpan.FromHours(1));
            t.ExpireList("list", TimeSpan.FromHours(1));
            t.ExpireHash("hash", TimeSpan.FromHours(1));
        });

        Assert.InRange(connection.GetSetTtl("set"), TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.InRange(connection.GetListTtl("list"), TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.InRange(connection.GetHashTtl("hash"), TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

        Commit(connection, t =>
        {
            t.PersistSet("set");
            t.PersistList("list");
            t.PersistHash("hash");
        });

        Assert.True(connection.GetSetTtl("set") < TimeSpan.Zero);
        Assert.True(connection.GetListTtl("list") < TimeSpan.Zero);
        Assert.True(connection.GetHashTtl("hash") < TimeSpan.Zero);
    }

    [Fact]
    public void ExpireJob_SetsExpireAt_PersistJob_ClearsIt()
    {
        using var connection = Connect();
        var id = CreateJobInState(connection, new SucceededState(null, 1, 1));
        var monitor = Storage.GetMonitoringApi();

        Commit(connection, t => t.ExpireJob(id, TimeSpan.FromDays(1)));
        Assert.InRange(monitor.JobDetails(id).ExpireAt!.Value, Clock.GetUtcNow().UtcDateTime.AddHours(23), Clock.GetUtcNow().UtcDateTime.AddHours(25));

        Commit(connection, t => t.PersistJob(id));
        Assert.Null(monitor.JobDetails(id).ExpireAt);
    }
}
