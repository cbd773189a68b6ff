using Npgsql;

namespace ScimGateway.Tokens.Storage.PostgreSql;

/// <summary>Reading token rows, and the last-use write that the token store and the usage store share.</summary>
internal static class TokenRows
{
    public const string Columns =
        "id, hash, name, owner_name_key, owner_id, owner_kind, scim_only, created_at, created_by, expires_at, revoked_at, "
        + "revoked_by, revoked_by_kind, revoked_by_role, expired_at, version, last_used_at, last_used_address";

    /// <summary>One token row.</summary>
    public static TokenRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.Text("id")!,
        Hash = reader.Text("hash")!,
        Name = reader.Text("name")!,
        OwnerNameKey = reader.Text("owner_name_key")!,
        OwnerId = reader.Text("owner_id")!,
        OwnerKind = reader.Enum<OwnerKind>("owner_kind")!.Value,
        ScimOnly = reader.GetBoolean(reader.GetOrdinal("scim_only")),
        CreatedAt = reader.Time("created_at")!.Value,
        CreatedBy = reader.Text("created_by")!,
        ExpiresAt = reader.Time("expires_at"),
        RevokedAt = reader.Time("revoked_at"),
        RevokedBy = reader.Text("revoked_by"),
        RevokedByKind = reader.Enum<OwnerKind>("revoked_by_kind"),
        RevokedByRole = reader.Enum<Role>("revoked_by_role"),
        ExpiredAt = reader.Time("expired_at"),
        Version = reader.GetInt64(reader.GetOrdinal("version")),
        LastUsedAt = reader.Time("last_used_at"),
        LastUsedAddress = reader.Text("last_used_address"),
    };

    /// <summary>
    /// Moves last use forward for tokens that still exist, writing only the usage fields, never backwards (a row whose
    /// last use is already as late is left alone, so parallel writers end at the latest). One update per token, the
    /// latest of <paramref name="updates"/>, in token-id order so that writers locking several rows cannot deadlock.
    /// </summary>
    public static void UpdateLastUsed(NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<LastUseUpdate> updates)
    {
        var latest = updates
            .GroupBy(u => u.TokenId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(u => u.UsedAt)!)
            .OrderBy(u => u.TokenId, StringComparer.Ordinal)
            .ToList();
        if (latest.Count == 0)
        {
            return;
        }

        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var update in latest)
        {
            var command = new NpgsqlBatchCommand(
                "UPDATE tokens SET last_used_at = @at, last_used_address = @address "
                + "WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @at)");
            command.Parameters.AddWithValue("at", PostgreSqlSession.Utc(update.UsedAt));
            command.Parameters.AddWithValue("address", (object?)update.Address ?? DBNull.Value);
            command.Parameters.AddWithValue("id", update.TokenId);
            batch.BatchCommands.Add(command);
        }

        batch.ExecuteNonQuery();
    }
}
