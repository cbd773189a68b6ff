using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.PostgreSql;

/// <summary>The service user store contract on a real PostgreSQL database, migrated by the gateway's migrator.</summary>
[PostgreSqlContract]
public sealed class PostgreSqlServiceUserStoreContractTests(TokensPostgreSqlDatabase database) : ServiceUserStoreContract, IClassFixture<TokensPostgreSqlDatabase>
{
    /// <inheritdoc />
    protected override TokenStoreSet OpenStores() => database.OpenEmpty();
}
