using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.LiteDb;

/// <summary>The token store contract on a real LiteDB file.</summary>
public sealed class LiteDbTokenStoreContractTests : TokenStoreContract
{
    /// <inheritdoc />
    protected override TokenStoreSet OpenStores() => LiteDbStores.Open();
}
