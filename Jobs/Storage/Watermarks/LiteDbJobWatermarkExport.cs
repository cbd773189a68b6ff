using LiteDB;
using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs.Storage.Watermarks;

/// <summary>Reads the job watermarks out of the application's LiteDB database for a storage copy (not Hangfire's file).</summary>
public static class LiteDbJobWatermarkExport
{
    /// <summary>The watermarks, by job id. A handful of rows: read at once.</summary>
    public static IReadOnlyList<JobWatermark> Read(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return [.. database.GetCollection<JobWatermark>("job_watermarks").FindAll()];
    }
}
