using Npgsql;
using ScimGateway.Tokens.Audit;

namespace ScimGateway.Tokens.Storage.PostgreSql;

/// <summary>
/// Tokens in PostgreSQL, table <c>tokens</c>; their audit entries go to <c>audit</c> in the same transaction. Lifecycle
/// changes are compare-and-set on <c>version</c>, so nodes sharing the database cannot overwrite each other's decisions.
/// </summary>
public sealed class PostgreSqlTokenStore(NpgsqlDataSource dataSource) : ITokenStore
{
    private const string NameIndex = "tokens_owner_name_key";
    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <inheritdoc />
    public void Insert(TokenRecord token, AuditRecord audit)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
            {
                PostgreSqlSession.Execute(connection, transaction,
                    $"INSERT INTO tokens ({TokenRows.Columns}) VALUES (@id, @hash, @name, @owner_name_key, @owner_id, @owner_kind, @scim_only, "
                    + "@created_at, @created_by, @expires_at, @revoked_at, @revoked_by, @revoked_by_kind, @revoked_by_role, @expired_at, "
                    + "@version, @last_used_at, @last_used_address)",
                    ("id", token.Id), ("hash", token.Hash), ("name", token.Name), ("owner_name_key", token.OwnerNameKey),
                    ("owner_id", token.OwnerId), ("owner_kind", token.OwnerKind.ToString()), ("scim_only", token.ScimOnly),
                    ("created_at", token.CreatedAt), ("created_by", token.CreatedBy), ("expires_at", token.ExpiresAt),
                    ("revoked_at", token.RevokedAt), ("revoked_by", token.RevokedBy), ("revoked_by_kind", token.RevokedByKind?.ToString()),
                    ("revoked_by_role", token.RevokedByRole?.ToString()), ("expired_at", token.ExpiredAt), ("version", token.Version),
                    ("last_used_at", token.LastUsedAt), ("last_used_address", token.LastUsedAddress));
                AuditRows.Append(connection, transaction, audit);
                return true;
            });
        }
        catch (PostgresException ex) when (ex.SqlState == PostgreSqlSession.UniqueViolation && ex.ConstraintName == NameIndex)
        {
            throw new DuplicateTokenNameException("The owner already has a token of that name.", ex);
        }
    }

    /// <inheritdoc />
    public TokenRecord? FindByHash(string hash) => Select("WHERE hash = @value", hash).FirstOrDefault();

    /// <inheritdoc />
    public TokenRecord? FindById(string id) => Select("WHERE id = @value", id).FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyList<TokenRecord> ListByOwner(string ownerId) => Select("WHERE owner_id = @value ORDER BY created_at DESC, id COLLATE \"C\"", ownerId);

    /// <inheritdoc />
    public IReadOnlyList<TokenRecord> ListByOwnerKind(OwnerKind kind) =>
        Select("WHERE owner_kind = @value ORDER BY created_at DESC, id COLLATE \"C\"", kind.ToString());

    /// <inheritdoc />
    public IReadOnlyList<TokenRecord> ListExpiringBefore(DateTime before) =>
        Select("WHERE expires_at IS NOT NULL AND expires_at <= @value ORDER BY expires_at, id COLLATE \"C\"", PostgreSqlSession.Utc(before));

    /// <inheritdoc />
    public bool Update(TokenRecord token, AuditRecord? audit)
    {
        ArgumentNullException.ThrowIfNull(token);

        // The version check and the write are one statement: of two nodes that read the same version, the second
        // waits on the row lock, re-checks the version and finds it moved.
        var written = PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
        {
            var changed = PostgreSqlSession.Execute(connection, transaction,
                "UPDATE tokens SET revoked_at = @revoked_at, revoked_by = @revoked_by, revoked_by_kind = @revoked_by_kind, "
                + "revoked_by_role = @revoked_by_role, expired_at = @expired_at, version = version + 1 WHERE id = @id AND version = @version",
                ("revoked_at", token.RevokedAt), ("revoked_by", token.RevokedBy), ("revoked_by_kind", token.RevokedByKind?.ToString()),
                ("revoked_by_role", token.RevokedByRole?.ToString()), ("expired_at", token.ExpiredAt), ("id", token.Id),
                ("version", token.Version)) > 0;
            if (changed && audit is not null)
            {
                AuditRows.Append(connection, transaction, audit);
            }

            return changed;
        });
        if (written)
        {
            token.Version++;
        }

        return written;
    }

    /// <inheritdoc />
    public void UpdateLastUsed(IReadOnlyCollection<LastUseUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
        {
            TokenRows.UpdateLastUsed(connection, transaction, updates);
            return true;
        });
    }

    /// <inheritdoc />
    public bool Delete(string id, AuditRecord audit) => PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
    {
        var deleted = PostgreSqlSession.Execute(connection, transaction, "DELETE FROM tokens WHERE id = @id", ("id", id)) > 0;
        if (deleted)
        {
            AuditRows.Append(connection, transaction, audit);
        }

        return deleted;
    });

    /// <inheritdoc />
    public IReadOnlyList<TokenRecord> DeleteAllOwnedBy(string ownerId, Func<TokenRecord, AuditRecord> audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return PostgreSqlSession.InTransaction(_dataSource, (connection, transaction) =>
        {
            var deleted = PostgreSqlSession.Query(connection, transaction,
                $"DELETE FROM tokens WHERE owner_id = @owner RETURNING {TokenRows.Columns}", TokenRows.Read, ("owner", ownerId));
            var newestFirst = deleted.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
            foreach (var token in newestFirst)
            {
                AuditRows.Append(connection, transaction, audit(token));
            }

            return newestFirst;
        });
    }

    private List<TokenRecord> Select(string where, object value) =>
        PostgreSqlSession.OnConnection(_dataSource, connection =>
            PostgreSqlSession.Query(connection, null, $"SELECT {TokenRows.Columns} FROM tokens {where}", TokenRows.Read, ("value", value)));
}
