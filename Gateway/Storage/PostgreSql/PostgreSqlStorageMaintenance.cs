using Npgsql;
using ScimGateway.Gateway.Cluster;
using ScimGateway.Jobs.Maintenance;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// The <c>storage-maintenance</c> job's housekeeping on PostgreSQL: PostgreSQL vacuums by itself, so what is left is
/// pruning the change log (rows older than a day) and the readiness markers of nodes gone for a day.
/// </summary>
internal sealed class PostgreSqlStorageMaintenance(NpgsqlDataSource dataSource, TimeProvider time) : IStorageMaintenance
{
    public void Checkpoint()
    {
        var now = time.GetUtcNow();
        ChangeLog.Prune(dataSource, now);
        using var command = dataSource.CreateCommand("DELETE FROM storage_probe WHERE checked_at < $1");
        command.Parameters.Add(new() { Value = now - ChangeLog.Retention });
        command.ExecuteNonQuery();
    }
}
