using Npgsql;
using ScimGateway.Tokens.Audit;

namespace ScimGateway.Tokens.Storage.PostgreSql;

/// <summary>The audit trail in PostgreSQL, table <c>audit</c>, ids from its identity column.</summary>
public sealed class PostgreSqlAuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    private readonly NpgsqlDataSource _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));

    /// <inheritdoc />
    public void Append(AuditRecord record) =>
        PostgreSqlSession.OnConnection(_dataSource, connection =>
        {
            AuditRows.Append(connection, null, record);
            return true;
        });

    /// <inheritdoc />
    public AuditPage ReadPage(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        // The count and the page in one transaction (repeatable read), so the total matches the items.
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        using var count = PostgreSqlSession.Command(connection, transaction, "SELECT count(*) FROM audit");
        var total = (int)(long)count.ExecuteScalar()!;
        var items = PostgreSqlSession.Query(connection, transaction,
            $"SELECT {AuditRows.Columns} FROM audit ORDER BY id DESC OFFSET @skip LIMIT @take", AuditRows.Read,
            ("skip", (long)(page - 1) * pageSize), ("take", pageSize));
        transaction.Commit();
        return new AuditPage(items, total, page, pageSize);
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditRecord> Find(string action, string target) =>
        PostgreSqlSession.OnConnection(_dataSource, connection => PostgreSqlSession.Query(connection, null,
            $"SELECT {AuditRows.Columns} FROM audit WHERE action = @action AND target = @target ORDER BY id", AuditRows.Read,
            ("action", action), ("target", target)));

    /// <inheritdoc />
    public int PruneBefore(DateTime before) =>
        PostgreSqlSession.OnConnection(_dataSource, connection =>
            PostgreSqlSession.Execute(connection, null, "DELETE FROM audit WHERE at < @before", ("before", before)));
}
