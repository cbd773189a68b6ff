using Hangfire;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ScimGateway.Jobs.Storage.Connection;
using ScimGateway.Jobs.Storage.Database;
using ScimGateway.Jobs.Storage.Maintenance;
using ScimGateway.Jobs.Storage.Monitoring;

namespace ScimGateway.Jobs.Storage;

/// <summary>
/// Hangfire job storage in one LiteDB file, for a single process that owns the file (the caller guards the directory).
/// All writes are serialized one LiteDB transaction at a time; clocks come from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class LiteDbJobStorage : JobStorage, IDisposable
{
    private static readonly HashSet<string> Features = new(StringComparer.OrdinalIgnoreCase)
    {
        JobStorageFeatures.JobQueueProperty,
        JobStorageFeatures.ExtendedApi,
        JobStorageFeatures.ProcessesInsteadOfComponents,
        "Connection.GetUtcDateTime",
        "Connection.GetSetContains",
        "Connection.GetSetCount.Limited",
        "Connection.BatchedGetFirstByLowestScoreFromSet",
        "Monitoring.AwaitingJobs",
        "Monitoring.DeletedStateGraphs",
        "Transaction.AcquireDistributedLock",
        "Transaction.CreateJob",
        "Transaction.SetJobParameter",
    };

    private readonly LiteDbStore _store;
    private readonly ExpirationManager _expiration;

    /// <summary>Opens (or creates) the storage file with the system clock.</summary>
    public LiteDbJobStorage(string filePath, LiteDbStorageOptions options)
        : this(filePath, options, TimeProvider.System)
    {
    }

    /// <summary>Opens (or creates) the storage file.</summary>
    public LiteDbJobStorage(string filePath, LiteDbStorageOptions options, TimeProvider timeProvider)
        : this(filePath, options, timeProvider, NullLogger<LiteDbJobStorage>.Instance)
    {
    }

    /// <summary>Opens (or creates) the storage file, logging engine failures and reopens to <paramref name="logger"/>.</summary>
    public LiteDbJobStorage(string filePath, LiteDbStorageOptions options, TimeProvider timeProvider, ILogger<LiteDbJobStorage> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        FilePath = filePath;
        _store = new LiteDbStore(filePath, options, timeProvider, logger);
        _expiration = new ExpirationManager(_store);
    }

    /// <summary>The storage file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public override bool LinearizableReads => true;

    internal LiteDbStore Store => _store;

    /// <inheritdoc />
    public override IMonitoringApi GetMonitoringApi() => new LiteDbMonitoringApi(_store);

    /// <inheritdoc />
    public override IStorageConnection GetConnection() => new LiteDbConnection(_store);

    /// <inheritdoc />
    public override bool HasFeature(string featureId)
    {
        ArgumentNullException.ThrowIfNull(featureId);
        return Features.Contains(featureId);
    }

    /// <inheritdoc />
    public override IEnumerable<IBackgroundProcess> GetStorageWideProcesses()
    {
        yield return _expiration;
        yield return new CheckpointProcess(_store);
    }

    /// <inheritdoc />
    public override IEnumerable<IBackgroundProcess> GetServerRequiredProcesses() => [];

    /// <summary>Deletes everything that has expired now (the expiration manager does this on its interval).</summary>
    public int RemoveExpired() => _expiration.RemoveExpired();

    /// <inheritdoc />
    public override string ToString() => $"LiteDB job storage: {FilePath}";

    /// <summary>Stops the keep-alive timer and closes the database; held entries and locks then time out as a dead process's would.</summary>
    public void Dispose() => _store.Dispose();
}
