using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.PostgreSql;

/// <summary>The audit store contract on a real PostgreSQL database, migrated by the gateway's migrator.</summary>
[PostgreSqlContract]
public sealed class PostgreSqlAuditStoreContractTests(TokensPostgreSqlDatabase database) : AuditStoreContract, IClassFixture<TokensPostgreSqlDatabase>
{
    /// <inheritdoc />
    protected override TokenStoreSet OpenStores() => database.OpenEmpty();
}
