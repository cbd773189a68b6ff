using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.PostgreSql;

/// <summary>The usage store contract on a real PostgreSQL database, migrated by the gateway's migrator.</summary>
[PostgreSqlContract]
public sealed class PostgreSqlUsageStoreContractTests(TokensPostgreSqlDatabase database) : UsageStoreContract, IClassFixture<TokensPostgreSqlDatabase>
{
    /// <inheritdoc />
    protected override TokenStoreSet OpenStores() => database.OpenEmpty();
}
