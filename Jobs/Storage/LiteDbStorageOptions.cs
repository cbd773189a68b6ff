using System.ComponentModel.DataAnnotations;

namespace ScimGateway.Jobs.Storage;

/// <summary>Settings of <see cref="LiteDbJobStorage"/>. Call <see cref="Validate()"/> (or DataAnnotations validation) at start.</summary>
public sealed class LiteDbStorageOptions : IValidatableObject
{
    /// <summary>
    /// How long a fetched queue entry stays invisible to other workers without a refresh. Entries held by live workers are
    /// refreshed every fifth of this, so it only matters when a process dies: its entries become fetchable again after it.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the expiration manager deletes expired jobs, sets, lists, hashes, counters and locks.</summary>
    public TimeSpan JobExpirationCheckInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Fallback wait of an idle worker between queue checks. Enqueues in this process wake workers at once, so this only
    /// bounds how late an entry recovered from a dead process is noticed.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the LiteDB log file is merged into the data file (<c>Checkpoint()</c>).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Fallback wait between attempts to take a busy distributed lock (releases in this process wake waiters at once).</summary>
    public TimeSpan DistributedLockPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Expiry of a distributed lock row; held locks are refreshed every fifth of this, so a lock left by a dead process is
    /// free again after at most this long.
    /// </summary>
    public TimeSpan DistributedLockLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many expired documents one expiration batch (one write transaction) deletes.</summary>
    public int ExpirationBatchSize { get; set; } = 1_000;

    /// <summary>Throws <see cref="ValidationException"/> with every problem when a setting is out of range.</summary>
    public void Validate()
    {
        var errors = Validate(new ValidationContext(this)).Select(r => r.ErrorMessage).ToList();
        if (errors.Count > 0)
        {
            throw new ValidationException(string.Join(" ", errors));
        }
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Below a minute a GC pause or a slow disk between two refreshes could let a second worker fetch a running job.
        if (InvisibilityTimeout < TimeSpan.FromMinutes(1))
        {
            yield return Error(nameof(InvisibilityTimeout), "must be at least 1 minute");
        }

        // Held locks are refreshed every fifth of the lifetime; below 5 s a refresh could miss its slot under load.
        if (DistributedLockLifetime < TimeSpan.FromSeconds(5))
        {
            yield return Error(nameof(DistributedLockLifetime), "must be at least 5 seconds");
        }

        foreach (var (name, value) in new[]
        {
            (nameof(JobExpirationCheckInterval), JobExpirationCheckInterval),
            (nameof(QueuePollInterval), QueuePollInterval),
            (nameof(CheckpointInterval), CheckpointInterval),
            (nameof(DistributedLockPollInterval), DistributedLockPollInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return Error(name, "must be positive");
            }
        }

        if (ExpirationBatchSize <= 0)
        {
            yield return Error(nameof(ExpirationBatchSize), "must be positive");
        }
    }

    private static ValidationResult Error(string member, string problem) =>
        new($"LiteDbStorageOptions.{member} {problem}.", [member]);
}
