using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.PostgreSql;

/// <summary>The token store contract on a real PostgreSQL database, migrated by the gateway's migrator.</summary>
[PostgreSqlContract]
public sealed class PostgreSqlTokenStoreContractTests(TokensPostgreSqlDatabase database) : TokenStoreContract, IClassFixture<TokensPostgreSqlDatabase>
{
    /// <inheritdoc />
    protected override TokenStoreSet OpenStores() => database.OpenEmpty();
}
