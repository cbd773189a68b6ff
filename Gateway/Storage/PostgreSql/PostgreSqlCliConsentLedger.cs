using Npgsql;
using ScimGateway.Gateway.CliLogin;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// Used consent ids in <c>cli_consents</c>. The primary key decides: <c>INSERT ... ON CONFLICT DO NOTHING</c> inserts
/// one row for the first spend on any node and none for every later one, so a form is spent once across the cluster.
/// </summary>
internal sealed class PostgreSqlCliConsentLedger(NpgsqlDataSource dataSource, TimeProvider time) : ICliConsentLedger
{
    public bool TryConsume(string consentId, DateTimeOffset expiresAt)
    {
        using var connection = dataSource.OpenConnection();
        using (var prune = new NpgsqlCommand("DELETE FROM cli_consents WHERE expires_at < $1", connection))
        {
            prune.Parameters.Add(new() { Value = time.GetUtcNow() });
            prune.ExecuteNonQuery();
        }

        using var insert = new NpgsqlCommand("INSERT INTO cli_consents (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", connection);
        insert.Parameters.Add(new() { Value = consentId.ToLowerInvariant() });
        insert.Parameters.Add(new() { Value = expiresAt.ToUniversalTime() });
        return insert.ExecuteNonQuery() == 1;
    }
}
