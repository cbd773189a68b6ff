using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

namespace ScimGateway.Jobs.Tests.Storage;

public abstract partial class JobStorageFacts
{
    [Fact]
    public void CreateExpiredJob_GetJobData_ReturnsJobWithoutStateAndWithParameters()
    {
        using var connection = Connect();
        var created = DateTime.UtcNow;
        var id = connection.CreateExpiredJob(EmptyJob("critical"), new Dictionary<string, string> { ["CurrentCulture"] = "en-US" }, created, TimeSpan.FromHours(1));

        var data = connection.GetJobData(id);

        Assert.NotNull(data);
        Assert.Null(data.State);
        Assert.Null(data.LoadException);
        Assert.Equal(nameof(TestJobs.Empty), data.Job.Method.Name);
        Assert.Equal("critical", data.Job.Queue);
        Assert.InRange(data.CreatedAt, created.AddSeconds(-1), created.AddSeconds(1));
        Assert.Equal("en-US", data.ParametersSnapshot["CurrentCulture"]);
        Assert.Equal("en-US", connection.GetJobParameter(id, "CurrentCulture"));
        Assert.Null(connection.GetStateData(id));
    }

    [Fact]
    public void GetJobData_UnknownId_ReturnsNull()
    {
        using var connection = Connect();

        Assert.Null(connection.GetJobData("987654321"));
        Assert.Null(connection.GetStateData("987654321"));
    }

    [Fact]
    public void SetJobParameter_OverwritesAndMissingParameterIsNull()
    {
        using var connection = Connect();
        var id = CreateJob(connection);

        connection.SetJobParameter(id, "RetryCount", "1");
        connection.SetJobParameter(id, "RetryCount", "2");

        Assert.Equal("2", connection.GetJobParameter(id, "RetryCount"));
        Assert.Null(connection.GetJobParameter(id, "Missing"));
    }

    [Fact]
    public void SetJobState_IsCurrent_AddJobState_OnlyExtendsHistory()
    {
        using var connection = Connect();
        var id = CreateJob(connection);

        Commit(connection, t => t.SetJobState(id, new EnqueuedState("default") { Reason = "first" }));
        Commit(connection, t => t.AddJobState(id, Processing("server-1", "worker-1")));

        var state = connection.GetStateData(id);
        Assert.Equal(EnqueuedState.StateName, state.Name);
        Assert.Equal("first", state.Reason);
        Assert.Equal("default", state.Data["Queue"]);
        Assert.Equal(EnqueuedState.StateName, connection.GetJobData(id).State);
        var history = Monitor().JobDetails(id).History;
        Assert.Equal([ProcessingState.StateName, EnqueuedState.StateName], history.Select(h => h.StateName));
        Assert.Equal("server-1", history[0].Data["ServerId"]);
    }

    [Fact]
    public void Servers_AnnounceHeartbeatRemove_HeartbeatOfRemovedServerThrows()
    {
        using var connection = Connect();
        connection.AnnounceServer("server-a", new ServerContext { WorkerCount = 4, Queues = ["default", "critical"] });
        connection.AnnounceServer("server-b", new ServerContext { WorkerCount = 1, Queues = ["default"] });

        connection.Heartbeat("server-a");
        Assert.Equal(0, connection.RemoveTimedOutServers(TimeSpan.FromHours(1)));
        var servers = Monitor().Servers().OrderBy(s => s.Name).ToList();
        Assert.Equal(["server-a", "server-b"], servers.Select(s => s.Name));
        Assert.Equal(4, servers[0].WorkersCount);
        Assert.Equal(["default", "critical"], servers[0].Queues);
        Assert.NotNull(servers[0].Heartbeat);

        connection.RemoveServer("server-a");

        Assert.Throws<BackgroundServerGoneException>(() => connection.Heartbeat("server-a"));
        Assert.Equal("server-b", Assert.Single(Monitor().Servers()).Name);
    }

    [Fact]
    public void GetUtcDateTime_IsCloseToTheStorageClock()
    {
        using var connection = Connect();

        Assert.InRange(connection.GetUtcDateTime(), Clock.GetUtcNow().UtcDateTime.AddMinutes(-1), Clock.GetUtcNow().UtcDateTime.AddMinutes(1));
    }
}
