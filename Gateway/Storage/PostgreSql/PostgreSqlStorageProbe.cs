using System.Data.Common;
using Npgsql;
using ScimGateway.Gateway.Health;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>The storage probe on PostgreSQL: one upsert of this node's row in <c>storage_probe</c>, read back.</summary>
internal sealed class PostgreSqlStorageProbe(NpgsqlDataSource dataSource) : IStorageProbe
{
    private readonly string _node = Environment.MachineName + ":" + Environment.ProcessId;

    public StorageProbeResult WriteAndReadBack(DateTime at)
    {
        try
        {
            using var connection = dataSource.OpenConnection();
            using (var upsert = new NpgsqlCommand(
                "INSERT INTO storage_probe (id, checked_at) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET checked_at = EXCLUDED.checked_at", connection))
            {
                upsert.Parameters.Add(new() { Value = _node });
                upsert.Parameters.Add(new() { Value = DateTime.SpecifyKind(at, DateTimeKind.Utc) });
                upsert.ExecuteNonQuery();
            }

            using var read = new NpgsqlCommand("SELECT 1 FROM storage_probe WHERE id = $1", connection);
            read.Parameters.Add(new() { Value = _node });
            return read.ExecuteScalar() is null ? StorageProbeResult.NotReadBack : StorageProbeResult.Ok;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ObjectDisposedException or TimeoutException)
        {
            return StorageProbeResult.Failed(ex);
        }
    }

    public bool IsReachable()
    {
        try
        {
            using var command = dataSource.CreateCommand("SELECT 1");
            return command.ExecuteScalar() is not null;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ObjectDisposedException or TimeoutException)
        {
            return false;
        }
    }
}
