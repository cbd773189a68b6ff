namespace ScimGateway.Jobs.Watermarks;

/// <summary>
/// The jobs' watermarks, kept with the application's data rather than in Hangfire's storage. Each job derives its work
/// from that data (tokens not yet marked expired, warnings not yet delivered, buckets not yet folded) and moves its
/// watermark only after that work is committed, so a missed or repeated run neither loses nor repeats anything.
/// </summary>
public interface IJobWatermarkStore
{
    /// <summary>The job's watermark; null before its first completed run.</summary>
    JobWatermark? Find(string jobId);

    /// <summary>
    /// Records a completed run: sets <see cref="JobWatermark.CompletedAt"/> and <see cref="JobWatermark.Summary"/>, and
    /// moves <see cref="JobWatermark.Position"/> to <paramref name="position"/> unless it is already later (never back).
    /// </summary>
    void Advance(string jobId, DateTime position, DateTime completedAt, string summary);
}
