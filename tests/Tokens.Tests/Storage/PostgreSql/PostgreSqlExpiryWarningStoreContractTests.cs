using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.PostgreSql;

/// <summary>The expiry-warning ledger contract on a real PostgreSQL database, migrated by the gateway's migrator.</summary>
[PostgreSqlContract]
public sealed class PostgreSqlExpiryWarningStoreContractTests(TokensPostgreSqlDatabase database) : ExpiryWarningStoreContract, IClassFixture<TokensPostgreSqlDatabase>
{
    /// <inheritdoc />
    protected override TokenStoreSet OpenStores() => database.OpenEmpty();
}
