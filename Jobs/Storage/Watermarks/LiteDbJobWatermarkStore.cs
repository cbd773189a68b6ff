using LiteDB;
using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs.Storage.Watermarks;

/// <summary>Job watermarks in the application's LiteDB database (not Hangfire's), collection <c>job_watermarks</c>.</summary>
public sealed class LiteDbJobWatermarkStore : IJobWatermarkStore
{
    private readonly ILiteCollection<JobWatermark> _watermarks;

    // A LiteDB read takes no write lock, so two runs could both read the old position and the later writer could move
    // it back; one process owns the database file, so a lock in the store serializes read and write.
    private readonly Lock _advancing = new();

    /// <summary>Opens the collection.</summary>
    public LiteDbJobWatermarkStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _watermarks = database.GetCollection<JobWatermark>("job_watermarks");
    }

    /// <inheritdoc />
    public JobWatermark? Find(string jobId) => _watermarks.FindById(jobId);

    /// <inheritdoc />
    public void Advance(string jobId, DateTime position, DateTime completedAt, string summary)
    {
        lock (_advancing)
        {
            var current = Find(jobId);
            _watermarks.Upsert(new JobWatermark
            {
                Id = jobId,
                Position = current is not null && current.Position > position ? current.Position : position,
                CompletedAt = completedAt,
                Summary = summary,
            });
        }
    }
}
