using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScimGateway.Jobs.Hosting;
using ScimGateway.Jobs.Storage;

namespace ScimGateway.Jobs.Tests.Hosting;

/// <summary>
/// Registration of the recurring jobs against a real LiteDB job storage. A node killed while holding a job's lock
/// leaves it held (the case that once stopped a restarted cluster node at start): the host must start anyway, and the
/// job must be registered once the lock is free.
/// </summary>
public sealed class RecurringJobsRegistrarTests : IDisposable
{
    private static readonly string[] s_jobs = [JobIds.TokenExpiration, JobIds.UsageRollup, JobIds.StorageMaintenance];
    private readonly TempDirectory _directory = new();
    private readonly LiteDbJobStorage _storage;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public RecurringJobsRegistrarTests()
    {
        _storage = new LiteDbJobStorage(_directory.File("jobs.db"), new LiteDbStorageOptions());
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));
    }

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _storage.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Start_RegistersEveryJob()
    {
        using var registrar = CreateRegistrar();

        await registrar.StartAsync(CancellationToken.None);

        await WaitUntilAsync(() => RegisteredJobs().Count == s_jobs.Length);
        Assert.Equal(s_jobs.Order(StringComparer.Ordinal), RegisteredJobs());
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("could not be registered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithAJobLockHeldElsewhere_StillCompletes_AndRegistersThatJobOnceTheLockIsFree()
    {
        using var holder = _storage.GetConnection();
        var held = holder.AcquireDistributedLock("lock:recurring-job:" + JobIds.UsageRollup, TimeSpan.FromSeconds(1));
        using var registrar = CreateRegistrar();

        // The host's start does not wait for registration (BackgroundService runs ExecuteAsync apart on .NET 10), so a
        // held lock cannot hold the node's start up.
        await registrar.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        // Hangfire waits its own lock timeout for the held job, says so, and registers the others.
        await WaitUntilAsync(() => _logs.Lines.Any(line => line.Contains($"Recurring job {JobIds.UsageRollup} could not be registered yet", StringComparison.Ordinal)));
        await WaitUntilAsync(() => RegisteredJobs().Count == 2);
        Assert.Equal([JobIds.StorageMaintenance, JobIds.TokenExpiration], RegisteredJobs());

        held.Dispose();

        // The retry waits 5 s on the registrar's clock; the clock moves on until it has run (its wait may start late).
        await WaitUntilAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return RegisteredJobs().Count == s_jobs.Length;
        });
        Assert.Equal(s_jobs.Order(StringComparer.Ordinal), RegisteredJobs());
        await registrar.StopAsync(CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 60 s.");
            await Task.Delay(50);
        }
    }

    private RecurringJobsRegistrar CreateRegistrar() => new(
        new RecurringJobManager(_storage), Options.Create(new JobsOptions()), _time, _loggerFactory.CreateLogger<RecurringJobsRegistrar>());

    private List<string> RegisteredJobs()
    {
        using var connection = _storage.GetConnection();
        return [.. connection.GetRecurringJobs().Select(job => job.Id).Order(StringComparer.Ordinal)];
    }
}
