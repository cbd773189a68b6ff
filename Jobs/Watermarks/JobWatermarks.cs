using LiteDB;

namespace ScimGateway.Jobs.Watermarks;

/// <summary>
/// The jobs' watermarks. Each job derives its work from state in the application database (tokens not yet marked
/// expired, warnings not yet delivered, buckets not yet folded) and moves its watermark only after that work is
/// committed, so a missed or repeated run neither loses nor repeats anything.
/// </summary>
public sealed class JobWatermarks
{
    private readonly ILiteCollection<JobWatermark> _watermarks;

    /// <summary>Opens the collection.</summary>
    public JobWatermarks(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _watermarks = database.GetCollection<JobWatermark>("job_watermarks");
    }

    /// <summary>The job's watermark; null before its first completed run.</summary>
    public JobWatermark? Find(string jobId) => _watermarks.FindById(jobId);

    /// <summary>Moves the job's watermark forward (never back) and records the run.</summary>
    public void Advance(string jobId, DateTime position, DateTime completedAt, string summary)
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
