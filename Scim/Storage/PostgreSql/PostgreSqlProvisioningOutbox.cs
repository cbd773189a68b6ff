using Npgsql;
using ScimGateway.Scim.Provisioning;
using static ScimGateway.Scim.Storage.PostgreSql.PostgreSqlScim;

namespace ScimGateway.Scim.Storage.PostgreSql;

/// <summary>
/// The provisioning outbox in table <c>scim_outbox</c>, shared by every node. Reading pending events claims them for
/// this node for <see cref="ClaimFor"/> (<c>FOR UPDATE SKIP LOCKED</c>, then a lease), so two nodes' dispatchers do
/// not deliver the same event at the same moment; a node that dies holding a claim loses it when the lease ends, and
/// another node delivers the event then. A delivered event is deleted, so completing twice is harmless.
/// </summary>
public sealed class PostgreSqlProvisioningOutbox : IProvisioningOutbox
{
    /// <summary>How long a node keeps the events it read before others may deliver them.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _dataSource;

    // This store instance is this node: it sees its own claims again (a delivery retried after a failure).
    private readonly Guid _node = Guid.NewGuid();

    /// <summary>Uses the process's data source; the schema comes from the migrations.</summary>
    public PostgreSqlProvisioningOutbox(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc />
    public IReadOnlyList<PendingProvisioningEvent> Pending(int max)
    {
        if (max <= 0)
        {
            return [];
        }

        return InTransaction(_dataSource, (connection, transaction) => Query(connection, transaction,
            """
            WITH claimable AS (
                SELECT sequence FROM scim_outbox
                WHERE claimed_by IS NULL OR claimed_by = @node OR claimed_until < now()
                ORDER BY sequence
                LIMIT @max
                FOR UPDATE SKIP LOCKED)
            UPDATE scim_outbox o SET claimed_by = @node, claimed_until = now() + @lease
            FROM claimable WHERE o.sequence = claimable.sequence
            RETURNING o.sequence, o.kind, o.user_id
            """,
            r => new PendingProvisioningEvent(r.GetInt64(0), new ProvisioningEvent((ProvisioningEventKind)r.GetInt16(1), r.GetString(2))),
            ("node", _node), ("max", (long)max), ("lease", ClaimFor)).OrderBy(p => p.Sequence).ToList());
    }

    /// <inheritdoc />
    public bool Complete(long sequence) =>
        InTransaction(_dataSource, (connection, transaction) =>
            Execute(connection, transaction, "DELETE FROM scim_outbox WHERE sequence = @sequence", ("sequence", sequence)) > 0);
}
