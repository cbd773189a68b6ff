using LiteDB;
using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs.Storage.Watermarks;

/// <summary>Job watermarks in the application's LiteDB database (not Hangfire's), collection <c>job_watermarks</c>.</summary>
public sealed class LiteDbJobWatermarkStore : IJobWatermarkStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<JobWatermark> _watermarks;

    /// <summary>Opens the collection.</summary>
    public LiteDbJobWatermarkStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _watermarks = database.GetCollection<JobWatermark>("job_watermarks");
    }

    /// <inheritdoc />
    public JobWatermark? Find(string jobId) => _watermarks.FindById(jobId);

    /// <inheritdoc />
    public void Advance(string jobId, DateTime position, DateTime completedAt, string summary)
    {
        // Read and write in one transaction, so two runs finishing at once cannot move the position back.
        var owned = _database.BeginTrans();
        try
        {
            var current = Find(jobId);
            _watermarks.Upsert(new JobWatermark
            {
                Id = jobId,
                Position = current is not null && current.Position > position ? current.Position : position,
                CompletedAt = completedAt,
                Summary = summary,
            });
            if (owned)
            {
                _database.Commit();
            }
        }
        catch
        {
            if (owned)
            {
                _database.Rollback();
            }

            throw;
        }
    }
}
