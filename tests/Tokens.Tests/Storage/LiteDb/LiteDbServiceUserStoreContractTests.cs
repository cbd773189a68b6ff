using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.LiteDb;

/// <summary>The service user store contract on a real LiteDB file.</summary>
public sealed class LiteDbServiceUserStoreContractTests : ServiceUserStoreContract
{
    /// <inheritdoc />
    protected override TokenStoreSet OpenStores() => LiteDbStores.Open();
}
