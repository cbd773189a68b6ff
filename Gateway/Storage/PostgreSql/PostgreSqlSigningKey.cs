using System.Security.Cryptography;
using Npgsql;
using ScimGateway.Tokens.Format;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// The token signing key of cluster mode when <c>Tokens:SigningKey</c> is not configured: kept in
/// <c>signing_keys</c>, created once by whichever node gets there first. Every node offers fresh material with
/// <c>ON CONFLICT DO NOTHING</c> and then uses the row that won, so nodes that start together agree.
/// </summary>
public static class PostgreSqlSigningKey
{
    /// <summary>The row of the token signing key.</summary>
    public const string TokenSigningKeyId = "token-signing";

    /// <summary>Returns the configured key (base64) if any, else the database's, creating it when absent.</summary>
    public static async Task<SigningKey> LoadOrCreateAsync(NpgsqlDataSource dataSource, string? configuredBase64, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(clock);
        if (!string.IsNullOrWhiteSpace(configuredBase64))
        {
            return new SigningKey(Convert.FromBase64String(configuredBase64));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var offer = new NpgsqlCommand(
            "INSERT INTO signing_keys (id, material, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING", connection))
        {
            offer.Parameters.Add(new() { Value = TokenSigningKeyId });
            offer.Parameters.Add(new() { Value = RandomNumberGenerator.GetBytes(64) });
            offer.Parameters.Add(new() { Value = clock.GetUtcNow() });
            await offer.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = new NpgsqlCommand("SELECT material FROM signing_keys WHERE id = $1", connection);
        read.Parameters.Add(new() { Value = TokenSigningKeyId });
        var material = (byte[])(await read.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("The signing key row vanished right after it was written."));
        return new SigningKey(material);
    }
}
