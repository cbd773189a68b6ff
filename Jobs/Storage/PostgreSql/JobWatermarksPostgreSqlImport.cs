using Npgsql;
using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs.Storage.PostgreSql;

/// <summary>
/// Writes job watermarks into <c>job_watermarks</c> on the caller's connection and transaction, so the recurring jobs
/// carry on from where the single node left them instead of running over old ground again.
/// </summary>
public static class JobWatermarksPostgreSqlImport
{
    /// <summary>The table written.</summary>
    public const string Table = "job_watermarks";

    /// <summary>Inserts the watermarks (a handful: plain inserts in one batch); the caller commits or rolls back.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyCollection<JobWatermark> watermarks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(watermarks);
        if (watermarks.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var watermark in watermarks)
        {
            var command = new NpgsqlBatchCommand("INSERT INTO job_watermarks (id, position, completed_at, summary) VALUES ($1, $2, $3, $4)");
            command.Parameters.Add(new() { Value = watermark.Id });
            command.Parameters.Add(new() { Value = DateTime.SpecifyKind(watermark.Position, DateTimeKind.Utc) });
            command.Parameters.Add(new() { Value = DateTime.SpecifyKind(watermark.CompletedAt, DateTimeKind.Utc) });
            command.Parameters.Add(new() { Value = (object?)watermark.Summary ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
