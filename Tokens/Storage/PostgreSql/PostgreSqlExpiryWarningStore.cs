using Npgsql;
using ScimGateway.Tokens.Expiration;

namespace ScimGateway.Tokens.Storage.PostgreSql;

/// <summary>The expiry-warning ledger in PostgreSQL, table <c>expiry_warnings</c>, one row per token and threshold.</summary>
public sealed class PostgreSqlExpiryWarningStore(NpgsqlDataSource dataSource) : IExpiryWarningStore
{
    private const string Columns = "token_id, threshold_days, logged_at, delivered_at, gave_up_at, failed_runs";
    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <inheritdoc />
    public ExpiryWarningRecord? Find(string tokenId, int thresholdDays) =>
        PostgreSqlSession.OnConnection(_dataSource, connection => PostgreSqlSession.Query(connection, null,
            $"SELECT {Columns} FROM expiry_warnings WHERE token_id = @token_id AND threshold_days = @threshold_days", Read,
            ("token_id", tokenId), ("threshold_days", thresholdDays))).FirstOrDefault();

    /// <inheritdoc />
    public bool TryAdd(ExpiryWarningRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Id = ExpiryWarningRecord.KeyOf(record.TokenId, record.ThresholdDays);
        return PostgreSqlSession.OnConnection(_dataSource, connection => PostgreSqlSession.Execute(connection, null,
            $"INSERT INTO expiry_warnings ({Columns}) VALUES (@token_id, @threshold_days, @logged_at, @delivered_at, @gave_up_at, @failed_runs) "
            + "ON CONFLICT (token_id, threshold_days) DO NOTHING",
            ("token_id", record.TokenId), ("threshold_days", record.ThresholdDays), ("logged_at", record.LoggedAt),
            ("delivered_at", record.DeliveredAt), ("gave_up_at", record.GaveUpAt), ("failed_runs", record.FailedRuns)) > 0);
    }

    /// <inheritdoc />
    public bool Update(ExpiryWarningRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return PostgreSqlSession.OnConnection(_dataSource, connection => PostgreSqlSession.Execute(connection, null,
            "UPDATE expiry_warnings SET logged_at = @logged_at, delivered_at = @delivered_at, gave_up_at = @gave_up_at, failed_runs = @failed_runs "
            + "WHERE token_id = @token_id AND threshold_days = @threshold_days",
            ("token_id", record.TokenId), ("threshold_days", record.ThresholdDays), ("logged_at", record.LoggedAt),
            ("delivered_at", record.DeliveredAt), ("gave_up_at", record.GaveUpAt), ("failed_runs", record.FailedRuns)) > 0);
    }

    /// <inheritdoc />
    public int PruneDeletedTokens() =>
        PostgreSqlSession.OnConnection(_dataSource, connection => PostgreSqlSession.Execute(connection, null,
            "DELETE FROM expiry_warnings w WHERE NOT EXISTS (SELECT 1 FROM tokens t WHERE t.id = w.token_id)"));

    private static ExpiryWarningRecord Read(NpgsqlDataReader reader)
    {
        var tokenId = reader.Text("token_id")!;
        var thresholdDays = reader.GetInt32(reader.GetOrdinal("threshold_days"));
        return new ExpiryWarningRecord
        {
            Id = ExpiryWarningRecord.KeyOf(tokenId, thresholdDays),
            TokenId = tokenId,
            ThresholdDays = thresholdDays,
            LoggedAt = reader.Time("logged_at")!.Value,
            DeliveredAt = reader.Time("delivered_at"),
            GaveUpAt = reader.Time("gave_up_at"),
            FailedRuns = reader.GetInt32(reader.GetOrdinal("failed_runs")),
        };
    }
}
