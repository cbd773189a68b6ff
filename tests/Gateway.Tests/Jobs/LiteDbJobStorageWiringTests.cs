using Hangfire;
using Microsoft.Extensions.Options;
using ScimGateway.Jobs.Storage;

namespace ScimGateway.Gateway.Tests.Jobs;

/// <summary>How the gateway places, configures and closes the LiteDB job storage (no Hangfire server runs here).</summary>
public sealed class LiteDbJobStorageWiringTests
{
    [Fact]
    public void LiteDb_StorageIsHangfireDbInTheDataDirectory()
    {
        using var gateway = new GatewayFactory().WithLiteDbJobStorage();

        var storage = Assert.IsType<LiteDbJobStorage>(gateway.Service<JobStorage>());

        Assert.Equal(Path.Combine(Path.GetFullPath(gateway.DataDirectory), "hangfire.db"), storage.FilePath);
        Assert.True(File.Exists(storage.FilePath));
    }

    [Fact]
    public void LiteDbSettings_AreBoundFromJobsLiteDb()
    {
        using var gateway = new GatewayFactory().WithLiteDbJobStorage()
            .WithSetting("Jobs:LiteDb:InvisibilityTimeout", "00:05:00")
            .WithSetting("Jobs:LiteDb:DistributedLockLifetime", "00:00:30");

        var options = gateway.Service<IOptions<LiteDbStorageOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), options.InvisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.DistributedLockLifetime);
    }

    [Theory]
    [InlineData("Jobs:LiteDb:InvisibilityTimeout", "00:00:10")]
    [InlineData("Jobs:LiteDb:QueuePollInterval", "00:00:00")]
    [InlineData("Jobs:LiteDb:ExpirationBatchSize", "0")]
    public void LiteDbSetting_OutOfRange_FailsTheStart_NamingTheSetting(string key, string value)
    {
        using var gateway = new GatewayFactory().WithLiteDbJobStorage().WithSetting(key, value);

        var error = Record.Exception(() => gateway.Services);

        Assert.NotNull(error);
        Assert.Contains(key, Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_ClosesTheJobStorageFile()
    {
        using var data = new TempDirectory();
        var gateway = new GatewayFactory(data.Path).WithLiteDbJobStorage();
        var file = Assert.IsType<LiteDbJobStorage>(gateway.Service<JobStorage>()).FilePath;
        gateway.Service<IBackgroundJobClient>().Enqueue(() => TestJobs.Noop());
        // While LiteDB has the file open (a shared lock on Unix), nobody can open it exclusively.
        Assert.Throws<IOException>(() => new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());

        await gateway.DisposeAsync();

        await FileRelease.WaitUntilClosedAsync(file);
    }

    private static string Messages(Exception error) => error is AggregateException all
        ? string.Join(" ", all.InnerExceptions.Select(Messages))
        : error.Message + (error.InnerException is { } inner ? " " + Messages(inner) : string.Empty);
}
