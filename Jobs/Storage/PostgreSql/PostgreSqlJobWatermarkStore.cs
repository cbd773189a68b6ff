using Npgsql;
using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs.Storage.PostgreSql;

/// <summary>
/// Job watermarks in PostgreSQL (the application's tables, not Hangfire's schema), table <c>job_watermarks</c>. Advance
/// is one upsert whose position is the greater of the stored and the new one, so runs on several nodes never move it back.
/// </summary>
public sealed class PostgreSqlJobWatermarkStore(NpgsqlDataSource dataSource) : IJobWatermarkStore
{
    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <inheritdoc />
    public JobWatermark? Find(string jobId)
    {
        using var command = _dataSource.CreateCommand("SELECT id, position, completed_at, summary FROM job_watermarks WHERE id = @id");
        command.Parameters.AddWithValue("id", jobId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new JobWatermark
        {
            Id = reader.GetString(0),
            Position = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
            CompletedAt = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
            Summary = reader.IsDBNull(3) ? null : reader.GetString(3),
        };
    }

    /// <inheritdoc />
    public void Advance(string jobId, DateTime position, DateTime completedAt, string summary)
    {
        using var command = _dataSource.CreateCommand(
            "INSERT INTO job_watermarks AS w (id, position, completed_at, summary) VALUES (@id, @position, @completed_at, @summary) "
            + "ON CONFLICT (id) DO UPDATE SET position = greatest(w.position, excluded.position), "
            + "completed_at = excluded.completed_at, summary = excluded.summary");
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("position", Utc(position));
        command.Parameters.AddWithValue("completed_at", Utc(completedAt));
        command.Parameters.AddWithValue("summary", (object?)summary ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    // Npgsql refuses an unspecified kind for timestamptz; the jobs pass UTC, and LiteDB takes unspecified as UTC too.
    private static DateTime Utc(DateTime time) =>
        time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
